import Foundation
import Testing
import ZHTJTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Nothing lost, nothing twice: --once, a slow writer, a stopped daemon, kill -9 during ingest (issue 3).
@Suite struct IngestReliabilityTests {
    @Test func onceProcessesTheInboxAndExits() throws {
        let s = try Scenario.withMembers()
        s.daemon.stop()
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001"), folder: branchA, name: "a.pdf")
        try s.daemon.drop(HostilePDF.fake(), folder: branchA, name: "b.pdf")
        let result = try runProgram(Binaries.zhtjd, ["--storage", s.daemon.storage, "--once"], environment: s.daemon.environment, timeout: 60)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(s.daemon.inboxFiles().isEmpty)
        try s.daemon.start()
        #expect(try s.archives("202144010001").count == 1)
        #expect(try s.uploads("refused").count == 1)
    }

    // Group commit (issue 7): files committed together still meet the duplicate rule and R-E12 (a second file for a
    // member whose first is pending needs a change request), and a staged file left by a crash is cleaned up.
    @Test func filesCommittedTogetherKeepTheRules() throws {
        let s = try Scenario.withMembers()
        s.daemon.stop()
        let form = PDFBuilder.textForm(number: "202144010001")
        try s.daemon.drop(form, folder: branchA, name: "a.pdf")
        try s.daemon.drop(form, folder: branchA, name: "a-copy.pdf")
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001", pages: 2), folder: branchA, name: "c.pdf")
        for i in 0..<10 {
            try s.daemon.drop(PDFBuilder.textForm(number: nil, name: "无编号\(i)"), folder: branchA, name: "n\(i).pdf")
        }
        let tmp = s.daemon.storage + "/archive/tmp"
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: tmp + "/left-by-a-crash.1.2", contents: Data("x".utf8))
        // Two hours old: on PostgreSQL (daemons may share the archive) only staged files older than an hour are removed.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-7200)], ofItemAtPath: tmp + "/left-by-a-crash.1.2")
        let result = try runProgram(Binaries.zhtjd, ["--storage", s.daemon.storage, "--once"], environment: s.daemon.environment, timeout: 60)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(s.daemon.inboxFiles().isEmpty)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: tmp)) ?? [] == [])
        try s.daemon.start()
        #expect(try s.archives("202144010001").count == 1)
        let refused = try s.uploads("refused")
        #expect(refused.allSatisfy { $0["reasonCode"] as? String == "change-required" })
        // a.pdf, a-copy.pdf and c.pdf: one archived; the others a duplicate or refused, by the order they were read.
        #expect(refused.count == 1 || refused.count == 2)
        #expect(try s.uploads("unmatched").count == 10)
        try expectOK(s.daemon.cli(["audit", "verify"], credentials: "root.cred"))
    }

    // A scanner that writes for 10 s in small pieces, closing and reopening the file in the middle: one archive, whole.
    @Test func aSlowWriterIsArchivedOnceAndWhole() throws {
        let s = try Scenario.withMembers(extraEnvironment: ["ZHTJD_INGEST_STABILITY_SECONDS": "2"])
        let pdf = PDFBuilder.scannedForm(number: nil, pages: 3)
        let path = s.daemon.inboxFolder(branchA) + "/张伟_202244010002.pdf"
        let pieces = 40
        let piece = (pdf.count + pieces - 1) / pieces
        var handle = try FileHandle(forWritingTo: URL(fileURLWithPath: { FileManager.default.createFile(atPath: path, contents: nil); return path }()))
        for i in 0..<pieces {
            let chunk = pdf[min(pdf.count, i * piece)..<min(pdf.count, (i + 1) * piece)]
            handle.write(Data(chunk))
            if i == pieces / 2 {
                try handle.close()
                usleep(300_000)
                handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                handle.seekToEndOfFile()
            }
            usleep(250_000)
        }
        try handle.close()
        try s.daemon.waitForEmptyInbox()
        let archives = try s.archives("202244010002")
        #expect(archives.count == 1)
        #expect(archives.first?["size"] as? Int == pdf.count)
        #expect(try s.uploads("refused").isEmpty)
    }

    // 1000 files dropped while the daemon is stopped with SIGSTOP are each processed exactly once after SIGCONT.
    @Test func filesDroppedWhileStoppedAreEachProcessedOnce() throws {
        let s = try Scenario.withMembers()
        guard let pid = s.daemon.process?.processIdentifier else { throw TestFailure("no daemon") }
        kill(pid, SIGSTOP)
        let count = 1000
        for i in 0..<count {
            try s.daemon.drop(PDFBuilder.textForm(number: nil, name: "团员\(i)"), folder: i % 2 == 0 ? branchA : branchB, name: "scan\(i).pdf")
        }
        kill(pid, SIGCONT)
        try s.daemon.waitForEmptyInbox(timeout: 600)
        #expect(try s.uploads("unmatched").count == count)
        #expect(s.daemon.archiveCount() == count)
    }

    // kill -9 at random moments during a 200-file ingest, then a restart: each file is recorded exactly once.
    @Test func killNineDuringIngestLosesNothingAndRecordsNothingTwice() throws {
        let s = try Scenario.withMembers()
        let count = 200
        for i in 0..<count {
            let bytes = i % 10 == 9 ? Array("not a pdf \(i)".utf8) : PDFBuilder.textForm(number: nil, name: "团员\(i)")
            try s.daemon.drop(bytes, folder: branchA, name: "f\(i).pdf")
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<6 {
            usleep(UInt32.random(in: 300_000...1_500_000, using: &generator))
            s.daemon.stop(signal: SIGKILL)
            try s.daemon.start()
        }
        try s.daemon.waitForEmptyInbox(timeout: 600)
        let unmatched = try s.uploads("unmatched")
        let refused = try s.uploads("refused")
        let names = unmatched.compactMap { $0["name"] as? String } + refused.compactMap { $0["name"] as? String }
        #expect(names.count == count, "recorded \(names.count) of \(count)")
        #expect(Set(names).count == count)
        #expect(unmatched.count == count - count / 10)
        #expect(s.daemon.archiveCount() == count - count / 10)
        let refusedFiles = try FileManager.default.contentsOfDirectory(atPath: s.daemon.storage + "/refused/\(branchA)").filter { !$0.hasSuffix(".reason.txt") }
        #expect(refusedFiles.count == count / 10)
    }
}
