import Foundation
import Testing
import ZHTJTestSupport

/// Cadres (R-C1, R-C2) and key-area monitoring (seed 001 §2.2, §2.3) through the real binaries.
@Suite struct CadreTests {
    /// Admins: root (leading body 0001), a (university committee 0002, over branch 0003), b (state-firm committee
    /// 0004, over branch 0005), c (branch 0003).
    static func setUp() throws -> Scenario {
        try Scenario.withMembersAndAdmins()
    }

    static let header = "姓名,身份证号码,民族,学历,职业,政治面貌,入团时间,发展团员编号,入党时间,团内现任职务,任现职年月,任现职方式,团干部性质,是否同级党组织委员,在岗状态,手机号码,是否递交入党申请书,递交入党申请书时间,是否注册志愿者,注册志愿者时间"

    /// The university committee's own cadres: three good rows and three bad ones.
    static let committeeTable = [
        header,
        // 2: a full-time party member.
        "陈老师,110101198505050016,汉族,硕士研究生,高校教师,中共党员,2000-05,,2008-06,团委书记,2022-09,任命,专职,是,在岗,13800001111,,,是,2015-03",
        // 3: a student cadre must be part-time (seed 001 §3.4).
        "学生甲,110101199808080030,汉族,本科,学生,共青团员,2012-05,,,团委副书记,2024-09,选举,专职,否,在岗,13800002222,否,,否,",
        // 4: a party join date for someone who is not a party member.
        "王五,110101199909090043,汉族,本科,教师,共青团员,2013-05,,2020-01,团委委员,2024-09,选举,兼职,否,在岗,13800003333,否,,否,",
        // 5: under 18: no party application needed (R-C1).
        "小刘,110101200905050023,汉族,高中,学生,共青团员,2023-05,202344010101,,团委委员（学生）,2025-09,选举,兼职,否,在岗,13900002222,,,否,",
        // 6: 18 or over, not a party member, and no party application.
        "赵六,110101199707070052,汉族,本科,职员,共青团员,2011-05,,,团委委员,2024-09,选举,兼职,否,在岗,13800004444,,,否,",
        // 7: a seconded cadre with an application and a volunteer registration.
        "钱七,110101200001010061,汉族,本科,公务员,共青团员,2014-05,,,团委副书记,2025-03,挂职,挂职,否,在岗,13800005555,是,2024-01-01,是,2020-01",
    ].joined(separator: "\n")

    func cadres(_ s: Scenario, _ credentials: String, _ extra: [String] = []) throws -> [[String: Any]] {
        try jsonArray(try expectOK(s.daemon.cli(["cadre", "list", "--json"] + extra, credentials: credentials)).stdout)
    }

    func count(_ s: Scenario, _ sql: String) throws -> Int {
        Int(try s.daemon.sql(sql).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// `cadre add` arguments for 李明, a member of branch 0003, as its secretary.
    static let branchSecretary = [
        "cadre", "add", "--org", "0003", "--name", "李明", "--id-number", "440101200701010114", "--ethnicity", "汉族", "--education", "本科",
        "--occupation", "学生", "--political-status", "共青团员", "--join-date", "2021-05", "--development-number", "202144010001",
        "--post", "团支部书记", "--since", "2024-09", "--how", "选举", "--kind", "兼职", "--party-committee-member", "否", "--on-duty", "在岗",
        "--mobile", "13900003333", "--party-application", "否", "--volunteer", "否",
    ]

    // R-C1: an import reports each bad row with its reason and keeps the good ones; a branch's cadre is a member of it.
    @Test func cadresAreImportedAndAddedWithEachBadRowExplained() throws {
        let s = try Self.setUp()
        let file = try s.daemon.write("cadres.csv", Data(Self.committeeTable.utf8))
        let result = try s.daemon.cli(["cadre", "import", file, "--json"], credentials: "a.cred")
        #expect(result.status == 3, "\(result.combined)")
        let report = try jsonObject(result.stdout)
        #expect(report["added"] as? Int == 3)
        #expect(report["rejectedRows"] as? Int == 3)
        let issues = (report["issues"] as? [[String: Any]] ?? []).map { "\($0["line"] as? Int ?? 0) \($0["column"] as? String ?? "")" }
        #expect(issues == ["3 团干部性质", "4 入党时间", "6 是否递交入党申请书"], "\(issues)")
        let outside = try s.daemon.cli(["cadre", "import", file, "--org", "0002"], credentials: "b.cred")
        #expect(outside.status != 0 && outside.stderr.contains("outside the orgs you administer"), "\(outside.combined)")
        // The text report names each reason in both languages.
        let again = try s.daemon.cli(["cadre", "import", file, "--org", "0002"], credentials: "a.cred")
        #expect(again.stdout.contains("student cadres are part-time") && again.stdout.contains("only party members have a party join date"), "\(again.combined)")
        #expect(again.stdout.contains("already a cadre in post here"), "a second import of the same people: \(again.combined)")

        let listed = try cadres(s, "a.cred")
        #expect(listed.map { $0["name"] as? String ?? "" }.sorted() == ["小刘", "钱七", "陈老师"])
        #expect(listed.allSatisfy { ($0["idNumber"] as? String ?? "").contains("****") }, "ID numbers masked in lists")
        let young = listed.first { $0["name"] as? String == "小刘" }
        #expect(young?["partyApplication"] == nil && young?["needsApplicationForm"] as? Bool == true, "\(String(describing: young))")
        #expect(listed.first { $0["name"] as? String == "陈老师" }?["needsApplicationForm"] as? Bool == false, "joined before 2020 (R-C1)")
        #expect(try count(s, "SELECT count(*) FROM audit WHERE action = 'cadre.import'") == 1, "one audit row per import")

        // A branch's cadre is a member of the branch, entered by the branch or its direct superior (seed 001 §2.1).
        var stranger = Self.branchSecretary
        stranger[stranger.firstIndex(of: "李明")!] = "周九"
        stranger[stranger.firstIndex(of: "440101200701010114")!] = "11010119900202008X"
        let notMember = try s.daemon.cli(stranger, credentials: "c.cred")
        #expect(notMember.status != 0 && notMember.stderr.contains("a branch's cadres are members of the branch"), "\(notMember.combined)")
        let byRoot = try s.daemon.cli(Self.branchSecretary, credentials: "root.cred")
        #expect(byRoot.status != 0 && byRoot.stderr.contains("direct superior"), "\(byRoot.combined)")
        let added = try jsonObject(try expectOK(s.daemon.cli(Self.branchSecretary + ["--json"], credentials: "c.cred")).stdout)
        #expect(added["memberID"] as? Int != nil && added["kind"] as? String == "兼职")
        #expect(try s.member("李明")["isCadre"] as? Bool == true)
        // Re-importing the members' table (李明: 是否为团干部 否) is still the same member, not other data (R-M5).
        let reimport = try jsonObject(try expectOK(s.daemon.cli(
            ["member", "import", try s.daemon.write("members-again.csv", Data(Scenario.members.utf8)), "--json"], credentials: "root.cred")).stdout)
        #expect(reimport["rejectedRows"] as? Int == 0 && reimport["unchanged"] as? Int == 4, "\(reimport)")
        let history = (try s.member("李明")["history"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
        #expect(history.contains("cadre.add"), "\(history)")
        // A student cadre added one at a time is part-time too, with the reasons in the error (R-C1).
        var fullTime = Self.branchSecretary
        fullTime[fullTime.firstIndex(of: "兼职")!] = "专职"
        let refused = try s.daemon.cli(fullTime, credentials: "a.cred")
        #expect(refused.status != 0 && refused.stderr.contains("学生团干部均按兼职录入"), "\(refused.combined)")
        #expect(try cadres(s, "root.cred").count == 4)
        #expect(try cadres(s, "c.cred").count == 1)
    }

    // R-C1, R-C2: a new post keeps the old one; removal ends the post, records where the person went and keeps the
    // record; only leading bodies and grassroots committees remove, their own cadres; every denial is audited.
    @Test func postsChangeWithHistoryAndRemovalKeepsTheRecord() throws {
        let s = try Self.setUp()
        try expectOK(s.daemon.cli(["cadre", "import", try s.daemon.write("c.csv", Data(Self.committeeTable.utf8))], credentials: "a.cred").withStatus(3))
        try expectOK(s.daemon.cli(Self.branchSecretary, credentials: "c.cred"))
        let changed = try jsonObject(try expectOK(s.daemon.cli(
            ["cadre", "change-post", "陈老师", "--post", "党委副书记兼团委书记", "--since", "2025-06", "--how", "任命", "--json"], credentials: "a.cred")).stdout)
        #expect(changed["post"] as? String == "党委副书记兼团委书记" && changed["postSince"] as? String == "2025-06")
        let posts = changed["posts"] as? [[String: Any]] ?? []
        #expect(posts.count == 2 && posts[0]["post"] as? String == "团委书记" && posts[0]["endedAt"] != nil && posts[1]["endedAt"] == nil, "\(posts)")
        let future = try s.daemon.cli(["cadre", "change-post", "陈老师", "--post", "x", "--since", "2099-01", "--how", "任命"], credentials: "a.cred")
        #expect(future.status != 0 && future.stderr.contains("in the future"), "\(future.combined)")

        let denied = try count(s, "SELECT count(*) FROM audit WHERE action = 'denied'")
        // Outside b's subtree the cadre is not there; a branch does not remove; the root is not 李明's committee.
        let byOther = try s.daemon.cli(["cadre", "remove", "陈老师", "--to", "毕业"], credentials: "b.cred")
        #expect(byOther.status != 0 && byOther.stderr.contains("no cadre"), "\(byOther.combined)")
        let byBranch = try s.daemon.cli(["cadre", "remove", "李明", "--to", "毕业"], credentials: "c.cred")
        #expect(byBranch.status != 0 && byBranch.stderr.contains("only a leading body or grassroots committee"), "\(byBranch.combined)")
        let byRoot = try s.daemon.cli(["cadre", "remove", "陈老师", "--to", "毕业"], credentials: "root.cred")
        #expect(byRoot.status != 0, "\(byRoot.combined)")
        #expect(try count(s, "SELECT count(*) FROM audit WHERE action = 'denied'") == denied + 3)

        let noText = try s.daemon.cli(["cadre", "remove", "陈老师", "--to", "其他"], credentials: "a.cred")
        #expect(noText.status != 0 && noText.stderr.contains("--other TEXT"), "\(noText.combined)")
        let badPlace = try s.daemon.cli(["cadre", "remove", "陈老师", "--to", "火星"], credentials: "a.cred")
        #expect(badPlace.status != 0 && badPlace.stderr.contains("league-post"), "\(badPlace.combined)")
        let removed = try jsonObject(try expectOK(s.daemon.cli(["cadre", "remove", "陈老师", "--to", "其他", "--other", "援疆挂职", "--json"], credentials: "a.cred")).stdout)
        #expect(removed["removedTo"] as? String == "其他" && removed["removedOther"] as? String == "援疆挂职" && removed["removedAt"] != nil)
        // The committee removes the cadre of a branch it is the superior committee of.
        try expectOK(s.daemon.cli(["cadre", "remove", "李明", "--to", "graduated"], credentials: "a.cred"))
        #expect(try s.member("李明")["isCadre"] as? Bool == false)
        let history = (try s.member("李明")["history"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
        #expect(history.contains("cadre.remove"), "\(history)")

        // The records stay: out of the default list, in --all-posts with the destination and the posts.
        #expect(try cadres(s, "a.cred").map { $0["name"] as? String ?? "" }.sorted() == ["小刘", "钱七"])
        let all = try cadres(s, "a.cred", ["--all-posts"])
        let teacher = all.first { $0["name"] as? String == "陈老师" }
        #expect(teacher?["removedOther"] as? String == "援疆挂职" && (teacher?["posts"] as? [Any])?.count == 2, "\(String(describing: teacher))")
        #expect(all.first { $0["name"] as? String == "李明" }?["removedTo"] as? String == "毕业")
        let text = try expectOK(s.daemon.cli(["cadre", "list", "--all-posts"], credentials: "a.cred")).stdout
        #expect(text.contains("援疆挂职") && text.contains("团委书记（2022-09起，任命）"), "\(text)")
        let twice = try s.daemon.cli(["cadre", "remove", "#\(removed["id"] as? Int ?? 0)", "--to", "毕业"], credentials: "a.cred")
        #expect(twice.status != 0 && twice.stderr.contains("the record is kept and not changed"), "\(twice.combined)")
        #expect(try s.daemon.sql("DELETE FROM cadre").status != 0)
        #expect(try s.daemon.sql("UPDATE cadre SET post = 'x' WHERE name = '陈老师'").status != 0, "a removed cadre's row is frozen (R-C2)")
        #expect(try count(s, "SELECT count(*) FROM cadre") == 4)
    }

    // Seed 001 §2.2, §2.3: the figures are recorded once by the org's own admin; staffing counts and ratios, and CSV.
    @Test func keyAreaFiguresAreSetOnceAndStaffingIsCounted() throws {
        let s = try Self.setUp()
        let byRoot = try s.daemon.cli(["org", "key-area", "0002", "--students", "20000"], credentials: "root.cred")
        #expect(byRoot.status != 0 && byRoot.stderr.contains("entered by its own admin"), "\(byRoot.combined)")
        let branch = try s.daemon.cli(["org", "key-area", "--students", "40"], credentials: "c.cred")
        #expect(branch.status != 0 && branch.stderr.contains("only the top org of a university"), "\(branch.combined)")
        let wrongKind = try s.daemon.cli(["org", "key-area", "--enterprise-level", "市属企业", "--location", "某市"], credentials: "a.cred")
        #expect(wrongKind.status != 0 && wrongKind.stderr.contains("student count only"), "\(wrongKind.combined)")
        try expectOK(s.daemon.cli(["org", "key-area", "--students", "20000"], credentials: "a.cred"))
        let again = try s.daemon.cli(["org", "key-area", "--students", "30000"], credentials: "a.cred")
        #expect(again.status != 0 && again.stderr.contains("not changed once submitted"), "\(again.combined)")
        #expect(try count(s, "SELECT count(*) FROM audit WHERE action = 'org.keyArea.refused'") == 1)
        let badLevel = try s.daemon.cli(["org", "key-area", "--enterprise-level", "乡镇企业", "--location", "某市"], credentials: "b.cred")
        #expect(badLevel.status != 0 && badLevel.stderr.contains("中央企业"), "\(badLevel.combined)")
        try expectOK(s.daemon.cli(["org", "key-area", "--enterprise-level", "市属", "--location", "某某市某某区"], credentials: "b.cred"))
        #expect(try s.daemon.cli(["org", "key-area", "--enterprise-level", "省属企业", "--location", "某市"], credentials: "b.cred").status != 0)
        #expect(try s.daemon.sql("UPDATE orgKeyArea SET studentCount = 1").status != 0, "immutable once submitted")

        try expectOK(s.daemon.cli(["cadre", "import", try s.daemon.write("c.csv", Data(Self.committeeTable.utf8))], credentials: "a.cred").withStatus(3))
        try expectOK(s.daemon.cli(Self.branchSecretary, credentials: "c.cred"))
        let soe = [
            Self.header,
            "孙八,110101198808080079,汉族,本科,企业职工,中共预备党员,2003-05,,2025-07,团委书记,2023-01,选举,专职,是,在岗,13800006666,,,否,",
        ].joined(separator: "\n")
        try expectOK(s.daemon.cli(["cadre", "import", try s.daemon.write("soe.csv", Data(soe.utf8))], credentials: "b.cred"))

        let rows = try jsonArray(try expectOK(s.daemon.cli(["cadre", "staffing", "--json"], credentials: "root.cred")).stdout)
        #expect(rows.count == 2, "the university and the firm, not the branch that shares its industry: \(rows)")
        let university = rows.first { $0["area"] as? String == "university" }
        #expect(university?["orgID"] as? Int == 2)
        #expect(university?["fullTime"] as? Int == 1 && university?["seconded"] as? Int == 1 && university?["partTime"] as? Int == 2, "\(String(describing: university))")
        #expect(university?["base"] as? Int == 20000 && university?["perThousand"] as? Double == 0.2 && university?["basePerFullTime"] as? Double == 10000)
        let firm = rows.first { $0["area"] as? String == "soe" }
        #expect(firm?["fullTime"] as? Int == 1 && firm?["base"] as? Int == 2 && firm?["perThousand"] as? Double == 500 && firm?["basePerFullTime"] as? Double == 2)
        #expect(firm?["enterpriseLevel"] as? String == "市属企业" && firm?["location"] as? String == "某某市某某区")
        let only = try jsonArray(try expectOK(s.daemon.cli(["cadre", "staffing", "--kind", "soe", "--json"], credentials: "root.cred")).stdout)
        #expect(only.count == 1 && only.first?["area"] as? String == "soe")
        // A removed cadre no longer counts.
        try expectOK(s.daemon.cli(["cadre", "remove", "钱七", "--to", "交流到党政机关"], credentials: "a.cred"))
        let mine = try jsonArray(try expectOK(s.daemon.cli(["cadre", "staffing", "--json"], credentials: "a.cred")).stdout)
        #expect(mine.count == 1 && mine.first?["seconded"] as? Int == 0 && mine.first?["basePerFullTime"] as? Double == 20000, "\(mine)")
        let byBranch = try s.daemon.cli(["cadre", "staffing"], credentials: "c.cred")
        #expect(byBranch.status != 0 && byBranch.stderr.contains("for leading bodies and committees"), "\(byBranch.combined)")
        #expect(try s.daemon.cli(["cadre", "staffing", "--org", "0004"], credentials: "a.cred").status != 0, "outside a's subtree")

        let csv = s.daemon.root + "/staffing.csv"
        let text = try expectOK(s.daemon.cli(["cadre", "staffing", "--csv", csv], credentials: "root.cred")).stdout
        #expect(text.contains("1:10000.0") || text.contains("1:20000.0"), "\(text)")
        let data = try Data(contentsOf: URL(fileURLWithPath: csv))
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with a BOM")
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\r\n")
        #expect(lines.count == 3 && lines[1].contains("某某大学团委") && lines[2].contains("某某机械厂团委"), "\(lines)")
    }
}

extension ProcessResult {
    /// This result, as successful when it exited with `status` (an import with refused rows exits 3).
    func withStatus(_ status: Int32) -> ProcessResult {
        var copy = self
        if copy.status == status { copy.status = 0 }
        return copy
    }
}
