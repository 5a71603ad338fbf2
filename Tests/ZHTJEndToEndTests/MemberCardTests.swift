import Foundation
import Testing
import ZHTJTestSupport

/// The electronic member card (R-W3) through the real binaries: the PDF is drawn by the daemon with cairo, rendered
/// here with poppler (pdftoppm) and its text layer read back (pdftotext).
@Suite struct MemberCardTests {
    /// `YYYY-MM` of the month before today: the newest month the card lists.
    static var lastMonth: String {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month], from: Date())
        let index = parts.year! * 12 + parts.month! - 2
        return String(format: "%04d-%02d", index / 12, index % 12 + 1)
    }

    func text(of pdf: String) throws -> String {
        try expectOK(runProgram("/usr/bin/env", ["pdftotext", "-layout", pdf, "-"], environment: ["PATH": "/usr/bin:/bin"])).stdout
    }

    // R-W3: identity (the ID number hidden but its last four), join date, number, branch, transfers, fees of the last
    // 12 months, rewards and sanctions, status, and the date; made by the member's branch or a superior only.
    @Test func theCardGathersTheMembersRecord() throws {
        let s = try MemberLifeTests.setUp()
        let filed = try jsonObject(try expectOK(s.daemon.cli(["transfer", "赵强", "--to", "0003", "--json"], credentials: "b.cred")).stdout)
        try expectOK(s.daemon.cli(["accept-transfer", String(filed["id"] as? Int ?? 0)], credentials: "c.cred"))
        try expectOK(s.daemon.cli(["fee", "record", "赵强", "--month", Self.lastMonth, "--amount", "0.20"], credentials: "c.cred"))
        try expectOK(s.daemon.cli(
            ["award", "赵强", "--title", "优秀共青团员", "--level", "县级", "--date", "2026-05-04", "--document", "团委发〔2026〕5号"], credentials: "root.cred"))

        let pdf = s.daemon.root + "/card.pdf"
        let made = try jsonObject(try expectOK(s.daemon.cli(["card", "赵强", "-o", pdf, "--json"], credentials: "c.cred")).stdout)
        #expect(made["pages"] as? Int == 1)
        let card = made["card"] as? [String: Any] ?? [:]
        #expect(card["idNumber"] as? String == "**************0330")
        #expect((card["fees"] as? [[String: Any]])?.count == 12)
        let text = try text(of: pdf)
        for expected in [
            "电子团员证", "赵强", "**************0330", "回族", "2019-05", "201944010003", "计算机专业2023级3班团支部", "包装车间团支部",
            "无需认证", Self.lastMonth, "¥0.20", "未缴", "优秀共青团员", "团委发〔2026〕5号", "Made on",
        ] {
            #expect(text.contains(expected), "“\(expected)” on the card:\n\(text)")
        }
        #expect(!text.contains("440101200603030330"), "the whole ID number must not be on the card")
        // Rendered by poppler as a printer would.
        let png = s.daemon.root + "/card"
        try expectOK(runProgram("/usr/bin/env", ["pdftoppm", "-r", "100", "-png", "-singlefile", pdf, png], environment: ["PATH": "/usr/bin:/bin"]))
        #expect(((try FileManager.default.attributesOfItem(atPath: png + ".png"))[.size] as? Int ?? 0) > 20_000)

        // An existing file is never overwritten; the card is audited; outside the subtree it is refused.
        let again = try s.daemon.cli(["card", "赵强", "-o", pdf], credentials: "c.cred")
        #expect(again.status != 0 && again.stderr.contains("never overwritten"), "\(again.combined)")
        #expect(((try s.member("赵强")["history"] as? [[String: Any]]) ?? []).contains { $0["action"] as? String == "member.card" })
        let outside = try s.daemon.cli(["card", "赵强", "-o", s.daemon.root + "/b.pdf"], credentials: "b.cred")
        #expect(outside.status != 0 && outside.stderr.contains("no member"), "\(outside.combined)")
    }

    // R-W3, R-M4: a member who left still has a card, which says so.
    @Test func aCardOfAMemberWhoLeftSaysSo() throws {
        let s = try Scenario.withMembers()
        try expectOK(s.daemon.cli(["transfer", "孙丽", "--out", "中国人民解放军某部"], credentials: "root.cred"))
        let pdf = s.daemon.root + "/sun.pdf"
        try expectOK(s.daemon.cli(["card", "孙丽", "-o", pdf], credentials: "root.cred"))
        let text = try text(of: pdf)
        #expect(text.contains("转出") && text.contains("中国人民解放军某部"), "\(text)")
    }
}
