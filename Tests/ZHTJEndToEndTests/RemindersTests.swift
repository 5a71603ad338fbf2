import Foundation
import Testing
import ZHTJTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Reminders, transfers and statistics through the real binaries, with the daemon's test clock (issue 5).
@Suite struct RemindersTests {
    static let novemberThe24th = ISO8601DateFormatter().date(from: "2026-11-24T09:00:00Z")!

    /// The scenario plus a member who joined in October 2026 (not yet overdue on 24 November).
    static func setUp(extraEnvironment: [String: String] = [:]) throws -> Scenario {
        var env = ["ZHTJD_REMINDERS_TIME": "23:59"]
        for (k, v) in extraEnvironment { env[k] = v }
        let s = try Scenario.withMembers(extraEnvironment: env)
        try s.daemon.setClock(novemberThe24th)
        let file = try s.daemon.write("recent.csv", Data([
            "姓名,身份证号码,民族,政治面貌,入团年月,所在团支部,是否为团干部,发展团员编号,手机号码",
            "吴敏,440101201010101011,汉族,共青团员,2026-10,0003,否,202644010050,",
        ].joined(separator: "\n").utf8))
        try expectOK(s.daemon.cli(["member", "import", file], credentials: "root.cred"))
        try s.registerAdmin(org: "0002", issuer: "root.cred", newCredentials: "a.cred", name: "审核员甲")
        return s
    }

    func reminder(_ s: Scenario, _ cred: String, org: String? = nil) throws -> [String: Any] {
        let args = ["reminders", "--json"] + (org.map { ["--org", $0] } ?? [])
        let result = try jsonObject(try expectOK(s.daemon.cli(args, credentials: cred)).stdout)
        return (result["reminders"] as? [[String: Any]])?.first ?? [:]
    }

    func names(_ reminder: [String: Any], _ key: String) -> Set<String> {
        Set((reminder[key] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String })
    }

    // R-E2: more than 30 days after joining and not authenticated is overdue, and escalated to the superior committee.
    @Test func crossingThe30DayLineMakesAMemberOverdue() throws {
        let s = try Self.setUp()
        let before = try reminder(s, "root.cred", org: "0003")
        #expect(names(before, "notUploaded").contains("吴敏"))
        #expect(!names(before, "overdue").contains("吴敏"))
        #expect(names(before, "overdue").isSuperset(of: ["李明", "张伟"]))
        try s.daemon.setClock(ISO8601DateFormatter().date(from: "2026-12-01T09:00:00Z")!)
        let after = try reminder(s, "root.cred", org: "0003")
        #expect(names(after, "overdue").contains("吴敏"))
        // The superior committee sees it too.
        #expect(names(try reminder(s, "a.cred"), "overdue").contains("吴敏"))
        // An authenticated member drops out of the next reminder.
        try s.daemon.drop(PDFBuilder.textForm(number: "202644010050"), folder: committeeA, name: "吴敏.pdf")
        try s.daemon.waitForEmptyInbox()
        let done = try reminder(s, "a.cred")
        #expect(!names(done, "overdue").contains("吴敏"))
        #expect(!names(done, "notUploaded").contains("吴敏"))
    }

    // R-E10: the reviewing org is told how many reviews wait for it; the text is Chinese with English. Above branch
    // level (issue 13) it counts per subordinate and names the longest overdue; `--all` and `--csv` give every name.
    @Test func reviewsWaitingAndTheText() throws {
        let s = try Self.setUp()
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001"), folder: branchA, name: "李明.pdf")
        try s.daemon.waitForEmptyInbox()
        let text = try expectOK(s.daemon.cli(["reminders"], credentials: "a.cred")).stdout
        #expect(text.contains("1 reviews are waiting for you"))
        #expect(text.contains("按下级组织 / per subordinate org"))
        #expect(text.contains("计算机专业2023级3班团支部  2 · 1 · 0 · 2  (0003)"), "\(text)")
        #expect(text.contains("张伟 202244010002"))
        // 吴敏 is open but not overdue on 24 November: counted, not named.
        #expect(!text.contains("吴敏"))
        #expect(text.contains("--all"))
        let all = try expectOK(s.daemon.cli(["reminders", "--all"], credentials: "a.cred")).stdout
        #expect(all.contains("团员档案尚未上传 / e-archives not uploaded"))
        #expect(all.contains("吴敏"))
        let csv = s.daemon.root + "/open.csv"
        let written = try expectOK(s.daemon.cli(["reminders", "--csv", csv], credentials: "a.cred")).stdout
        #expect(written.contains("3 open members written to"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let table = String(decoding: bytes, as: UTF8.self)
        #expect(table.contains("姓名 name,"))
        #expect(table.contains("吴敏,202644010050,"))
        // The branch's own reminder names every open member.
        let branch = try expectOK(s.daemon.cli(["reminders", "--org", "0003"], credentials: "a.cred")).stdout
        #expect(branch.contains("吴敏"))
    }

    // One reminder per org and day, also across a restart; the outbox holds the day's file.
    @Test func oneReminderPerOrgPerDayAcrossRestarts() throws {
        let s = try Self.setUp()
        let first = try jsonObject(try expectOK(s.daemon.cli(["reminders", "--send", "--json", "--org", "0003"], credentials: "root.cred")).stdout)
        #expect((first["delivery"] as? [String: String])?["0003"] == "sent")
        let file = s.daemon.storage + "/outbox/\(branchA)/2026-11-24.txt"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("e-archives not uploaded"))
        #expect(text.contains("吴敏"))
        let second = try jsonObject(try expectOK(s.daemon.cli(["reminders", "--send", "--json", "--org", "0003"], credentials: "root.cred")).stdout)
        #expect((second["delivery"] as? [String: String])?["0003"] == "already-sent")
        s.daemon.stop()
        try s.daemon.start()
        let third = try jsonObject(try expectOK(s.daemon.cli(["reminders", "--send", "--json", "--org", "0003"], credentials: "root.cred")).stdout)
        #expect((third["delivery"] as? [String: String])?["0003"] == "already-sent")
        // The next day it goes out again.
        try s.daemon.setClock(ISO8601DateFormatter().date(from: "2026-11-25T09:00:00Z")!)
        let fourth = try jsonObject(try expectOK(s.daemon.cli(["reminders", "--send", "--json", "--org", "0003"], credentials: "root.cred")).stdout)
        #expect((fourth["delivery"] as? [String: String])?["0003"] == "sent")
    }

    // The daily schedule: at the configured time every org with open items gets its file, once, across restarts.
    @Test func theDailySweep() throws {
        // Set up with the sweep time still ahead (23:59), then restart with it passed: a sweep during the set-up
        // would have missed the later members and admins (the race CI hit once).
        let s = try Self.setUp()
        s.daemon.stop()
        s.daemon.extraEnvironment["ZHTJD_REMINDERS_TIME"] = "00:00"
        s.daemon.extraEnvironment["ZHTJD_REMINDERS_CHECK_SECONDS"] = "1"
        try s.daemon.start()
        let outbox = s.daemon.storage + "/outbox"
        try s.daemon.waitUntil("the daily reminders", timeout: 30) {
            FileManager.default.fileExists(atPath: outbox + "/\(branchA)/2026-11-24.txt")
        }
        #expect(FileManager.default.fileExists(atPath: outbox + "/0001-团某某市委/2026-11-24.txt"))
        #expect(FileManager.default.fileExists(atPath: outbox + "/\(committeeA)/2026-11-24.txt"))
        // Branch 0005's members joined before 2020: nothing open, no file.
        #expect(!FileManager.default.fileExists(atPath: outbox + "/\(branchB)/2026-11-24.txt"))
        let before = try String(contentsOfFile: outbox + "/\(branchA)/2026-11-24.txt", encoding: .utf8)
        // The files are written first and logged once all are marked sent: wait for the log (a race seen under load).
        try? s.daemon.waitUntil("the reminders logged", timeout: 30) { s.daemon.log.components(separatedBy: "reminder written").count - 1 >= 3 }
        #expect(s.daemon.log.components(separatedBy: "reminder written").count - 1 == 3)
        s.daemon.stop()
        try s.daemon.start()
        try s.daemon.waitUntil("the sweep after the restart", timeout: 30) { s.daemon.log.contains("daily reminders") }
        // After the restart the same day: nothing is sent twice.
        #expect(s.daemon.log.contains("zhtj.sent=0"))
        #expect(!s.daemon.log.contains("reminder written"))
        #expect(try String(contentsOfFile: outbox + "/\(branchA)/2026-11-24.txt", encoding: .utf8) == before)
    }

    // The command hook gets the text on stdin and the admin's email and org; a failing hook is retried without
    // blocking anything.
    @Test func hookDeliversAndAFailingHookIsRetried() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("zhtj-hook-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: out) }
        let hook = "cat > \(out)/$ZHTJ_ADMIN_ID.txt; echo \"$ZHTJ_ADMIN_EMAIL $ZHTJ_ORG_ID $ZHTJ_DAY\" > \(out)/$ZHTJ_ADMIN_ID.env"
        let s = try Self.setUp(extraEnvironment: ["ZHTJD_REMINDERS_HOOK": hook])
        let code = try s.issueCode(org: "0003", as: "a.cred")
        try expectOK(s.daemon.cli(["register", "--code", code, "--name", "赵书记", "--id-number", "110101199805050055", "--join-date", "2012-05", "--email", "zhao@example.org"], credentials: "branch.cred"))
        try expectOK(s.daemon.cli(["reminders", "--send", "--org", "0003"], credentials: "root.cred"))
        try s.daemon.waitUntil("the hook's files", timeout: 30) { (try? FileManager.default.contentsOfDirectory(atPath: out).count) == 2 }
        let files = try FileManager.default.contentsOfDirectory(atPath: out)
        let env = try String(contentsOfFile: out + "/" + files.first { $0.hasSuffix(".env") }!, encoding: .utf8)
        #expect(env == "zhao@example.org 0003 2026-11-24\n")
        let text = try String(contentsOfFile: out + "/" + files.first { $0.hasSuffix(".txt") }!, encoding: .utf8)
        #expect(text.contains("吴敏"))

        let failing = try Self.setUp(extraEnvironment: [
            "ZHTJD_REMINDERS_HOOK": "exit 3", "ZHTJD_REMINDERS_HOOK_ATTEMPTS": "3", "ZHTJD_REMINDERS_HOOK_RETRY_SECONDS": "2",
        ])
        let started = Date()
        try expectOK(failing.daemon.cli(["reminders", "--send", "--org", "0001"], credentials: "root.cred"))
        // The daemon answers while the hook is being retried.
        try expectOK(failing.daemon.cli(["whoami"], credentials: "root.cred"))
        #expect(Date().timeIntervalSince(started) < 3)
        try failing.daemon.waitUntil("the hook to give up", timeout: 30) { failing.daemon.log.contains("reminder hook gave up") }
        #expect(failing.daemon.log.components(separatedBy: "reminder hook failed; retrying").count - 1 == 2)
        #expect(failing.daemon.log.components(separatedBy: "reminder hook failed").count - 1 == 3)
    }

    // A hook that hangs is killed at its timeout, with everything it started.
    @Test func aHangingHookIsKilledWithItsChildren() throws {
        let s = try Self.setUp(extraEnvironment: [
            "ZHTJD_REMINDERS_HOOK": "sleep 37 & sleep 37", "ZHTJD_REMINDERS_HOOK_ATTEMPTS": "1", "ZHTJD_REMINDERS_HOOK_TIMEOUT_SECONDS": "1",
        ])
        try expectOK(s.daemon.cli(["reminders", "--send", "--org", "0001"], credentials: "root.cred"))
        try s.daemon.waitUntil("the hook to give up", timeout: 30) { s.daemon.log.contains("reminder hook gave up") }
        #expect(s.daemon.log.contains("timed out"))
        usleep(300_000)
        let left = try runProgram("/usr/bin/pgrep", ["-f", "sleep 37"], environment: s.daemon.environment)
        #expect(left.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "left running: \(left.stdout)")
    }

    // R-E10: the banner before a command, like the web system's prompt at login; --quiet and --json leave it out.
    @Test func bannerAndQuiet() throws {
        let s = try Self.setUp()
        let shown = try expectOK(s.daemon.cli(["org", "tree"], credentials: "root.cred"))
        #expect(shown.stderr.contains("名团员档案尚未上传"))
        #expect(shown.stderr.contains("e-archives not uploaded"))
        #expect(shown.stderr.contains("run `zhtj reminders`"))
        #expect(try expectOK(s.daemon.cli(["org", "tree", "--quiet"], credentials: "root.cred")).stderr.isEmpty)
        #expect(try expectOK(s.daemon.cli(["org", "tree", "--json"], credentials: "root.cred")).stderr.isEmpty)
    }

    // R-E11: an unauthenticated new member cannot be transferred; after approval the transfer works.
    @Test func transferRefusedUntilAuthenticated() throws {
        let s = try Self.setUp()
        let refused = try s.daemon.cli(["transfer", "202144010001", "--to", "0005"], credentials: "root.cred")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("authenticated before a transfer"))
        let notBranch = try s.daemon.cli(["transfer", "201944010003", "--to", "0004"], credentials: "root.cred")
        #expect(notBranch.stderr.contains("is not a branch"))
        // A member who joined before 2020 needs no e-archive and is transferred whatever the files.
        try expectOK(s.daemon.cli(["transfer", "201944010003", "--to", "0003"], credentials: "root.cred"))
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001"), folder: branchA, name: "李明.pdf")
        try s.daemon.waitForEmptyInbox()
        let id = try jsonList(try expectOK(s.daemon.cli(["reviews", "--json"], credentials: "a.cred")).stdout, "items").first?["id"] as? Int ?? 0
        try expectOK(s.daemon.cli(["approve", String(id)], credentials: "a.cred"))
        let filed = try jsonObject(try expectOK(s.daemon.cli(["transfer", "202144010001", "--to", "0005", "--json"], credentials: "root.cred")).stdout)
        #expect(filed["state"] as? String == "pending")
        try expectOK(s.daemon.cli(["accept-transfer", String(filed["id"] as? Int ?? 0)], credentials: "root.cred"))
        let moved = try jsonObject(try expectOK(s.daemon.cli(["member", "show", "202144010001", "--json"], credentials: "root.cred")).stdout)
        #expect(moved["branchID"] as? Int == 5)
        // The archive stays with the member; the move is in the history.
        #expect((moved["archives"] as? [[String: Any]])?.count == 1)
        #expect(((moved["history"] as? [[String: Any]]) ?? []).contains { $0["action"] as? String == "member.transfer" })
    }

    // R-E11: statistics count only authenticated new members among those who need an e-archive.
    @Test func statsCountOnlyAuthenticatedNewMembers() throws {
        let s = try Self.setUp()
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001"), folder: committeeA, name: "李明.pdf")
        try s.daemon.waitForEmptyInbox()
        let rows = try jsonArray(try expectOK(s.daemon.cli(["stats", "--json", "--csv", s.daemon.root + "/stats.csv"], credentials: "root.cred")).stdout)
        func row(_ org: Int, _ year: Int) -> [String: Any]? { rows.first { $0["orgID"] as? Int == org && $0["joinYear"] as? Int == year } }
        #expect(row(2, 2021)?["newMembers"] as? Int == 1)  // 李明, authenticated
        #expect(row(2, 2022)?["newMembers"] as? Int == 0)  // 张伟, not authenticated
        #expect(row(2, 2022)?["notAuthenticated"] as? Int == 1)
        #expect(row(2, 2026)?["newMembers"] as? Int == 0)  // 吴敏
        #expect(row(4, 2019)?["newMembers"] as? Int == 1)  // 赵强: no e-archive needed
        #expect(row(4, 2019)?["notRequired"] as? Int == 1)
        #expect(row(2, 2021)?["shareAuthenticated"] as? Double == 1.0)
        let csv = try Data(contentsOf: URL(fileURLWithPath: s.daemon.root + "/stats.csv"))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }
}
