import Foundation
import Testing
import ZHTJCore
import ZHTJTestSupport
@testable import ZHTJIngest

#if canImport(Glibc)
    import Glibc
#endif

/// The long-lived parser child (issue 7): one child serves many files, and a child that dies, hangs or reaches its
/// quota is replaced without losing or mixing up an answer.
@Suite struct PDFProbeRunnerTests {
    @Test func oneChildServesManyFilesInOrder() {
        let runner = PDFProbeRunner(executable: InspectorTests.zhtjd)
        for i in 0..<30 {
            let number = String(format: "2023440101%02d", i)
            guard case .success(let probe) = runner.probe(PDFBuilder.textForm(number: number, pages: 1 + i % 3)) else {
                Issue.record("file \(i) was not read")
                return
            }
            #expect(probe.pages == 1 + i % 3)
            #expect(probe.page1Text.contains(number))
        }
        #expect(runner.childrenStarted == 1)
    }

    @Test func aChildIsReplacedAfterItsQuota() {
        let runner = PDFProbeRunner(executable: InspectorTests.zhtjd, filesPerChild: 4)
        for _ in 0..<10 {
            guard case .success = runner.probe(PDFBuilder.textForm(number: nil)) else {
                Issue.record("a file was not read")
                return
            }
        }
        #expect(runner.childrenStarted == 3)
    }

    // A hostile file that kills the child (here the memory limit) costs that file only: the next one is read by a new child.
    @Test func aCrashCostsOneFileOnly() {
        let runner = PDFProbeRunner(executable: InspectorTests.zhtjd, memoryMB: 200)
        #expect(runner.probe(PDFBuilder.textForm(number: "202344010001")).isSuccess)
        guard case .failure(.crashed) = runner.probe(HostilePDF.inflateStringBomb(inflatedBytes: 1 << 30)) else {
            Issue.record("the 1 GiB string bomb did not stop the child at 200 MB")
            return
        }
        guard case .success(let next) = runner.probe(PDFBuilder.textForm(number: "202344010002")) else {
            Issue.record("the file after a crash was not read")
            return
        }
        #expect(next.page1Text.contains("202344010002"))
        #expect(runner.childrenStarted == 2)
    }

    // A child whose answer claims 4 GiB is not believed (nothing that size is allocated): the file fails as a crash,
    // the next file gets a real parser.
    @Test func anAnswerClaimingTooMuchIsRefused() throws {
        try withTemporaryDirectory { dir in
            let script = dir + "/parser.sh"
            try """
                #!/bin/sh
                if [ ! -e \(dir)/started ]; then touch \(dir)/started; head -c 8 >/dev/null; printf '\\377\\377\\377\\377'; exec sleep 60; fi
                exec \(InspectorTests.zhtjd) "$@"
                """.write(toFile: script, atomically: true, encoding: .utf8)
            chmod(script, 0o755)
            let runner = PDFProbeRunner(executable: script, wallSeconds: 20)
            let started = Date()
            guard case .failure(.crashed) = runner.probe(PDFBuilder.textForm(number: "202344010004")) else {
                Issue.record("a 4 GiB answer header was not refused")
                return
            }
            #expect(Date().timeIntervalSince(started) < 10)
            guard case .success(let probe) = runner.probe(PDFBuilder.textForm(number: "202344010005")) else {
                Issue.record("the file after a bad answer was not read")
                return
            }
            #expect(probe.page1Text.contains("202344010005"))
        }
    }

    // A child that stops answering is killed at the file's wall clock; the next file gets a new child.
    @Test func aHangIsKilledAtTheWallClock() throws {
        try withTemporaryDirectory { dir in
            // Answers nothing for the first file; the second start is the real parser.
            let script = dir + "/parser.sh"
            try """
                #!/bin/sh
                if [ ! -e \(dir)/started ]; then touch \(dir)/started; exec sleep 60; fi
                exec \(InspectorTests.zhtjd) "$@"
                """.write(toFile: script, atomically: true, encoding: .utf8)
            chmod(script, 0o755)
            let runner = PDFProbeRunner(executable: script, wallSeconds: 1)
            // Larger than a pipe's buffer, so the write itself has to give up at the deadline.
            let started = Date()
            #expect(runner.probe(PDFBuilder.sized(targetBytes: 1 << 20, number: nil)) == .failure(.timedOut(1)))
            #expect(Date().timeIntervalSince(started) < 10)
            guard case .success(let probe) = runner.probe(PDFBuilder.textForm(number: "202344010003")) else {
                Issue.record("the file after a hang was not read")
                return
            }
            #expect(probe.page1Text.contains("202344010003"))
        }
    }
}

extension Result {
    var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}
