import Foundation
import Testing
import ZHTJTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The review workflow through the real binaries (issue 4, R-E4 to R-E13). Reviewers: "a.cred" administers committee
/// 0002 (the superior committee of branch 0003); "b.cred" administers committee 0004.
@Suite struct ReviewTests {
    static func setUp(extraEnvironment: [String: String] = [:]) throws -> Scenario {
        let s = try Scenario.withMembers(extraEnvironment: extraEnvironment)
        try s.registerAdmin(org: "0002", issuer: "root.cred", newCredentials: "a.cred", name: "审核员甲")
        try s.registerAdmin(org: "0004", issuer: "root.cred", newCredentials: "b.cred", name: "审核员乙")
        return s
    }

    func queue(_ s: Scenario, _ cred: String) throws -> [[String: Any]] {
        try jsonList(try expectOK(s.daemon.cli(["reviews", "--json"], credentials: cred)).stdout, "items")
    }

    func status(_ s: Scenario, _ key: String) throws -> String { try s.member(key)["status"] as? String ?? "" }

    // R-E4, R-E8, R-E9: a branch upload waits for the superior committee; approval authenticates.
    @Test func branchUploadIsPendingThenApproved() throws {
        let s = try Self.setUp()
        #expect(try status(s, "202144010001") == "not_authenticated")
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001", pages: 2), folder: branchA, name: "李明.pdf")
        try s.daemon.waitForEmptyInbox()
        #expect(try status(s, "202144010001") == "not_authenticated")
        let items = try queue(s, "a.cred")
        #expect(items.count == 1)
        let item = try #require(items.first)
        #expect(item["member"] as? String == "李明")
        #expect(item["developmentNumber"] as? String == "202144010001")
        #expect(item["pages"] as? Int == 2)
        #expect(item["waitingDays"] as? Int == 0)
        try expectOK(s.daemon.cli(["approve", String(item["id"] as? Int ?? 0)], credentials: "a.cred"))
        #expect(try status(s, "202144010001") == "authenticated")
        // The JSON contract of `member show`.
        let shown = try s.member("202144010001")
        for key in ["name", "idNumber", "developmentNumber", "branch", "status", "archives"] { #expect(shown[key] != nil, "\(key)") }
        let archive = try #require((shown["archives"] as? [[String: Any]])?.first)
        for key in ["version", "sha256", "pages", "state", "uploadedBy", "reviewedBy"] { #expect(archive[key] != nil, "\(key)") }
        #expect(archive["state"] as? String == "approved")
        #expect(archive["reviewedBy"] as? String == "审核员甲")
        #expect(try queue(s, "a.cred").isEmpty)
    }

    // R-E6, R-E7: a rejection carries a reason back to the branch; the replacement is reviewed again.
    @Test func rejectionThenReplacementThenApproval() throws {
        let s = try Self.setUp()
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001"), folder: branchA, name: "李明.pdf")
        try s.daemon.waitForEmptyInbox()
        let first = try queue(s, "a.cred").first?["id"] as? Int ?? 0
        let noReason = try s.daemon.cli(["reject", String(first), "--reason", "  "], credentials: "a.cred")
        #expect(noReason.status == 1)
        #expect(noReason.stderr.contains("a written reason is required"))
        try expectOK(s.daemon.cli(["reject", String(first), "--reason", "第2页缺少团组织公章", "--reason-code", "no-stamp"], credentials: "a.cred"))
        #expect(try status(s, "202144010001") == "authentication_failed")
        let archive = try #require(try s.archives("202144010001").first)
        #expect(archive["reason"] as? String == "第2页缺少团组织公章")
        let note = try String(contentsOfFile: s.daemon.inboxFolder(branchA) + "/202144010001-李明.rejected.txt", encoding: .utf8)
        #expect(note.contains("第2页缺少团组织公章"))
        // The note stays in the inbox folder and is never taken for an upload.
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001", pages: 2), folder: branchA, name: "李明-补盖公章.pdf")
        try s.daemon.waitForEmptyInbox(except: ["\(branchA)/202144010001-李明.rejected.txt"])
        #expect(try status(s, "202144010001") == "not_authenticated")
        let second = try #require(try queue(s, "a.cred").first)
        #expect(second["pages"] as? Int == 2)
        try expectOK(s.daemon.cli(["approve", String(second["id"] as? Int ?? 0)], credentials: "a.cred"))
        #expect(try status(s, "202144010001") == "authenticated")
        #expect(try s.archives("202144010001").map { $0["state"] as? String ?? "" } == ["rejected", "approved"])
        #expect(try s.uploads("refused").isEmpty)
    }

    // R-E5: a committee's own upload needs no review.
    @Test func committeeUploadIsAuthenticatedAtOnce() throws {
        let s = try Self.setUp()
        try s.daemon.drop(PDFBuilder.textForm(number: "202244010002"), folder: committeeA, name: "张伟.pdf")
        try s.daemon.waitForEmptyInbox()
        #expect(try status(s, "202244010002") == "authenticated")
        #expect(try s.archives("202244010002").first?["needsReview"] as? Bool == false)
        #expect(try queue(s, "a.cred").isEmpty)
    }

    // Scope: another committee's reviewer neither sees nor acts, and gets the same error as for a missing id.
    @Test func anotherCommitteeCannotSeeOrAct() throws {
        let s = try Self.setUp()
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001"), folder: branchA, name: "李明.pdf")
        try s.daemon.waitForEmptyInbox()
        let id = try queue(s, "a.cred").first?["id"] as? Int ?? 0
        #expect(try queue(s, "b.cred").isEmpty)
        let foreign = try s.daemon.cli(["approve", String(id)], credentials: "b.cred")
        let missing = try s.daemon.cli(["approve", "99999"], credentials: "b.cred")
        #expect(foreign.status == 1)
        #expect(foreign.stderr.replacingOccurrences(of: String(id), with: "N") == missing.stderr.replacingOccurrences(of: "99999", with: "N"))
        let hidden = try s.daemon.cli(["show", "202144010001"], credentials: "b.cred")
        #expect(hidden.stderr.contains("no member"))
        #expect(try status(s, "202144010001") == "not_authenticated")
    }

    // Two reviewers at once: exactly one wins; the other is told who decided.
    @Test func concurrentApproveAndRejectOneWins() throws {
        let s = try Self.setUp()
        try s.registerAdmin(org: "0002", issuer: "root.cred", newCredentials: "a2.cred", name: "审核员丙")
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001"), folder: branchA, name: "李明.pdf")
        try s.daemon.waitForEmptyInbox()
        let id = String(try queue(s, "a.cred").first?["id"] as? Int ?? 0)
        nonisolated(unsafe) var results: [ProcessResult?] = [nil, nil]
        let group = DispatchGroup()
        nonisolated(unsafe) let daemon = s.daemon
        for (i, args) in [(["approve", id], "a.cred"), (["reject", id, "--reason", "不清晰"], "a2.cred")].enumerated() {
            group.enter()
            DispatchQueue.global().async {
                results[i] = try? daemon.cli(args.0, credentials: args.1)
                group.leave()
            }
        }
        group.wait()
        let statuses = results.map { $0?.status ?? -1 }
        #expect(statuses.sorted() == [0, 1], "\(results.map { $0?.combined ?? "" })")
        let loser = results.first { $0?.status == 1 }??.stderr ?? ""
        #expect(loser.contains("already decided by"))
        #expect(loser.contains("审核员甲") || loser.contains("审核员丙"))
    }

    // R-E12: after approval a new file is refused until a change request is approved; then exactly one gets in.
    @Test func changeRequestLetsExactlyOneNewFileIn() throws {
        let s = try Self.setUp()
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001"), folder: branchA, name: "v1.pdf")
        try s.daemon.waitForEmptyInbox()
        try expectOK(s.daemon.cli(["approve", String(try queue(s, "a.cred").first?["id"] as? Int ?? 0)], credentials: "a.cred"))
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001", pages: 2), folder: branchA, name: "v2.pdf")
        try s.daemon.waitForEmptyInbox()
        let refused = try s.uploads("refused")
        #expect(refused.first?["reasonCode"] as? String == "change-required")
        #expect((refused.first?["reason"] as? String ?? "").contains("需先提交修改申请"))
        // Asked by the branch's superior (root here), decided by the superior committee.
        try expectOK(s.daemon.cli(["change-request", "202144010001", "--reason", "补充第2页"], credentials: "root.cred"))
        let requests = try jsonArray(try expectOK(s.daemon.cli(["change-requests", "--json"], credentials: "a.cred")).stdout)
        #expect(requests.count == 1)
        try expectOK(s.daemon.cli(["approve-change", String(requests.first?["id"] as? Int ?? 0)], credentials: "a.cred"))
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001", pages: 3), folder: branchA, name: "v3.pdf")
        try s.daemon.waitForEmptyInbox()
        #expect(try s.archives("202144010001").map { $0["state"] as? String ?? "" } == ["superseded", "pending"])
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001", pages: 4), folder: branchA, name: "v4.pdf")
        try s.daemon.waitForEmptyInbox()
        #expect(try s.archives("202144010001").count == 2)
        #expect(try s.uploads("refused").count == 2)
    }

    // R-E13: the download is the exact archived bytes, through the socket.
    @Test func downloadReturnsTheExactBytes() throws {
        let s = try Self.setUp()
        let pdf = PDFBuilder.scannedForm(number: nil, pages: 2)
        try s.daemon.drop(pdf, folder: branchA, name: "张伟_202244010002.pdf")
        try s.daemon.waitForEmptyInbox()
        let out = s.daemon.root + "/downloaded.pdf"
        try expectOK(s.daemon.cli(["get", "202244010002", "-o", out], credentials: "a.cred"))
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: out))) == pdf)
        let again = try s.daemon.cli(["get", "202244010002", "-o", out], credentials: "a.cred")
        #expect(again.status != 0)
        let history = try expectOK(s.daemon.cli(["history", "202244010002"], credentials: "a.cred")).stdout
        #expect(history.contains("archive.download"))
    }

    // R-M3: corrected by the member's org or its direct superior only; unmatched files that now match are matched.
    @Test func numberCorrection() throws {
        let s = try Self.setUp()
        try s.daemon.drop(PDFBuilder.textForm(number: "202244010099"), folder: branchA, name: "张伟.pdf")
        try s.daemon.waitForEmptyInbox()
        #expect(try s.uploads("unmatched").count == 1)
        let denied = try s.daemon.cli(["member", "set-number", "202244010002", "202244010099", "--reason", "录入错误"], credentials: "root.cred")
        #expect(denied.stderr.contains("direct superior"))
        try expectOK(s.daemon.cli(["member", "set-number", "202244010002", "202244010099", "--reason", "录入错误"], credentials: "a.cred"))
        #expect(try s.uploads("unmatched").isEmpty)
        #expect(try s.archives("202244010099").count == 1)
    }

    // Issue 14: the newest audit rows deleted behind the daemon's back leave a shorter chain that is still a chain; the
    // anchor written outside the database (outbox/audit-anchors.txt) shows the cut.
    @Test func anchorsShowRowsCutFromTheEndOfTheChain() throws {
        let witnessed = FileManager.default.temporaryDirectory.appendingPathComponent("zhtj-anchor-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: witnessed) }
        let s = try Self.setUp(extraEnvironment: ["ZHTJD_AUDIT_ANCHOR_HOOK": "cat >> '\(witnessed)'"])
        let anchored = try jsonObject(try expectOK(s.daemon.cli(["audit", "anchor", "--json"], credentials: "root.cred")).stdout)
        let line = anchored["line"] as? String ?? ""
        #expect(line.split(separator: " ").count == 3, "\(line)")
        let file = try String(contentsOfFile: s.daemon.storage + "/outbox/audit-anchors.txt", encoding: .utf8)
        #expect(file.hasSuffix(line + "\n"))
        // The outside witness (audit.anchorHook) got the same line on stdin.
        try s.daemon.waitUntil("the anchor hook", timeout: 20) {
            (try? String(contentsOfFile: witnessed, encoding: .utf8)) == line + "\n"
        }
        #expect(try expectOK(s.daemon.cli(["audit", "verify"], credentials: "root.cred")).stdout.contains("no break found"))
        let cut = "DELETE FROM audit WHERE id > (SELECT max(id) - 3 FROM audit);"
        try expectOK(s.daemon.sql("DROP TRIGGER audit_no_delete; " + cut, postgres: "ALTER TABLE audit DISABLE TRIGGER USER; " + cut))
        let broken = try s.daemon.cli(["audit", "verify", "--json"], credentials: "root.cred")
        #expect(broken.status == 4)
        let problems = (try jsonObject(broken.stdout)["breaks"] as? [[String: Any]] ?? []).compactMap { $0["problem"] as? String }
        #expect(problems.count == 1 && problems[0].hasPrefix("rows removed after"), "\(problems)")
    }

    // The audit chain: intact after normal work; an edit made behind the daemon's back with the sqlite3 shell is found.
    @Test func auditVerifyFindsAnEditBehindTheDaemonsBack() throws {
        let s = try Self.setUp()
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001"), folder: branchA, name: "李明.pdf")
        try s.daemon.waitForEmptyInbox()
        try expectOK(s.daemon.cli(["reject", String(try queue(s, "a.cred").first?["id"] as? Int ?? 0), "--reason", "模糊"], credentials: "a.cred"))
        let ok = try expectOK(s.daemon.cli(["audit", "verify"], credentials: "root.cred"))
        #expect(ok.stdout.contains("no break found"))
        let edit = "UPDATE audit SET reason = '清晰' WHERE action = 'review.reject';"
        try expectOK(s.daemon.sql("DROP TRIGGER audit_no_update; " + edit, postgres: "ALTER TABLE audit DISABLE TRIGGER USER; " + edit))
        let broken = try s.daemon.cli(["audit", "verify", "--json"], credentials: "root.cred")
        #expect(broken.status == 4)
        let breaks = try jsonObject(broken.stdout)["breaks"] as? [[String: Any]] ?? []
        #expect(breaks.count == 1)
        #expect((breaks.first?["problem"] as? String ?? "").contains("changed after it was written"))
        // An archive file changed on disk is found too.
        let sha = try s.archives("202144010001").first?["sha256"] as? String ?? ""
        let path = s.daemon.storage + "/archive/\(sha.prefix(2))/\(sha.dropFirst(2).prefix(2))/\(sha).pdf"
        chmod(path, 0o600)
        try Data("tampered".utf8).write(to: URL(fileURLWithPath: path))
        let files = try jsonObject(try s.daemon.cli(["audit", "verify", "--json"], credentials: nil).stdout)["breaks"] as? [[String: Any]] ?? []
        #expect(files.contains { ($0["problem"] as? String ?? "").contains("does not match its hash") })
        // Issue 14: the next start finds the dropped trigger, puts it back, says so at critical level, and `audit verify`
        // lists the repair. (SQLite only: the schema check at start does not exist for PostgreSQL yet.)
        guard !TestPostgres.isActive else { return }
        let db = s.daemon.storage + "/db/zhtj.sqlite"
        _ = s.daemon.stop()
        try s.daemon.start()
        #expect(s.daemon.log.contains("schema repaired"))
        let repaired = try jsonObject(try s.daemon.cli(["audit", "verify", "--json"], credentials: "root.cred").stdout)
        let repairs = repaired["schemaRepairs"] as? [String] ?? []
        #expect(repairs.count == 1 && repairs[0].contains("trigger audit_no_update was missing"), "\(repairs)")
        let again = try runProgram("/usr/bin/sqlite3", [db, "UPDATE audit SET reason = 'x' WHERE id = 1"], environment: s.daemon.environment)
        #expect(again.status != 0)
    }

    // R-E4: a file from the inbox root, attached by hand, is the member's branch's upload and is reviewed.
    @Test func attachedRootFileIsReviewed() throws {
        let s = try Self.setUp()
        try s.daemon.drop(PDFBuilder.scannedForm(number: nil), folder: "", name: "scan.pdf")
        try s.daemon.waitForEmptyInbox()
        let id = try s.uploads("unmatched").first?["id"] as? Int ?? 0
        try expectOK(s.daemon.cli(["attach", String(id), "--member", "202144010001"], credentials: "root.cred"))
        let archive = try #require(try s.archives("202144010001").first)
        #expect(archive["state"] as? String == "pending")
        #expect(archive["uploadedByID"] as? Int == 3)
        #expect(try queue(s, "a.cred").count == 1)
    }

    @Test func overviewCountsPerSubordinate() throws {
        let s = try Self.setUp()
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001"), folder: branchA, name: "李明.pdf")
        try s.daemon.waitForEmptyInbox()
        let rows = try jsonArray(try expectOK(s.daemon.cli(["reviews", "--overview", "--json"], credentials: "a.cred")).stdout)
        #expect(rows.count == 1)
        #expect(rows.first?["pending"] as? Int == 1)
        #expect(rows.first?["notUploaded"] as? Int == 1)
    }
}
