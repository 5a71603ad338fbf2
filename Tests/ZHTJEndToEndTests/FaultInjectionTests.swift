import Foundation
import Testing
import ZHTJTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Nothing lost, nothing twice, under a kill at every step (issue 6): the daemon kills itself with SIGKILL at a named
/// crash point (`ZHTJD_TEST_CRASH_AT`), is restarted, and the result is checked.
@Suite struct FaultInjectionTests {
    static let ingestPoints = ["ingest.inspected", "ingest.archived", "ingest.committed", "ingest.removed", "refuse.committed", "refuse.moved"]

    /// SQLite's integrity check after the kill; on PostgreSQL (whose server was not killed) "ok".
    func integrityCheck(_ daemon: TestDaemon) throws -> String {
        guard daemon.databaseURL == nil else { return "ok" }
        return try daemon.sql("PRAGMA integrity_check").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(arguments: ingestPoints)
    func everyFileIsInTheInboxOrRecordedOnceAfterACrashAt(point: String) throws {
        let s = try Scenario.withMembers()
        s.daemon.stop()
        let good = PDFBuilder.textForm(number: "202144010001")
        try s.daemon.drop(good, folder: branchA, name: "李明.pdf")
        try s.daemon.drop(HostilePDF.fake(), folder: branchA, name: "fake.pdf")
        s.daemon.extraEnvironment["ZHTJD_TEST_CRASH_AT"] = point
        try s.daemon.start()
        let status = try s.daemon.waitForExit()
        #expect(status != 0, "the daemon did not stop at \(point)")
        s.daemon.extraEnvironment["ZHTJD_TEST_CRASH_AT"] = nil
        try s.daemon.start()
        try s.daemon.waitForEmptyInbox()
        // Each file recorded exactly once: one archive version, one refusal, one archive file, one refused file.
        #expect(try s.archives("202144010001").count == 1)
        #expect(try s.uploads("refused").count == 1)
        #expect(s.daemon.archiveCount() == 1)
        let refused = try FileManager.default.contentsOfDirectory(atPath: s.daemon.storage + "/refused/\(branchA)").sorted()
        #expect(refused == ["fake.pdf", "fake.pdf.reason.txt"])
        #expect(try integrityCheck(s.daemon) == "ok")
        #expect(try expectOK(s.daemon.cli(["audit", "verify"], credentials: "root.cred")).stdout.contains("no break found"))
    }

    // An approval the CLI reported as done survives a kill -9 right after it; one killed before its reply is
    // either done or not, never half.
    @Test func approvalsSurviveKill9() throws {
        let s = try Scenario.withMembers()
        try s.registerAdmin(org: "0002", issuer: "root.cred", newCredentials: "a.cred")
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001"), folder: branchA, name: "李明.pdf")
        try s.daemon.drop(PDFBuilder.textForm(number: "202244010002"), folder: branchA, name: "张伟.pdf")
        try s.daemon.waitForEmptyInbox()
        let ids = try jsonList(try expectOK(s.daemon.cli(["reviews", "--json"], credentials: "a.cred")).stdout, "items").compactMap { $0["id"] as? Int }
        #expect(ids.count == 2)
        try expectOK(s.daemon.cli(["approve", String(ids[0])], credentials: "a.cred"))
        s.daemon.stop(signal: SIGKILL)
        try s.daemon.start()
        #expect(try s.member("202144010001")["status"] as? String == "authenticated")
        // A crash between the commit and the reply.
        s.daemon.stop()
        s.daemon.extraEnvironment["ZHTJD_TEST_CRASH_AT"] = "review.committed"
        try s.daemon.start()
        let lost = try s.daemon.cli(["approve", String(ids[1])], credentials: "a.cred")
        #expect(lost.status != 0)
        _ = try s.daemon.waitForExit()
        s.daemon.extraEnvironment["ZHTJD_TEST_CRASH_AT"] = nil
        try s.daemon.start()
        #expect(try s.member("202244010002")["status"] as? String == "authenticated")
        let again = try s.daemon.cli(["approve", String(ids[1])], credentials: "a.cred")
        #expect(again.stderr.contains("already decided by"))
        #expect(try integrityCheck(s.daemon) == "ok")
    }
}
