import Foundation
import ZHTJFiles
import Testing
import ZHTJTestSupport
@testable import ZHTJIngest

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct ArchiveTests {
    // The archive path comes only from the hash; files are read-only; storing twice keeps one copy.
    @Test func contentAddressedAndReadOnly() throws {
        try withTemporaryDirectory { dir throws in
            let archive = ContentArchive(root: dir + "/archive")
            mkdir(dir + "/archive", 0o700)
            let bytes = PDFBuilder.textForm(number: "202344010123")
            let sha = ContentArchive.sha256(bytes)
            let first = try archive.store(bytes, sha256: sha)
            let second = try archive.store(bytes, sha256: sha)
            #expect(first)
            #expect(!second)
            let path = archive.path(for: sha)
            #expect(path.hasSuffix("/archive/\(sha.prefix(2))/\(sha.dropFirst(2).prefix(2))/\(sha).pdf"))
            let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
            #expect(mode == 0o400)
            #expect(archive.read(sha) == bytes)
            #expect(archive.allHashes() == [sha])
        }
    }

    // `audit verify` tells a missing file from a damaged one; `archive.get` reads only an intact one.
    @Test func checkTellsIntactMissingAndDamaged() throws {
        try withTemporaryDirectory { dir throws in
            let archive = ContentArchive(root: dir + "/archive")
            mkdir(dir + "/archive", 0o700)
            let bytes = PDFBuilder.textForm(number: "202344010123")
            let sha = ContentArchive.sha256(bytes)
            #expect(archive.check(sha) == .missing)
            #expect(archive.check("../../etc/passwd") == .missing)
            try archive.store(bytes, sha256: sha)
            #expect(archive.check(sha) == .intact(bytes))
            chmod(archive.path(for: sha), 0o600)
            try Data("tampered".utf8).write(to: URL(fileURLWithPath: archive.path(for: sha)))
            #expect(archive.check(sha) == .damaged)
            #expect(archive.read(sha) == nil)
        }
    }

    @Test func refusedFilesMoveWithTheirReason() throws {
        try withTemporaryDirectory { dir throws in
            let folder = RefusedFolder(root: dir + "/refused")
            mkdir(dir + "/refused", 0o750)
            for _ in 0..<2 {
                _ = FileManager.default.createFile(atPath: dir + "/x.pdf", contents: Data("junk".utf8))
                let target = folder.plan(name: Array("x.pdf".utf8), folder: "0003-某团支部")
                try folder.move(RawPath(dir + "/x.pdf"), to: target, reason: "不是PDF / not a PDF")
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: dir + "/refused/0003-某团支部").sorted()
            #expect(names == ["x.1.pdf", "x.1.pdf.reason.txt", "x.pdf", "x.pdf.reason.txt"])
            let note = try String(contentsOfFile: dir + "/refused/0003-某团支部/x.pdf.reason.txt", encoding: .utf8)
            #expect(note.contains("not a PDF"))
        }
    }

    // A file that appeared at the planned name is never overwritten.
    @Test func refusedMoveNeverOverwrites() throws {
        try withTemporaryDirectory { dir throws in
            let folder = RefusedFolder(root: dir + "/refused")
            mkdir(dir + "/refused", 0o750)
            _ = FileManager.default.createFile(atPath: dir + "/x.pdf", contents: Data("new".utf8))
            let target = folder.plan(name: Array("x.pdf".utf8), folder: "")
            _ = FileManager.default.createFile(atPath: target.description, contents: Data("already there".utf8))
            #expect(throws: (any Error).self) { try folder.move(RawPath(dir + "/x.pdf"), to: target, reason: "r") }
            let kept = try String(contentsOfFile: target.description, encoding: .utf8)
            #expect(kept == "already there")
            #expect(FileManager.default.fileExists(atPath: dir + "/x.pdf"))
        }
    }

    // Names are bytes: shown escaped, never used as shell text.
    @Test func namesAreShownEscaped() {
        #expect(InboxNames.display(Array("李明 申请书.pdf".utf8)) == "李明 申请书.pdf")
        #expect(InboxNames.display(Array("a\nb.pdf".utf8)) == "a\\nb.pdf")
        #expect(InboxNames.display([0x61, 0xFF, 0x62]) == "a\\xffb")
        #expect(InboxNames.isPending(Array(".scan.pdf".utf8)))
        #expect(InboxNames.isPending(Array("scan.pdf.part".utf8)))
        #expect(InboxNames.isPending(Array("~$scan.pdf".utf8)))
        #expect(InboxNames.isPending(Array("scan.TMP".utf8)))
        #expect(!InboxNames.isPending(Array("-scan.pdf".utf8)))
        #expect(InboxNames.orgID(folder: "0042-包装车间团支部") == 42)
        #expect(InboxNames.orgID(folder: "misc") == nil)
    }
}
