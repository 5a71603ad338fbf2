import Foundation
import Testing

/// Rewards and sanctions (R-W2) and league fees (R-W4) through the real binaries. The clock stands on Wednesday
/// 2024-04-10; the calendar has the Qingming holidays (Thursday 4 and Friday 5 April off, Sunday 7 April worked).
/// Members (Scenario.withMembers): 李明 and 张伟 in branch 0003 (under 0002), 赵强 and 孙丽 in branch 0005 (under 0004).
@Suite struct RewardsFeesTests {
    static let calendar = ["ZHTJD_CALENDAR_HOLIDAYS": "2024-04-04,2024-04-05", "ZHTJD_CALENDAR_WORKDAYS": "2024-04-07"]

    static func setUp() throws -> Scenario {
        let s = try Scenario.withMembers(extraEnvironment: calendar)
        try s.daemon.setClock(ISO8601DateFormatter().date(from: "2024-04-10T12:00:00Z")!)
        try s.registerAdmin(org: "0002", issuer: "root.cred", newCredentials: "a.cred", name: "甲")
        try s.registerAdmin(org: "0004", issuer: "root.cred", newCredentials: "b.cred", name: "乙")
        return s
    }

    func count(_ s: Scenario, _ sql: String) throws -> Int {
        Int(try s.daemon.sql(sql).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    // R-W2: recorded by the granting org (an org above the member's branch), listed, the working days counted with
    // the configured holidays, a late entry warned in text and JSON, and each entry in the member's history.
    @Test func awardsAndSanctionsAreRecordedListedAndWarnedWhenLate() throws {
        let s = try Self.setUp()
        // Monday 1 April → Wednesday 10 April: 2, 3 April, Sunday 7 (worked), 8, 9, 10 = 6 (7 without the calendar).
        let award = try jsonObject(try expectOK(s.daemon.cli(
            ["award", "202144010001", "--title", "优秀共青团员", "--level", "校级", "--date", "2024-04-01", "--document", "团某大发〔2024〕3号", "--json"],
            credentials: "a.cred")).stdout)
        #expect(award["workingDays"] as? Int == 6)
        #expect(award["late"] as? Bool == false)
        #expect(award["warning"] == nil)
        #expect(award["kind"] as? String == "award")
        #expect(award["grantingOrgID"] as? Int == 2)
        // Friday 1 March → 10 April: 20 in March, 1–3 April, 7, 8–10 April = 27 working days: late (R-W2), still recorded.
        let text = try expectOK(s.daemon.cli(
            ["sanction", "张伟", "--title", "无故不参加组织生活", "--level", "warning", "--date", "2024-03-01", "--document", "团某支发〔2024〕1号"],
            credentials: "root.cred")).stdout
        #expect(text.contains("警告"), "\(text)")
        #expect(text.contains("entered 27 working days after the document"), "\(text)")
        #expect(text.contains("⚠") && text.contains("more than the 20 allowed (R-W2)"), "\(text)")
        let late = try jsonObject(try expectOK(s.daemon.cli(
            ["award", "张伟", "--title", "优秀团干部", "--level", "市级", "--date", "2024-03-08", "--document", "团某市发〔2024〕9号", "--json"],
            credentials: "root.cred")).stdout)
        #expect(late["workingDays"] as? Int == 22)
        #expect(late["late"] as? Bool == true)
        #expect((late["warning"] as? String ?? "").contains("22 working days"))
        // A sanction outside the league's five is refused, in Chinese and English.
        let wrong = try s.daemon.cli(
            ["sanction", "张伟", "--title", "x", "--level", "罚款", "--date", "2024-03-01", "--document", "x"], credentials: "root.cred")
        #expect(wrong.status == 1 && wrong.stderr.contains("留团察看") && wrong.stderr.contains("one of"), "\(wrong.combined)")
        // A document dated after today is refused.
        let future = try s.daemon.cli(
            ["award", "张伟", "--title", "x", "--level", "校级", "--date", "2024-04-11", "--document", "x"], credentials: "root.cred")
        #expect(future.status == 1 && future.stderr.contains("after today"), "\(future.combined)")

        let listed = try jsonArray(try expectOK(s.daemon.cli(["awards", "张伟", "--json"], credentials: "root.cred")).stdout)
        #expect(listed.map { $0["level"] as? String } == ["警告", "市级"])
        #expect(listed.map { $0["late"] as? Bool } == [true, true])
        #expect(listed.first?["grantingOrg"] as? String == "团某某市委")
        let table = try expectOK(s.daemon.cli(["awards", "张伟"], credentials: "root.cred")).stdout
        #expect(table.contains("纪律处分 sanction") && table.contains("27 ⚠ 逾期 late"), "\(table)")
        // The history of each member shows the entries (R-W2 records are kept with the member).
        let history = try jsonArray(try expectOK(s.daemon.cli(["history", "张伟", "--json"], credentials: "root.cred")).stdout)
        #expect(history.compactMap { $0["action"] as? String }.filter { $0.hasPrefix("distinction.") } == ["distinction.sanction", "distinction.award"])
        #expect(try expectOK(s.daemon.cli(["history", "李明"], credentials: "a.cred")).stdout.contains("distinction.award"))
        // Nothing is changed or deleted afterwards, even behind the daemon's back.
        #expect(try s.daemon.sql("DELETE FROM distinction").status != 0)
        #expect(try count(s, "SELECT count(*) FROM distinction") == 3)
    }

    // R-W2: only an org whose subtree holds the member grants; the refusal is audited.
    @Test func anAdminOutsideTheSubtreeIsRefusedAndAudited() throws {
        let s = try Self.setUp()
        let refused = try s.daemon.cli(
            ["award", "李明", "--title", "优秀共青团员", "--level", "厂级", "--date", "2024-04-01", "--document", "x"], credentials: "b.cred")
        #expect(refused.status == 1, "\(refused.combined)")
        #expect(refused.stderr.contains("member_not_found") || refused.stderr.contains("找不到团员"), "\(refused.combined)")
        #expect(try count(s, "SELECT count(*) FROM audit WHERE action = 'denied' AND target = 'distinction.add'") == 1)
        #expect(try count(s, "SELECT count(*) FROM distinction") == 0)
        #expect(try s.daemon.cli(["awards", "李明"], credentials: "b.cred").status == 1)
        #expect(try s.daemon.cli(["fee", "record", "李明", "--month", "2024-03", "--amount", "0.20"], credentials: "b.cred").status == 1)
        #expect(try s.daemon.cli(["fee", "status", "--org", "0003", "--month", "2024-03"], credentials: "b.cred").status == 1)
        #expect(try count(s, "SELECT count(*) FROM audit WHERE action = 'denied'") == 4)
        // The admin of 0004 may grant to its own members.
        try expectOK(s.daemon.cli(
            ["award", "赵强", "--title", "青年岗位能手", "--level", "厂级", "--date", "2024-04-08", "--document", "机团发〔2024〕2号"], credentials: "b.cred"))
    }

    // R-W4: a payment per member and month, never overwritten; bad amounts and months refused.
    @Test func feesAreRecordedOncePerMonth() throws {
        let s = try Self.setUp()
        let paid = try jsonObject(try expectOK(s.daemon.cli(
            ["fee", "record", "李明", "--month", "2024-03", "--amount", "0.20", "--reference", "WX001", "--json"], credentials: "a.cred")).stdout)
        #expect(paid["amountFen"] as? Int == 20 && paid["amount"] as? String == "0.20" && paid["source"] as? String == "manual")
        let again = try s.daemon.cli(["fee", "record", "李明", "--month", "2024-03", "--amount", "0.50"], credentials: "root.cred")
        #expect(again.status == 1 && again.stderr.contains("already recorded for this month"), "\(again.combined)")
        for (amount, why) in [("0.205", "at most 2 decimals"), ("-1", "negative"), ("0", "zero"), ("50000", "more than 10000 yuan")] {
            let bad = try s.daemon.cli(["fee", "record", "李明", "--month", "2024-02", "--amount", amount], credentials: "root.cred")
            #expect(bad.status == 1 && bad.stderr.contains(why) && bad.stderr.contains("金额"), "\(amount): \(bad.combined)")
        }
        let future = try s.daemon.cli(["fee", "record", "李明", "--month", "2024-05", "--amount", "0.20"], credentials: "root.cred")
        #expect(future.status == 1 && future.stderr.contains("a month still to come"), "\(future.combined)")
        #expect(try count(s, "SELECT count(*) FROM feePayment") == 1)
        #expect(try s.daemon.sql("UPDATE feePayment SET amountFen = 1").status != 0)
        let history = try expectOK(s.daemon.cli(["history", "李明"], credentials: "root.cred")).stdout
        #expect(history.contains("fee.record") && history.contains("2024-03 0.20 yuan"), "\(history)")
    }

    // R-W4: the payment channel's table: good rows recorded in one transaction with one audit row, each bad row
    // reported with its line and reason; then who has not paid, per branch, without the members who have left.
    @Test func feeImportAndStatusPerBranch() throws {
        let s = try Self.setUp()
        try expectOK(s.daemon.cli(["fee", "record", "李明", "--month", "2024-03", "--amount", "0.20"], credentials: "root.cred"))
        let table = [
            "身份证号码,发展团员编号,月份,金额(元),流水号",  // 1
            ",202244010002,2024-03,0.20,T2",  // 2 张伟 by development number
            "440101200701010114,,2024-03,0.20,T3",  // 3 李明 paid already
            "440101200603030330,,2024-02,0.50,T4",  // 4 赵强, February
            "110101199001011237,,2024-03,0.20,T5",  // 5 no such member
            "440101200306060664,,2024-03,-1,T6",  // 6 a negative amount
            "440101200306060664,,2024-13,0.20,T7",  // 7 no such month
            ",202244010002,2024-03,0.20,T8",  // 8 the same member and month as line 2
        ].joined(separator: "\r\n")
        let file = try s.daemon.write("fees.csv", Data(table.utf8))
        let result = try s.daemon.cli(["fee", "import", file, "--json"], credentials: "root.cred")
        #expect(result.status == 3, "\(result.combined)")
        let report = try jsonObject(result.stdout)
        #expect(report["recorded"] as? Int == 2)
        #expect(report["rejectedRows"] as? Int == 5)
        let issues = (report["issues"] as? [[String: Any]] ?? []).map { "\($0["line"] as? Int ?? 0):\($0["column"] as? String ?? "")" }
        #expect(issues == ["3:月份", "5:身份证号码", "6:金额(元)", "7:月份", "8:月份"])
        let text = try s.daemon.cli(["fee", "import", file], credentials: "root.cred").stdout
        #expect(text.contains("already recorded") && text.contains("no such member") && !text.contains("110101199001011237"), "\(text)")
        #expect(try count(s, "SELECT count(*) FROM audit WHERE action = 'fee.import'") == 1)
        let list = try jsonArray(try expectOK(s.daemon.cli(["fee", "list", "张伟", "--json"], credentials: "root.cred")).stdout)
        #expect(list.map { $0["source"] as? String } == ["import"] && list.first?["reference"] as? String == "T2")

        var status = try jsonObject(try expectOK(s.daemon.cli(["fee", "status", "--month", "2024-03", "--json"], credentials: "root.cred")).stdout)
        // One row per direct subordinate of the root (committees 0002 and 0004), from the kept tallies (v13).
        var rows = status["rows"] as? [[String: Any]] ?? []
        #expect(rows.map { [$0["orgID"] as? Int, $0["members"] as? Int, $0["paid"] as? Int, $0["unpaid"] as? Int] } == [[2, 2, 2, 0], [4, 2, 0, 2]])
        #expect(status["paidFen"] as? Int == 40)
        // Branch by branch in the tree's order, within a branch by join year (孙丽 2015, 赵强 2019).
        #expect((status["unpaidMembers"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } == ["孙丽", "赵强"])

        // 孙丽 leaves the league: no longer asked to pay, not counted (R-W4), and no payment is taken.
        try expectOK(s.daemon.sql("UPDATE member SET leftAt = '2024-04-01 00:00:00.000', leftKind = '退团' WHERE idNumber = '440101200306060664'"))
        let left = try s.daemon.cli(["fee", "record", "孙丽", "--month", "2024-03", "--amount", "0.20"], credentials: "root.cred")
        #expect(left.status == 1 && left.stderr.contains("no fees are due"), "\(left.combined)")
        status = try jsonObject(try expectOK(s.daemon.cli(["fee", "status", "--org", "0005", "--month", "2024-03", "--json"], credentials: "b.cred")).stdout)
        // A branch has no subordinate: its own row.
        rows = status["rows"] as? [[String: Any]] ?? []
        #expect(rows.map { [$0["orgID"] as? Int, $0["members"] as? Int, $0["paid"] as? Int, $0["unpaid"] as? Int] } == [[5, 1, 0, 1]])
        try expectOK(s.daemon.cli(["admin", "recount"], credentials: nil))
        let text2 = try expectOK(s.daemon.cli(["fee", "status", "--month", "2024-03", "--csv", s.daemon.root + "/unpaid.csv"], credentials: "root.cred")).stdout
        #expect(text2.contains("赵强") && text2.contains("440101********0330") && !text2.contains("孙丽"), "\(text2)")
        #expect(!text2.contains("440101200603030330"))
        #expect(text2.contains("合计 total"), "\(text2)")
        let csv = try String(contentsOfFile: s.daemon.root + "/unpaid.csv", encoding: .utf8)
        #expect(csv.contains("赵强") && csv.contains("440101********0330"))
        // February: 赵强 paid; 李明, 张伟 did not.
        status = try jsonObject(try expectOK(s.daemon.cli(["fee", "status", "--month", "2024-02", "--json"], credentials: "root.cred")).stdout)
        #expect((status["unpaidMembers"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } == ["李明", "张伟"])
        #expect(status["paid"] as? Int == 1)
    }
}
