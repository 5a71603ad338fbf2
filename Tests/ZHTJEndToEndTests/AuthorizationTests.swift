import Foundation
import Testing
import ZHTJTestSupport

/// Who may do what to whom (issue 6): for each command, an admin of an unrelated org, of a child org, of the parent
/// org and of the right org. Only the right ones succeed, and every denial is audited.
@Suite struct AuthorizationTests {
    /// Admins: root (0001), a (committee 0002, the reviewer of branch 0003), c (branch 0003), b (unrelated committee 0004).
    static func setUp() throws -> Scenario {
        let s = try Scenario.withMembers()
        try s.registerAdmin(org: "0002", issuer: "root.cred", newCredentials: "a.cred", name: "甲")
        try s.registerAdmin(org: "0004", issuer: "root.cred", newCredentials: "b.cred", name: "乙")
        try s.registerAdmin(org: "0003", issuer: "a.cred", newCredentials: "c.cred", name: "丙")
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001"), folder: branchA, name: "李明.pdf")
        try s.daemon.drop(PDFBuilder.scannedForm(number: nil), folder: branchA, name: "scan.pdf")
        try s.daemon.drop(HostilePDF.fake(), folder: branchA, name: "fake.pdf")
        try s.daemon.waitForEmptyInbox()
        return s
    }

    struct Case {
        var name: String
        var allowed: [String]
        var denied: [String]
        var arguments: (String) -> [String]
    }

    func deniedCount(_ s: Scenario) throws -> Int {
        let out = try s.daemon.sql("SELECT count(*) FROM audit WHERE action = 'denied'")
        return Int(out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test func onlyTheRightAdminsSucceedAndEveryDenialIsAudited() throws {
        let s = try Self.setUp()
        let review = try jsonList(try expectOK(s.daemon.cli(["reviews", "--json"], credentials: "a.cred")).stdout, "items").first?["id"] as? Int ?? 0
        let unmatched = try s.uploads("unmatched").first?["id"] as? Int ?? 0
        let refused = try s.uploads("refused").first?["id"] as? Int ?? 0
        var counter = 0
        func unique() -> String { counter += 1; return String(counter) }
        var months = 0
        func nextMonth() -> String { months += 1; return String(format: "2023-%02d", months) }
        let cases: [Case] = [
            Case(name: "org create under 0002", allowed: ["a", "root"], denied: ["c", "b"]) { _ in ["org", "create", "--name", "新\(unique())团支部", "--category", "branch", "--parent", "0002"] },
            Case(name: "org code 0003", allowed: ["a"], denied: ["root", "c", "b"]) { _ in ["org", "code", "0003"] },
            Case(name: "org tree 0002", allowed: ["a", "root"], denied: ["c", "b"]) { _ in ["org", "tree", "0002"] },
            Case(name: "org progress 0002", allowed: ["a", "root"], denied: ["c", "b"]) { _ in ["org", "progress", "0002"] },
            Case(name: "org secretary 0003", allowed: ["c", "a", "root"], denied: ["b"]) { _ in
                ["org", "secretary", "--org", "0003", "--name", "书记", "--id-number", "110101199805050055", "--mobile", "13800001234"]
            },
            Case(name: "member show", allowed: ["c", "a", "root"], denied: ["b"]) { _ in ["member", "show", "202144010001"] },
            Case(name: "history", allowed: ["c", "a", "root"], denied: ["b"]) { _ in ["history", "202144010001"] },
            Case(name: "get", allowed: ["c", "a", "root"], denied: ["b"]) { who in ["get", "202144010001", "-o", "/tmp/zhtj-auth-\(UUID().uuidString)-\(who).pdf"] },
            Case(name: "stats 0002", allowed: ["a", "root"], denied: ["c", "b"]) { _ in ["stats", "--org", "0002"] },
            Case(name: "labels 0003", allowed: ["c", "a", "root"], denied: ["b"]) { who in
                ["labels", "--org", "0003", "-o", "/tmp/zhtj-auth-\(UUID().uuidString)-\(who)-labels.pdf"]
            },
            Case(name: "reminders 0003", allowed: ["c", "a", "root"], denied: ["b"]) { _ in ["reminders", "--org", "0003"] },
            Case(name: "member set-number", allowed: ["c", "a"], denied: ["root", "b"]) { _ in ["member", "set-number", "440101200702020226", "2022440100\(10 + counter)", "--reason", "更正"] },
            Case(name: "reject (reviewer only)", allowed: [], denied: ["root", "c", "b"]) { _ in ["reject", String(review), "--reason", "不清晰"] },
            Case(name: "approve (reviewer only)", allowed: ["a"], denied: ["root", "c", "b"]) { _ in ["approve", String(review)] },
            Case(name: "change-request", allowed: ["c"], denied: ["b"]) { _ in ["change-request", "202144010001", "--reason", "补页"] },
            Case(name: "reject-change (reviewer only)", allowed: [], denied: ["root", "c", "b"]) { _ in ["reject-change", "1", "--reason", "不需要"] },
            Case(name: "approve-change (reviewer only)", allowed: ["a"], denied: ["root", "c", "b"]) { _ in ["approve-change", "1"] },
            Case(name: "member import into 0003", allowed: ["c", "a", "root"], denied: ["b"]) { who in
                ["member", "import", s.daemon.root + "/import-\(who).csv"]
            },
            Case(name: "attach", allowed: ["c"], denied: ["b"]) { _ in ["attach", String(unmatched), "--member", "440101200702020226"] },
            Case(name: "retry", allowed: ["c"], denied: ["b"]) { _ in ["retry", String(refused)] },
            Case(name: "transfer out of 0005", allowed: ["root"], denied: ["a", "c"]) { _ in ["transfer", "201944010003", "--to", "0003"] },
            // The transfer above, waiting for 0003 (R-W1): only the receiving side accepts it.
            Case(name: "accept-transfer into 0003", allowed: ["c"], denied: ["b"]) { _ in ["accept-transfer", "1"] },
            Case(name: "member leave (the branch only, R-M4)", allowed: ["c"], denied: ["a", "root", "b"]) { _ in
                ["member", "leave", "440101200702020226", "--kind", "退团", "--reason", "本人申请", "--meeting-date", "2026-11-20"]
            },
            Case(name: "approve-leave (the superior committee only)", allowed: ["a"], denied: ["c", "root", "b"]) { _ in ["approve-leave", "1"] },
            // R-W2: the granting org is any org whose subtree holds the member.
            Case(name: "award", allowed: ["c", "a", "root"], denied: ["b"]) { _ in
                ["award", "202144010001", "--title", "优秀共青团员", "--level", "校级", "--date", "2024-01-02", "--document", "文\(unique())号"]
            },
            Case(name: "sanction", allowed: ["c", "a", "root"], denied: ["b"]) { _ in
                ["sanction", "202144010001", "--title", "缺席", "--level", "警告", "--date", "2024-01-02", "--document", "文\(unique())号"]
            },
            Case(name: "awards", allowed: ["c", "a", "root"], denied: ["b"]) { _ in ["awards", "202144010001"] },
            // R-W4: fees of members inside the admin's subtree; the status of an org inside it.
            Case(name: "fee record", allowed: ["c", "a", "root"], denied: ["b"]) { _ in
                ["fee", "record", "202144010001", "--month", nextMonth(), "--amount", "0.20"]
            },
            Case(name: "fee import", allowed: ["c", "a", "root"], denied: ["b"]) { who in ["fee", "import", s.daemon.root + "/fees-\(who).csv"] },
            Case(name: "fee status 0002", allowed: ["a", "root"], denied: ["c", "b"]) { _ in ["fee", "status", "--org", "0002", "--month", "2024-01"] },
            Case(name: "fee list", allowed: ["c", "a", "root"], denied: ["b"]) { _ in ["fee", "list", "202144010001"] },
            // Seed 001 §2.1: a branch's cadres (its members) by the branch or its direct parent; an org's own by itself.
            Case(name: "cadre add to 0003", allowed: ["c", "a"], denied: ["root", "b"]) { who in
                let (name, id, joined) = who == "c" ? ("李明", "440101200701010114", "2021-05") : ("王磊", "440101200108080883", "2015-05")
                return ["cadre", "add", "--org", "0003", "--name", name, "--id-number", id, "--ethnicity", "汉族", "--education", "本科",
                        "--occupation", "学生", "--political-status", "共青团员", "--join-date", joined] + (who == "c" ? ["--development-number", "202144010001"] : [])
                    + ["--post", "团支部委员", "--since", "2024-09", "--how", "选举", "--kind", "兼职", "--party-committee-member", "否",
                       "--on-duty", "在岗", "--mobile", "13900003333", "--party-application", "否", "--volunteer", "否"]
            },
            Case(name: "cadre import into 0002", allowed: ["a"], denied: ["root", "c", "b"]) { who in
                ["cadre", "import", s.daemon.root + "/cadres-\(who).csv", "--org", "0002"]
            },
            Case(name: "cadre list 0002", allowed: ["a", "root"], denied: ["c", "b"]) { _ in ["cadre", "list", "--org", "0002"] },
            Case(name: "cadre change-post (the cadre's org or a branch's parent)", allowed: ["c", "a"], denied: ["root", "b"]) { _ in
                ["cadre", "change-post", "李明", "--post", "团支部书记\(unique())", "--since", "2025-01", "--how", "选举"]
            },
            // R-C2: leading bodies and grassroots committees remove their own cadres.
            Case(name: "cadre remove (the superior committee)", allowed: ["a"], denied: ["c", "root", "b"]) { _ in ["cadre", "remove", "李明", "--to", "毕业"] },
            Case(name: "org key-area 0002 (its own admin only)", allowed: ["a"], denied: ["root", "c", "b"]) { _ in ["org", "key-area", "0002", "--students", "1000"] },
            Case(name: "cadre staffing 0002", allowed: ["a", "root"], denied: ["c", "b"]) { _ in ["cadre", "staffing", "--org", "0002"] },
        ]
        for who in ["root", "a", "b", "c"] {
            try s.daemon.write("import-\(who).csv", Data([
                "姓名,身份证号码,民族,政治面貌,入团年月,所在团支部,是否为团干部,发展团员编号,手机号码",
                "王磊,440101200108080883,汉族,共青团员,2015-05,0003,否,,",
            ].joined(separator: "\n").utf8))
        }
        for (who, month) in [("root", "2022-01"), ("a", "2022-02"), ("b", "2022-03"), ("c", "2022-04")] {
            try s.daemon.write("fees-\(who).csv", Data("身份证号码,月份,金额(元)\n440101200701010114,\(month),0.20\n".utf8))
        }
        for who in ["root", "a", "b", "c"] {
            try s.daemon.write("cadres-\(who).csv", Data([
                "姓名,身份证号码,民族,学历,职业,政治面貌,入团时间,发展团员编号,入党时间,团内现任职务,任现职年月,任现职方式,团干部性质,是否同级党组织委员,在岗状态,手机号码,是否递交入党申请书,递交入党申请书时间,是否注册志愿者,注册志愿者时间",
                "陈老师,110101198505050016,汉族,硕士研究生,高校教师,中共党员,2000-05,,2008-06,团委书记,2022-09,任命,专职,是,在岗,13800001111,,,是,2015-03",
            ].joined(separator: "\n").utf8))
        }
        let before = try deniedCount(s)
        var denials = 0
        for c in cases {
            for who in c.denied {
                let result = try s.daemon.cli(c.arguments(who), credentials: who + ".cred")
                #expect(result.status != 0, "\(c.name): \(who) should be refused: \(result.combined)")
                denials += 1
            }
            for who in c.allowed {
                let result = try s.daemon.cli(c.arguments(who), credentials: who + ".cred")
                #expect(result.status == 0, "\(c.name): \(who) should succeed: \(result.combined)")
            }
        }
        #expect(try deniedCount(s) - before == denials)
    }
}
