import Foundation
import Testing
import ZHTJTestSupport

/// False when `ZHTJ_TEST_BROWSER=off`: scripts/test then installs no browser and the suite is skipped.
let browserTestsOn = ProcessInfo.processInfo.environment["ZHTJ_TEST_BROWSER"] != "off"

/// The review console in a real browser (issue 17): headless Debian chromium, driven by selenium through
/// `Tests/browser/console_review.py`, against the real zhtjd. A committee reviewer with two branch uploads waiting logs
/// in with `zhtj console`'s one-time link, rejects the first with a reason and approves the second with the key A;
/// `zhtj show` and `zhtj history` then say what the browser did.
///
/// chromium, chromium-driver and selenium come from `scripts/install-deps --browser` (scripts/test runs it). Without
/// them the test fails and says so; `ZHTJ_TEST_BROWSER=off` turns it off. `ZHTJ_CONSOLE_SCREENSHOTS=DIR` saves the
/// queue and the review page as PNGs in DIR (docs/img/ holds the ones README shows).
@Suite(.enabled(if: browserTestsOn, "ZHTJ_TEST_BROWSER=off"))
struct ConsoleBrowserTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let script = repository + "/Tests/browser/console_review.py"

    /// The Python that has selenium: scripts/install-deps' venv, else the one on PATH.
    static func browserScript(_ arguments: [String], timeout: TimeInterval = 60) throws -> ProcessResult {
        let venv = repository + "/.build/browser-venv/bin/python3"
        let (program, head) = FileManager.default.isExecutableFile(atPath: venv) ? (venv, []) : ("/usr/bin/env", ["python3"])
        return try runProgram(program, head + [script] + arguments, environment: ProcessInfo.processInfo.environment, timeout: timeout)
    }

    // R-E6: the reviewer sees the member's data and the scan, and approves or rejects with a written reason;
    // R-E7: a rejection makes the member "authentication failed"; R-E8: an approval makes them "authenticated".
    @Test func reviewerRejectsOneAndApprovesTheNextInTheBrowser() throws {
        let ready = try Self.browserScript(["--check"])
        if ready.status != 0 {
            throw TestFailure(
                "the browser test needs chromium, chromium-driver and selenium: run scripts/install-deps --browser "
                    + "(or set ZHTJ_TEST_BROWSER=off to turn it off)\n\(ready.combined)")
        }

        let s = try Scenario.withMembers()
        try s.registerAdmin(org: "0002", issuer: "root.cred", newCredentials: "a.cred", name: "陈老师")
        // Two uploads of branch 0003, waiting for its superior committee 0002 (R-E4), one after the other.
        for (number, name) in [("202144010001", "李明"), ("202244010002", "张伟")] {
            let form = PDFBuilder.textForm(number: number, name: name, pages: 2, extraPage1Text: ["所在团支部：计算机专业2023级3班团支部"])
            try s.daemon.drop(form, folder: branchA, name: "\(name).pdf")
            try s.daemon.waitForEmptyInbox()
        }
        let queue = try jsonList(try expectOK(s.daemon.cli(["reviews", "--json"], credentials: "a.cred")).stdout, "items")
        #expect(queue.map { $0["member"] as? String } == ["李明", "张伟"])

        let link = try jsonObject(try expectOK(s.daemon.cli(["console", "--no-open", "--json"], credentials: "a.cred")).stdout)
        let url = try #require(link["url"] as? String)
        #expect(url.hasPrefix("http://127.0.0.1:") && url.contains("/login?token="), "\(url)")

        let reason = "第2页缺少团组织公章，请补盖后重新上传"
        let walk = try Self.browserScript(["--url", url, "--names", "李明,张伟", "--reason-code", "no-stamp", "--reason", reason], timeout: 300)
        guard walk.status == 0 else {
            throw TestFailure("the browser walk failed (exit \(walk.status)):\n\(walk.combined)\n--- zhtjd log ---\n\(s.daemon.log.suffix(3000))")
        }
        let done = try jsonObject(walk.stdout.split(separator: "\n").last.map(String.init) ?? "")
        #expect(done["rejected"] as? Int == queue.first?["id"] as? Int)
        #expect(done["approved"] as? Int == queue.last?["id"] as? Int)

        // What the browser did, as the terminal shows it.
        let rejected = try jsonObject(try expectOK(s.daemon.cli(["show", "202144010001", "--json"], credentials: "a.cred")).stdout)
        #expect(rejected["status"] as? String == "authentication_failed")
        let first = try #require((rejected["archives"] as? [[String: Any]])?.last)
        #expect(first["state"] as? String == "rejected")
        #expect(first["reasonCode"] as? String == "no-stamp")
        #expect(first["reason"] as? String == reason)
        #expect(first["reviewedBy"] as? String == "陈老师")

        let approved = try jsonObject(try expectOK(s.daemon.cli(["show", "202244010002", "--json"], credentials: "a.cred")).stdout)
        #expect(approved["status"] as? String == "authenticated")
        let second = try #require((approved["archives"] as? [[String: Any]])?.last)
        #expect(second["state"] as? String == "approved")
        #expect(second["reviewedBy"] as? String == "陈老师")

        // The audit rows say the decisions came from the console.
        for (member, action) in [("202144010001", "review.reject"), ("202244010002", "review.approve")] {
            let history = try expectOK(s.daemon.cli(["history", member], credentials: "a.cred")).stdout
            let rows = history.split(separator: "\n").filter { $0.contains(action) }
            #expect(rows.count == 1 && rows.allSatisfy { $0.contains("[via console]") }, "\(history)")
        }
        let rejectRow = try expectOK(s.daemon.cli(["history", "202144010001"], credentials: "a.cred")).stdout
        #expect(rejectRow.contains("no-stamp \(reason) [via console]"), "\(rejectRow)")
    }
}
