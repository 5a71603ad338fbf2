import Foundation
import Testing

/// The member registry (R-M1, R-M2, R-M4, R-M5, R-E1) through the real binaries.
@Suite struct MemberTests {
    static let header = "姓名,身份证号码,民族,政治面貌,入团年月,所在团支部,是否为团干部,发展团员编号,手机号码"

    /// Good rows and each kind of bad row, one per line (line numbers in comments).
    static let mixed = [
        header,  // 1
        "李明,440101200701010114,汉族,共青团员,2021-05,0003,否,202144010001,13900001111",  // 2 good, needs an e-archive
        "张伟,440101200702020226,汉族,共青团员,2022-05,团某某市委某某大学团委计算机专业2023级3班团支部,是,202244010002,",  // 3 good, branch by full name
        "赵强,440101200603030330,回族,共青团员,2019-05,0005,否,201944010003,",  // 4 good, joined before 2020
        "孙丽,440101200306060664,汉族,共青团员,2015-09,0005,否,,",  // 5 good: 12 before 2016-09-01, no number needed
        "周杰,440101200405050551,汉族,共青团员,2019-05,0003,否,201944010006,",  // 6 bad check digit
        "吴敏,440101201010101011,汉族,共青团员,2022-05,0003,否,202244010007,",  // 7 under 13 at joining
        "郑洁,440101200207070779,汉族,共青团员,2020-05,0003,否,,",  // 8 no development number
        "李明二,440101200701010114,汉族,共青团员,2021-05,0003,否,202144010009,",  // 9 the ID number of line 2
        "王磊,440101200108080883,汉族,共青团员,2021-01,0003,否,202144010001,",  // 10 the number of line 2
        "冯涛,440101199509090999,汉族,共青团员,2010-05,9999,否,,",  // 11 no such branch
        "陈晨,44010120040505055X,汉族,共青团员,2019-05,0002,否,201944010012,",  // 12 not a branch
        "褚燕,44010120040505055X,汉族,共青团员,2021-13,0003,否,202144010013,",  // 13 bad join date
        "卫东,440101200504040445,汉族,共青团员,2019-05,0003,也许,201944010014,",  // 14 bad cadre flag
        ",440101200504040445,汉族,共青团员,2019-05,0003,否,201944010015,",  // 15 no name
    ].joined(separator: "\r\n") + "\r\n"

    func issues(_ report: [String: Any]) -> [(Int, String)] {
        (report["issues"] as? [[String: Any]] ?? []).map { ($0["line"] as? Int ?? 0, $0["column"] as? String ?? "") }
    }

    // R-M1, R-M2, R-M5, R-E1: good rows go in, each bad row is reported with line, column and reason.
    @Test func importReportsEachBadRowAndImportsTheGoodOnes() throws {
        let s = try Scenario()
        let file = try s.daemon.write("members.csv", Data(Self.mixed.utf8))
        let result = try s.daemon.cli(["member", "import", file, "--json"], credentials: "root.cred")
        #expect(result.status == 3, "\(result.combined)")
        let report = try jsonObject(result.stdout)
        #expect(report["imported"] as? Int == 4)
        #expect(report["rejectedRows"] as? Int == 10)
        let found = Set(issues(report).map { "\($0.0):\($0.1)" })
        for expected in [
            "6:身份证号码", "7:入团年月", "8:发展团员编号", "9:身份证号码", "10:发展团员编号", "11:所在团支部", "12:所在团支部",
            "13:入团年月", "14:是否为团干部", "15:姓名",
        ] {
            #expect(found.contains(expected), "missing \(expected) in \(found)")
        }
        // R-E1, R-M5: the imported members who need an e-archive are listed.
        let need = (report["needEArchive"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(Set(need) == ["李明", "张伟"])
        // The text report says so too, and never shows a whole ID number.
        let text = try s.daemon.cli(["member", "import", file], credentials: "root.cred")
        #expect(text.stdout.contains("need an e-archive") == false)  // nothing new was imported the second time
        #expect(!text.stdout.contains("440101200405050551"))
        #expect(text.stdout.contains("440101********0551"))
    }

    // Importing the same file twice changes nothing and says so.
    @Test func reimportChangesNothing() throws {
        let s = try Scenario()
        let good = [Self.header, "李明,440101200701010114,汉族,共青团员,2021-05,0003,否,202144010001,13900001111",
                    "孙丽,440101200306060664,汉族,共青团员,2015-09,0005,否,,"].joined(separator: "\n")
        let file = try s.daemon.write("good.csv", Data(good.utf8))
        let first = try expectOK(s.daemon.cli(["member", "import", file], credentials: "root.cred"))
        #expect(first.stdout.contains("imported: 2"))
        #expect(first.stdout.contains("1 of the imported members joined in 2020 or later and need an e-archive"))
        let second = try expectOK(s.daemon.cli(["member", "import", file], credentials: "root.cred"))
        #expect(second.stdout.contains("imported: 0"))
        #expect(second.stdout.contains("unchanged (already present): 2"))
        #expect(second.stdout.contains("nothing changed"))
        // A changed row for a registered ID number is refused, not overwritten.
        let changed = try s.daemon.write("changed.csv", Data([Self.header, "李明,440101200701010114,汉族,共青团员,2021-05,0003,是,202144010001,"].joined(separator: "\n").utf8))
        let third = try s.daemon.cli(["member", "import", changed, "--json"], credentials: "root.cred")
        #expect(try jsonObject(third.stdout)["rejectedRows"] as? Int == 1)
        // A new member with a number another member already holds.
        let taken = try s.daemon.write("taken.csv", Data([Self.header, "王磊,440101200108080883,汉族,共青团员,2021-01,0003,否,202144010001,"].joined(separator: "\n").utf8))
        let fourth = try s.daemon.cli(["member", "import", taken], credentials: "root.cred")
        #expect(fourth.stdout.contains("already belongs to another member"))
    }

    // What Excel on Chinese Windows writes: GB18030; and UTF-8 with a BOM.
    @Test func gb18030AndBOMFiles() throws {
        let s = try Scenario()
        let text = [Self.header, "李明,440101200701010114,汉族,共青团员,2021-05,0003,否,202144010001,"].joined(separator: "\r\n")
        let utf8 = try s.daemon.write("utf8.csv", Data(text.utf8))
        let gbPath = s.daemon.root + "/gb.csv"
        // iconv's bytes as they are (not through a String).
        let gbBytes = try runProgramBytes("/usr/bin/iconv", ["-f", "UTF-8", "-t", "GB18030", utf8])
        #expect(String(data: gbBytes, encoding: .utf8) == nil)
        try gbBytes.write(to: URL(fileURLWithPath: gbPath))
        let report = try jsonObject(try expectOK(s.daemon.cli(["member", "import", gbPath, "--json"], credentials: "root.cred")).stdout)
        #expect(report["encoding"] as? String == "GB18030")
        #expect(report["imported"] as? Int == 1)
        let shown = try jsonObject(try expectOK(s.daemon.cli(["member", "show", "202144010001", "--json"], credentials: "root.cred")).stdout)
        #expect(shown["name"] as? String == "李明")
        #expect(shown["ethnicity"] as? String == "汉族")

        let bom = try s.daemon.write("bom.csv", Data([0xEF, 0xBB, 0xBF]) + Data([Self.header, "孙丽,440101200306060664,汉族,共青团员,2015-09,0005,否,,"].joined(separator: "\n").utf8))
        let bomReport = try jsonObject(try expectOK(s.daemon.cli(["member", "import", bom, "--json"], credentials: "root.cred")).stdout)
        #expect(bomReport["encoding"] as? String == "UTF-8 with BOM")
        #expect(bomReport["imported"] as? Int == 1)
    }

    // R-E13 (scope), masking: search and show see only the caller's subtree; lists mask ID numbers.
    @Test func searchIsScopedToTheSubtree() throws {
        let s = try Scenario()
        let file = try s.daemon.write("members.csv", Data(Self.mixed.utf8))
        _ = try s.daemon.cli(["member", "import", file], credentials: "root.cred")
        try s.registerAdmin(org: "0002", issuer: "root.cred", newCredentials: "a.cred")

        let mine = try jsonArray(try expectOK(s.daemon.cli(["member", "search", "李", "--json"], credentials: "a.cred")).stdout)
        #expect(mine.compactMap { $0["name"] as? String } == ["李明"])
        #expect(mine.first?["idNumber"] as? String == "440101********0114")
        let other = try expectOK(s.daemon.cli(["member", "search", "赵强"], credentials: "a.cred"))
        #expect(other.stdout.contains("no member matches"))
        let rootSees = try jsonArray(try expectOK(s.daemon.cli(["member", "search", "赵强", "--json"], credentials: "root.cred")).stdout)
        #expect(rootSees.count == 1)
        // By ID number prefix and by development number.
        #expect(try jsonArray(try expectOK(s.daemon.cli(["member", "search", "4401012007", "--json"], credentials: "a.cred")).stdout).count == 2)
        #expect(try jsonArray(try expectOK(s.daemon.cli(["member", "search", "202244010002", "--json"], credentials: "a.cred")).stdout).count == 1)

        let hidden = try s.daemon.cli(["member", "show", "440101200603030330"], credentials: "a.cred")
        #expect(hidden.status == 1)
        #expect(hidden.stderr.contains("no member"))
        let shown = try expectOK(s.daemon.cli(["member", "show", "440101200701010114"], credentials: "a.cred"))
        #expect(shown.stdout.contains("440101200701010114"))

        // An admin cannot import into a branch outside its subtree.
        let outside = try s.daemon.write("outside.csv", Data([Self.header, "钱多,440101200108080883,汉族,共青团员,2021-01,0005,否,202144010020,"].joined(separator: "\n").utf8))
        let refused = try s.daemon.cli(["member", "import", outside], credentials: "a.cred")
        #expect(refused.stdout.contains("outside the orgs you administer"))
    }

    @Test func missingHeadersAndUnreadableFiles() throws {
        let s = try Scenario()
        let noHeader = try s.daemon.write("bad.csv", Data("name,id\nx,y\n".utf8))
        let result = try s.daemon.cli(["member", "import", noHeader], credentials: "root.cred")
        #expect(result.status == 1)
        #expect(result.stderr.contains("missing headers"))
        let missing = try s.daemon.cli(["member", "import", s.daemon.root + "/nope.csv"], credentials: "root.cred")
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("cannot read"))
    }
}

/// Runs a program and returns its stdout bytes unchanged.
func runProgramBytes(_ path: String, _ arguments: [String]) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return data
}

/// Issue 13: a large import answers compactly (the count and the first 20 who need an e-archive, at most 50
/// rejected rows on the screen), and `--report FILE` writes everything; the import is audited in one row and each
/// member's history still starts with its registration.
@Suite struct LargeImportTests {
    static func idNumber(_ seq: Int) -> String {
        let first17 = String(format: "44010120070101%03d", seq)
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(first17, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return first17 + String(Array("10X98765432")[sum % 11])
    }

    @Test func aLargeImportAnswersCompactlyAndReportsToAFile() throws {
        let s = try Scenario()
        var lines = [MemberTests.header]
        for i in 1...130 {
            lines.append("团员\(i),\(Self.idNumber(i)),汉族,共青团员,2021-05,0003,否,\(String(format: "20214401%04d", 100 + i)),")
        }
        for i in 131...200 { lines.append("坏行\(i),\(Self.idNumber(i)),汉族,共青团员,2021-13,0003,否,,") }
        let file = try s.daemon.write("large.csv", Data(lines.joined(separator: "\n").utf8))
        let json = try s.daemon.cli(["member", "import", file, "--json"], credentials: "root.cred")
        let report = try jsonObject(json.stdout)
        #expect(report["imported"] as? Int == 130)
        #expect(report["needEArchiveCount"] as? Int == 130)
        #expect((report["needEArchive"] as? [Any])?.count == 20)

        let again = [MemberTests.header] + (201...260).map { "新团员\($0),\(Self.idNumber($0)),汉族,共青团员,2022-05,0003,否,\(String(format: "20224401%04d", $0))," }
            + (261...330).map { "坏行\($0),\(Self.idNumber($0)),汉族,共青团员,2021-13,0003,否,," }
        let second = try s.daemon.write("second.csv", Data(again.joined(separator: "\n").utf8))
        let reportFile = s.daemon.root + "/report.csv"
        let text = try s.daemon.cli(["member", "import", second, "--report", reportFile], credentials: "root.cred")
        #expect(text.status == 3)
        #expect(text.stdout.contains("20 more problems not shown: --report FILE writes them all"), "\(text.stdout)")
        #expect(text.stdout.contains("40 more not shown"))
        #expect(text.stdout.contains("full report written to"))
        let csv = String(decoding: try Data(contentsOf: URL(fileURLWithPath: reportFile)), as: UTF8.self)
        #expect(csv.components(separatedBy: "未导入 rejected").count - 1 == 70)
        #expect(csv.components(separatedBy: "needs an e-archive").count - 1 == 60)
        #expect(!csv.contains(Self.idNumber(201)))

        // One audit row per import; the history of a member still shows its registration.
        #expect(try expectOK(s.daemon.cli(["audit", "verify"], credentials: "root.cred")).stdout.contains("no break found"))
        let shown = try jsonObject(try expectOK(s.daemon.cli(["show", "团员7", "--json"], credentials: "root.cred")).stdout)
        let history = (shown["history"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
        #expect(history.first == "member.register", "\(history)")
    }
}
