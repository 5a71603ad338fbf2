import Foundation
import Testing
import ZHTJTestSupport

/// A member's life in the registry (issue 16) through the real binaries: leaving the league (R-M4) and transfers
/// that the receiving side accepts (R-W1, R-E11).
@Suite struct MemberLifeTests {
    /// Admins: root (0001), a (committee 0002, over branch 0003), b (committee 0004, over branch 0005), c (branch 0003).
    static func setUp() throws -> Scenario {
        try Scenario.withMembersAndAdmins()
    }

    func memberCount(_ s: Scenario, org: Int) throws -> Int {
        Int(try s.daemon.sql("SELECT memberCount FROM org WHERE id = \(org)").stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    func historyActions(_ s: Scenario, _ key: String) throws -> [String] {
        ((try s.member(key)["history"] as? [[String: Any]]) ?? []).compactMap { $0["action"] as? String }
    }

    func expectRecountClean(_ s: Scenario, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let recount = try jsonObject(try expectOK(s.daemon.cli(["admin", "recount", "--json"], credentials: nil)).stdout)
        #expect((recount["differences"] as? [Any])?.isEmpty == true, "\(recount)", sourceLocation: sourceLocation)
    }

    // R-M4: the branch files, the superior committee approves; the record is kept and counts nowhere.
    @Test func aLeaveIsFiledByTheBranchAndApprovedByTheSuperiorCommittee() throws {
        let s = try Self.setUp()
        #expect(try memberCount(s, org: 3) == 2)
        #expect(try expectOK(s.daemon.cli(["reminders", "--org", "0003"], credentials: "root.cred")).stdout.contains("张伟"))
        let leave = ["member", "leave", "张伟", "--kind", "退团", "--reason", "本人申请退团", "--meeting-date", "2026-11-20"]
        let byCommittee = try s.daemon.cli(leave, credentials: "a.cred")
        #expect(byCommittee.status != 0 && byCommittee.stderr.contains("filed by the member's own branch"), "\(byCommittee.combined)")
        let badKind = try s.daemon.cli(["member", "leave", "张伟", "--kind", "退休", "--reason", "x", "--meeting-date", "2026-11-20"], credentials: "c.cred")
        #expect(badKind.status != 0 && badKind.stderr.contains("脱团 (lapse)"), "\(badKind.combined)")
        let future = try s.daemon.cli(["member", "leave", "张伟", "--kind", "退团", "--reason", "x", "--meeting-date", "2099-01-01"], credentials: "c.cred")
        #expect(future.status != 0 && future.stderr.contains("in the future"), "\(future.combined)")

        let filed = try jsonObject(try expectOK(s.daemon.cli(leave + ["--json"], credentials: "c.cred")).stdout)
        let id = String(filed["id"] as? Int ?? 0)
        #expect(filed["state"] as? String == "pending")
        #expect(filed["deciderOrgID"] as? Int == 2)
        let twice = try s.daemon.cli(leave, credentials: "c.cred")
        #expect(twice.status != 0 && twice.stderr.contains("already has leave request"), "\(twice.combined)")
        // Only the deciding committee decides; to the branch the request is not there to decide.
        let byBranch = try s.daemon.cli(["approve-leave", id], credentials: "c.cred")
        #expect(byBranch.status != 0 && byBranch.stderr.contains("no open leave request"), "\(byBranch.combined)")
        let listed = try jsonArray(try expectOK(s.daemon.cli(["leave-requests", "--json"], credentials: "a.cred")).stdout)
        #expect(listed.count == 1 && listed.first?["yoursToDecide"] as? Bool == true, "\(listed)")
        #expect(try jsonArray(try expectOK(s.daemon.cli(["leave-requests", "--json"], credentials: "b.cred")).stdout).isEmpty)
        #expect(try expectOK(s.daemon.cli(["leave-requests"], credentials: "a.cred")).stdout.contains("★"))
        try expectOK(s.daemon.cli(["approve-leave", id], credentials: "a.cred"))

        // Kept, shown as left, with its trail.
        let member = try s.member("张伟")
        #expect(member["departure"] as? String == "退团")
        #expect(member["leftAt"] != nil)
        #expect(try expectOK(s.daemon.cli(["member", "show", "张伟"], credentials: "c.cred")).stdout.contains("退团 / withdrew from the league"))
        let actions = try historyActions(s, "张伟")
        #expect(actions.contains("leave.request") && actions.contains("leave.approve"), "\(actions)")
        // Counted nowhere: member counts, statistics, reminders; the tallies agree with a recount.
        #expect(try memberCount(s, org: 3) == 1)
        #expect(try memberCount(s, org: 1) == 3)
        let stats = try jsonArray(try expectOK(s.daemon.cli(["stats", "--org", "0002", "--json"], credentials: "root.cred")).stdout)
        #expect(!stats.contains { $0["joinYear"] as? Int == 2022 }, "\(stats)")
        #expect(!(try expectOK(s.daemon.cli(["reminders", "--org", "0003"], credentials: "root.cred")).stdout.contains("张伟")))
        try expectRecountClean(s)
        // Nothing more is done with a member who left; the record cannot be deleted.
        let again = try s.daemon.cli(leave, credentials: "c.cred")
        #expect(again.status != 0 && again.stderr.contains("has left"), "\(again.combined)")
        let moved = try s.daemon.cli(["transfer", "张伟", "--to", "0005"], credentials: "root.cred")
        #expect(moved.status != 0 && moved.stderr.contains("has left"), "\(moved.combined)")
        #expect(try s.daemon.sql("DELETE FROM member WHERE name = '张伟'").status != 0)
        #expect(try s.member("张伟")["name"] as? String == "张伟")
    }

    // R-M4: a rejection needs a reason and leaves the member as they were.
    @Test func aRejectedLeaveKeepsTheMember() throws {
        let s = try Self.setUp()
        let filed = try jsonObject(try expectOK(s.daemon.cli(
            ["member", "leave", "李明", "--kind", "lapse", "--reason", "连续6个月未交团费", "--meeting-date", "2026-10-09", "--json"], credentials: "c.cred")).stdout)
        #expect(filed["kind"] as? String == "脱团")
        let id = String(filed["id"] as? Int ?? 0)
        try expectOK(s.daemon.cli(["reject-leave", id, "--reason", "未按程序教育帮助"], credentials: "a.cred"))
        #expect(try s.member("李明")["departure"] == nil)
        #expect(try memberCount(s, org: 3) == 2)
        #expect(try jsonArray(try expectOK(s.daemon.cli(["leave-requests", "--json"], credentials: "a.cred")).stdout).isEmpty)
        let all = try jsonArray(try expectOK(s.daemon.cli(["leave-requests", "--all", "--json"], credentials: "c.cred")).stdout)
        #expect(all.first?["state"] as? String == "rejected" && all.first?["decisionReason"] as? String == "未按程序教育帮助", "\(all)")
        #expect(try historyActions(s, "李明").contains("leave.reject"))
    }

    // R-W1: the receiving branch checks and accepts or refuses; the member moves only when accepted.
    @Test func transfersAreCheckedAndAcceptedByTheReceivingSide() throws {
        let s = try Self.setUp()
        let filed = try jsonObject(try expectOK(s.daemon.cli(
            ["transfer", "赵强", "--to", "0003", "--note", "升学", "--json"], credentials: "b.cred")).stdout)
        #expect(filed["state"] as? String == "pending")
        let id = String(filed["id"] as? Int ?? 0)
        #expect(try s.member("赵强")["branchID"] as? Int == 5)
        #expect(try jsonArray(try expectOK(s.daemon.cli(["transfers", "--incoming", "--json"], credentials: "c.cred")).stdout).count == 1)
        #expect(try jsonArray(try expectOK(s.daemon.cli(["transfers", "--incoming", "--json"], credentials: "b.cred")).stdout).isEmpty)
        #expect(try jsonArray(try expectOK(s.daemon.cli(["transfers", "--outgoing", "--json"], credentials: "b.cred")).stdout).count == 1)
        // The sending side cannot accept its own transfer.
        let own = try s.daemon.cli(["accept-transfer", id], credentials: "b.cred")
        #expect(own.status != 0 && own.stderr.contains("no open transfer"), "\(own.combined)")
        try expectOK(s.daemon.cli(["refuse-transfer", id, "--reason", "材料不全"], credentials: "c.cred"))
        #expect(try s.member("赵强")["branchID"] as? Int == 5)

        let second = try jsonObject(try expectOK(s.daemon.cli(["transfer", "赵强", "--to", "0003", "--json"], credentials: "b.cred")).stdout)
        try expectOK(s.daemon.cli(["accept-transfer", String(second["id"] as? Int ?? 0)], credentials: "c.cred"))
        #expect(try s.member("赵强")["branchID"] as? Int == 3)
        #expect(try memberCount(s, org: 3) == 3)
        #expect(try memberCount(s, org: 5) == 1)
        let actions = try historyActions(s, "赵强")
        for action in ["transfer.request", "transfer.refuse", "transfer.accept", "member.transfer"] {
            #expect(actions.contains(action), "\(action) in \(actions)")
        }
        let ended = try jsonArray(try expectOK(s.daemon.cli(["transfers", "--all", "--json"], credentials: "root.cred")).stdout)
        #expect(ended.map { $0["state"] as? String ?? "" } == ["refused", "accepted"], "\(ended)")
        try expectRecountClean(s)

        // R-W1: a member who joined in 2017 or later without a development number cannot be accepted.
        let back = try jsonObject(try expectOK(s.daemon.cli(["transfer", "赵强", "--to", "0005", "--json"], credentials: "c.cred")).stdout)
        let backID = String(back["id"] as? Int ?? 0)
        try expectOK(s.daemon.sql("UPDATE member SET developmentNumber = NULL WHERE name = '赵强'"))
        let noNumber = try s.daemon.cli(["accept-transfer", backID], credentials: "b.cred")
        #expect(noNumber.status != 0 && noNumber.stderr.contains("has no development number"), "\(noNumber.combined)")
        #expect(try s.member("赵强")["branchID"] as? Int == 3)
        // The sending side takes it back; a new transfer is refused at once.
        try expectOK(s.daemon.cli(["cancel-transfer", backID], credentials: "c.cred"))
        let refiled = try s.daemon.cli(["transfer", "赵强", "--to", "0005"], credentials: "c.cred")
        #expect(refiled.status != 0 && refiled.stderr.contains("R-W1"), "\(refiled.combined)")
    }

    // R-W1, R-M4: a transfer out of the tree is recorded at once; the record stays and counts nowhere.
    @Test func aTransferOutOfTheTreeKeepsTheRecord() throws {
        let s = try Self.setUp()
        let neither = try s.daemon.cli(["transfer", "孙丽"], credentials: "b.cred")
        #expect(neither.status != 0 && neither.stderr.contains("--to BRANCH or --out DESTINATION"), "\(neither.combined)")
        let out = try jsonObject(try expectOK(s.daemon.cli(["transfer", "孙丽", "--out", "中国人民解放军某部", "--json"], credentials: "b.cred")).stdout)
        #expect(out["state"] as? String == "out" && out["destination"] as? String == "中国人民解放军某部", "\(out)")
        let member = try s.member("孙丽")
        #expect(member["departure"] as? String == "转出")
        #expect(try memberCount(s, org: 5) == 1)
        #expect(try historyActions(s, "孙丽").contains("transfer.out"))
        try expectRecountClean(s)
        let again = try s.daemon.cli(["transfer", "孙丽", "--to", "0003"], credentials: "root.cred")
        #expect(again.status != 0 && again.stderr.contains("has left"), "\(again.combined)")
        #expect(try expectOK(s.daemon.cli(["member", "search", "孙丽"], credentials: "root.cred")).stdout.contains("孙丽"))
    }
}
