import Foundation
import Testing

/// The progress view and batch org creation (issue 5: R-O1, R-O4, R-O8, R-O9).
@Suite struct ProgressTests {
    // R-O9: good rows are created, each bad row is reported with its line and reason.
    @Test func batchImportReportsBadRowsAndCreatesGoodOnes() throws {
        let s = try Scenario()
        let csv = [
            "组织简称,组织类别,上级组织,行业类别",
            "某某中学团委,committee,,普通中学",  // 2 good
            "初一1班团支部,branch,某某中学团委,",  // 3 good: its parent was created by line 2
            "无类别团支部,,,",  // 4 no category
            "社团,club,,",  // 5 unknown category
            "锻造车间团支部,branch,0003,",  // 6 under a branch
            "某某中学团委,committee,,",  // 7 duplicate
            "越界团支部,branch,9999,",  // 8 no such parent
        ].joined(separator: "\n")
        let file = try s.daemon.write("orgs.csv", Data(csv.utf8))
        let result = try s.daemon.cli(["org", "import", file, "--json"], credentials: "root.cred")
        #expect(result.status == 3)
        let report = try jsonObject(result.stdout)
        #expect((report["created"] as? [[String: Any]])?.count == 2)
        let lines = (report["issues"] as? [[String: Any]] ?? []).compactMap { $0["line"] as? Int }
        #expect(lines == [4, 5, 6, 7, 8])
        #expect(FileManager.default.fileExists(atPath: s.daemon.storage + "/inbox/0007-初一1班团支部"))
        // Outside the importer's subtree.
        try s.registerAdmin(org: "0002", issuer: "root.cred", newCredentials: "a.cred")
        let outside = try s.daemon.write("outside.csv", Data("组织简称,组织类别,上级组织\n越界团支部,branch,0004\n".utf8))
        let refused = try jsonObject(try s.daemon.cli(["org", "import", outside, "--json"], credentials: "a.cred").stdout)
        #expect(((refused["issues"] as? [[String: Any]])?.first?["reason"] as? String ?? "").contains("outside the orgs you administer"))
    }

    // R-O8, R-O1, R-O4: admin registered, data complete, own subordinates, codes; flags; totals per level.
    @Test func progressViewAndFlags() throws {
        let s = try Scenario.withMembers()
        let code = try s.issueCode(org: "0002", as: "root.cred")
        try expectOK(s.daemon.cli(["register", "--code", code, "--name", "李华", "--id-number", "110101199805050055", "--join-date", "2012-05", "--mobile", "13812345678"], credentials: "a.cred"))
        try expectOK(s.daemon.cli(["org", "create", "--name", "某某学院团委", "--category", "committee"], credentials: "root.cred"))
        _ = try s.issueCode(org: "0006", as: "root.cred")
        let result = try jsonObject(try expectOK(s.daemon.cli(["org", "progress", "--json"], credentials: "root.cred")).stdout)
        let rows = result["rows"] as? [[String: Any]] ?? []
        func row(_ id: Int) -> [String: Any]? { rows.first { ($0["org"] as? [String: Any])?["id"] as? Int == id } }
        #expect(row(2)?["adminRegistered"] as? Bool == true)
        #expect(row(2)?["adminName"] as? String == "李华")
        #expect(row(2)?["adminMobile"] as? String == "138****5678")
        #expect(row(2)?["hasSubordinates"] as? Bool == true)
        #expect(row(6)?["adminRegistered"] as? Bool == false)
        #expect(row(6)?["codeIssued"] as? Bool == true)
        #expect(row(6)?["noBranchBelow"] as? Bool == true)
        #expect(row(2)?["noBranchBelow"] as? Bool == false)
        #expect(row(2)?["dataComplete"] as? Bool == false)
        let totals = result["totals"] as? [[String: Any]] ?? []
        #expect(totals.first?["orgs"] as? Int == 3)
        #expect(totals.first?["registered"] as? Int == 1)
        // R-O4 on the branches below committee 0002: 0003 has two members.
        let branches = try jsonObject(try expectOK(s.daemon.cli(["org", "progress", "0002", "--json"], credentials: "root.cred")).stdout)
        #expect(((branches["rows"] as? [[String: Any]])?.first?["tooFewMembers"] as? Bool) == true)
        // R-O5: once the secretary is recorded, the data is complete.
        try expectOK(s.daemon.cli(["org", "secretary", "--org", "0002", "--name", "陈静", "--id-number", "110101199805050055", "--mobile", "13800001234"], credentials: "root.cred"))
        let again = try jsonObject(try expectOK(s.daemon.cli(["org", "progress", "--json"], credentials: "root.cred")).stdout)
        #expect(((again["rows"] as? [[String: Any]])?.first?["dataComplete"] as? Bool) == true)
    }

    // R-O8: a download holds at most 1000 rows per file and says when it splits.
    @Test func csvExportSplitsAt1000Rows() throws {
        let s = try Scenario()
        let csv = "组织简称,组织类别\n" + (1...1000).map { "第\($0)团支部,branch" }.joined(separator: "\n")
        let file = try s.daemon.write("many.csv", Data(csv.utf8))
        let imported = try s.daemon.cli(["org", "import", file], credentials: "root.cred")
        if imported.status != 0 { Issue.record("daemon log: \(s.daemon.log.suffix(4000))") }
        try expectOK(imported)
        let out = s.daemon.root + "/progress.csv"
        let progress = try s.daemon.cli(["org", "progress", "--csv", out], credentials: "root.cred")
        if progress.status != 0 { Issue.record("daemon log: \(s.daemon.log.suffix(3000))") }
        let result = try expectOK(progress)
        #expect(result.stdout.contains("split into"))
        let first = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\r\n")
        let second = try String(contentsOfFile: s.daemon.root + "/progress-2.csv", encoding: .utf8).split(separator: "\r\n")
        #expect(first.count == 1001)
        #expect(second.count == 3)
    }
}
