import Foundation
import ZHTJFiles
import Testing
import ZHTJCore
import ZHTJTestSupport
@testable import ZHTJIngest

#if canImport(Glibc)
    import Glibc
#endif

/// Ingest checks 1 to 4 with real libmagic, the real poppler child and generated PDFs (issue 3, R-E3).
@Suite struct InspectorTests {
    /// `zhtjd`, built beside the test runner, is the parser child.
    static let zhtjd: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("zhtjd").path
    }()

    static func inspect(_ bytes: [UInt8], runner: PDFProbeRunner = PDFProbeRunner(executable: zhtjd)) throws -> Inspector.Outcome {
        try withTemporaryDirectory { dir in
            let path = dir + "/file.pdf"
            FileManager.default.createFile(atPath: path, contents: Data(bytes))
            return try Inspector(runner: runner).inspect(RawPath(path))
        }
    }

    static func refusal(_ outcome: Inspector.Outcome) -> IngestRefusal? {
        if case .refused(let r, _) = outcome { return r }
        return nil
    }

    @Test func textFormIsReadWithItsNumberAndPages() throws {
        guard case .accepted(let file, let probe, let mime) = try Self.inspect(PDFBuilder.textForm(number: "202344010123", pages: 3)) else {
            Issue.record("a text form was refused")
            return
        }
        #expect(mime == "application/pdf")
        #expect(probe.pages == 3)
        #expect(probe.page1Text.contains("发展团员编号：202344010123"))
        #expect(file.size > 0)
    }

    @Test func scannedFormHasPagesAndNoText() throws {
        guard case .accepted(_, let probe, _) = try Self.inspect(PDFBuilder.scannedForm(number: "202344010123", pages: 2)) else {
            Issue.record("a scanned form was refused")
            return
        }
        #expect(probe.pages == 2)
        #expect(!probe.page1Text.contains("2023"))
    }

    // R-E3: at most 20 MB (20 × 1024 × 1024 bytes); a larger file is refused from its size.
    @Test func twentyMegabytesIsTheLimit() throws {
        let limit = 20 * 1024 * 1024
        #expect(Self.refusal(try Self.inspect(PDFBuilder.sized(targetBytes: limit + 1, number: nil))) == .tooLarge(limit + 1))
        // Without OCR and with a generous wall clock: this is about the size, and a loaded machine (the whole suite on
        // two cores) once took the default 30 s over the 20 MB file's images.
        let runner = PDFProbeRunner(executable: Self.zhtjd, wallSeconds: 120, ocr: false)
        let outcome = try Self.inspect(PDFBuilder.sized(targetBytes: limit, number: nil), runner: runner)
        guard case .accepted = outcome else {
            Issue.record("a file of exactly 20 MB was refused: \(String(describing: Self.refusal(outcome)))")
            return
        }
    }

    @Test func hostileFilesAreRefusedEachWithItsReason() throws {
        #expect(Self.refusal(try Self.inspect(HostilePDF.emptyFile())) == .empty)
        #expect(Self.refusal(try Self.inspect(HostilePDF.fake())) == .notPDF("text/plain"))
        #expect(Self.refusal(try Self.inspect(HostilePDF.fakePNG())) == .notPDF("image/png"))
        #expect(Self.refusal(try Self.inspect(HostilePDF.encrypted())) == .encrypted)
        #expect(Self.refusal(try Self.inspect(HostilePDF.zeroPages())) == .noPages)
        #expect(Self.refusal(try Self.inspect(HostilePDF.hugeCount())) == .noPages)
        guard case .damaged = Self.refusal(try Self.inspect(HostilePDF.truncated())) else {
            Issue.record("a truncated PDF was not refused as damaged")
            return
        }
        // Junk before the header: libmagic no longer says PDF, and the header check would refuse it too.
        let junk = Self.refusal(try Self.inspect(HostilePDF.junkBeforeHeader()))
        #expect(junk == .notPDF("application/octet-stream") || junk == .badHeader)
    }

    // A parser child that hangs is killed by the wall clock; one that crashes is a refusal, not a daemon crash.
    @Test func hangingAndCrashingParsersAreContained() throws {
        try withTemporaryDirectory { dir in
            let hang = dir + "/hang.sh", crash = dir + "/crash.sh"
            try "#!/bin/sh\nexec sleep 60\n".write(toFile: hang, atomically: true, encoding: .utf8)
            try "#!/bin/sh\nkill -SEGV $$\n".write(toFile: crash, atomically: true, encoding: .utf8)
            chmod(hang, 0o755)
            chmod(crash, 0o755)
            let pdf = PDFBuilder.textForm(number: nil)
            let started = Date()
            guard case .unsafe(let why) = Self.refusal(try Self.inspect(pdf, runner: PDFProbeRunner(executable: hang, wallSeconds: 1))) else {
                Issue.record("a hanging parser was not refused")
                return
            }
            #expect(why.contains("longer than 1 s"))
            #expect(Date().timeIntervalSince(started) < 10)
            guard case .unsafe(let crashWhy) = Self.refusal(try Self.inspect(pdf, runner: PDFProbeRunner(executable: crash))) else {
                Issue.record("a crashing parser was not refused")
                return
            }
            #expect(crashWhy.contains("signal") || crashWhy.contains("exit status"))
        }
    }

    // Check 1: a symlink, a FIFO, a hard link and a directory are refused without reading a target (and without hanging).
    @Test func specialEntriesAreRefusedWithoutReadingATarget() throws {
        try withTemporaryDirectory { dir in
            let inspector = try Inspector(runner: PDFProbeRunner(executable: Self.zhtjd))
            let secret = dir + "/secret.pdf"
            FileManager.default.createFile(atPath: secret, contents: Data(PDFBuilder.textForm(number: "202344010123")))
            symlink(secret, dir + "/link.pdf")
            mkfifo(dir + "/fifo.pdf", 0o644)
            link(secret, dir + "/hard.pdf")
            mkdir(dir + "/folder.pdf", 0o755)
            let started = Date()
            #expect(Self.refusal(inspector.inspect(RawPath(dir + "/link.pdf"))) == .symlink)
            #expect(Self.refusal(inspector.inspect(RawPath(dir + "/fifo.pdf"))) == .notRegular("FIFO"))
            #expect(Self.refusal(inspector.inspect(RawPath(dir + "/hard.pdf"))) == .hardLink(2))
            #expect(Self.refusal(inspector.inspect(RawPath(dir + "/folder.pdf"))) == .notRegular("directory"))
            #expect(Date().timeIntervalSince(started) < 5)
        }
    }
}
