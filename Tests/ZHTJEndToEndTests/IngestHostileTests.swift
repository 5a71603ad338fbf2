import Foundation
import Testing
import ZHTJTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Hostile and odd inbox entries through the real daemon: each refused with its own reason, kept, never read through
/// a link; odd names work and are shown escaped (issue 3).
@Suite struct IngestHostileTests {
    /// The daemon's resident memory (VmRSS), in kB.
    static func residentKB(_ pid: Int32) -> Int {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }

    @Test func eachHostileFileIsRefusedWithItsReasonAndTheDaemonCarriesOn() throws {
        let s = try Scenario.withMembers()
        let pid = s.daemon.process?.processIdentifier ?? 0
        let before = Self.residentKB(pid)
        let folder = s.daemon.inboxFolder(branchA)
        let secret = s.daemon.root + "/secret.pdf"
        FileManager.default.createFile(atPath: secret, contents: Data(PDFBuilder.textForm(number: "202144010001")))
        let cases: [(String, String)] = [
            ("fake.pdf", "not-pdf"), ("encrypted.pdf", "encrypted"), ("truncated.pdf", "damaged"), ("empty.pdf", "empty"),
            ("zero-pages.pdf", "no-pages"), ("huge-count.pdf", "no-pages"), ("oversized.pdf", "too-large"),
            ("link.pdf", "symlink"), ("fifo.pdf", "not-regular"), ("hard.pdf", "hard-link"),
        ]
        try s.daemon.drop(HostilePDF.fake(), folder: branchA, name: "fake.pdf")
        try s.daemon.drop(HostilePDF.encrypted(), folder: branchA, name: "encrypted.pdf")
        try s.daemon.drop(HostilePDF.truncated(), folder: branchA, name: "truncated.pdf")
        try s.daemon.drop(HostilePDF.emptyFile(), folder: branchA, name: "empty.pdf")
        try s.daemon.drop(HostilePDF.zeroPages(), folder: branchA, name: "zero-pages.pdf")
        try s.daemon.drop(HostilePDF.hugeCount(), folder: branchA, name: "huge-count.pdf")
        try s.daemon.drop(PDFBuilder.sized(targetBytes: 20 * 1024 * 1024 + 1, number: "202144010001"), folder: branchA, name: "oversized.pdf")
        symlink(secret, folder + "/link.pdf")
        mkfifo(folder + "/fifo.pdf", 0o644)
        let hardSource = s.daemon.root + "/hard-source.pdf"
        FileManager.default.createFile(atPath: hardSource, contents: Data(PDFBuilder.textForm(number: "202244010002")))
        link(hardSource, folder + "/hard.pdf")
        try s.daemon.waitForEmptyInbox()

        let refused = try s.uploads("refused")
        let byName = Dictionary(refused.map { ($0["name"] as? String ?? "", $0["reasonCode"] as? String ?? "") }, uniquingKeysWith: { a, _ in a })
        for (name, code) in cases {
            #expect(byName[name] == code, "\(name): \(byName[name] ?? "not refused")")
            // Kept, with its reason beside it, in Chinese and English.
            let note = s.daemon.storage + "/refused/\(branchA)/\(name).reason.txt"
            #expect(FileManager.default.fileExists(atPath: note), "\(note)")
        }
        let oversize = try String(contentsOfFile: s.daemon.storage + "/refused/\(branchA)/oversized.pdf.reason.txt", encoding: .utf8)
        #expect(oversize.contains("请以较低分辨率重新扫描"))
        #expect(oversize.contains("scan again at a lower resolution"))
        // The link was moved, not followed: the target is untouched and nothing was archived from it.
        #expect(FileManager.default.fileExists(atPath: secret))
        #expect(try s.archives("202144010001").isEmpty)
        #expect(try s.archives("202244010002").isEmpty)
        // The daemon still answers, and its own memory did not grow with the hostile files (the parser child's is apart).
        try expectOK(s.daemon.cli(["whoami"], credentials: "root.cred"))
        // Deep structures and an inflate bomb too.
        try s.daemon.drop(HostilePDF.nestedArrays(), folder: branchA, name: "nested.pdf")
        try s.daemon.drop(HostilePDF.pageTreeLoop(withPage: false), folder: branchA, name: "loop.pdf")
        try s.daemon.drop(HostilePDF.deepPageTree(), folder: branchA, name: "deep.pdf")
        try s.daemon.drop(HostilePDF.inflateStringBomb(inflatedBytes: HostilePDF.inflateBombDefaultBytes), folder: branchA, name: "bomb.pdf")
        try s.daemon.waitForEmptyInbox(timeout: 120)
        let after = Self.residentKB(pid)
        print("issue 6: zhtjd VmRSS \(before) kB before, \(after) kB after the hostile files")
        #expect(after - before < 50 * 1024)
        let verdicts = Dictionary(try s.uploads("refused").map { ($0["name"] as? String ?? "", $0["reasonCode"] as? String ?? "") }, uniquingKeysWith: { a, _ in a })
        #expect(verdicts["loop.pdf"] == "no-pages")
        #expect(verdicts["bomb.pdf"] == "unsafe")
    }

    // Names are bytes: spaces, Chinese, a newline, a leading dash, invalid UTF-8 and 255 bytes all work.
    @Test func oddNamesWorkAndAreShownEscaped() throws {
        let s = try Scenario.withMembers()
        let long = Array(String(repeating: "a", count: 251).utf8) + Array(".pdf".utf8)
        let names: [[UInt8]] = [
            Array("李明 的 申请书.pdf".utf8), Array("line\nbreak.pdf".utf8), Array("-rf.pdf".utf8), [0x62, 0xFF, 0xFE, 0x2E, 0x70, 0x64, 0x66], long,
        ]
        for (i, name) in names.enumerated() {
            try s.daemon.drop(PDFBuilder.textForm(number: nil, name: "团员\(i)"), folder: branchA, name: name)
        }
        try s.daemon.waitForEmptyInbox()
        let shown = Set(try s.uploads("unmatched").compactMap { $0["name"] as? String })
        #expect(shown.contains("李明 的 申请书.pdf"))
        #expect(shown.contains("line\\nbreak.pdf"))
        #expect(shown.contains("-rf.pdf"))
        #expect(shown.contains("b\\xff\\xfe.pdf"))
        #expect(shown.contains(String(repeating: "a", count: 251) + ".pdf"))
        #expect(s.daemon.archiveCount() == names.count)
    }

    // A refused file can be put back into the inbox; it is checked again.
    @Test func refusedFilesCanBeRetried() throws {
        let s = try Scenario.withMembers()
        try s.daemon.drop(HostilePDF.fake(), folder: branchA, name: "fake.pdf")
        try s.daemon.waitForEmptyInbox()
        let first = try s.uploads("refused")
        #expect(first.count == 1)
        let id = first.first?["id"] as? Int ?? 0
        try expectOK(s.daemon.cli(["retry", String(id)], credentials: "root.cred"))
        // Checked again and refused again (the bytes did not change): a new record, the old one marked retried.
        try s.daemon.waitUntil("the retried file is refused again") { (try s.uploads("refused")).contains { ($0["id"] as? Int ?? 0) != id } }
        let again = try s.daemon.cli(["retry", String(id)], credentials: "root.cred")
        #expect(again.stderr.contains("not a refused file"))
    }
}
