import Foundation
import Testing
import ZHTJTestSupport

/// The cadre e-database (R-E14) through the real binaries: a cadre's e-archive is their member e-archive, uploaded,
/// numbered and reviewed as every member's (R-E4/R-E5 by the uploading org's category).
@Suite struct CadreArchiveTests {
    @Test func aCommitteesCadresShowTheirMemberEArchives() throws {
        let s = try CadreTests.setUp()
        // The university committee's own cadres: a teacher who joined in 2000 (no e-archive needed), a student
        // who joined in 2023 and is not registered as a member, and 李明, a student of branch 0003.
        let table = [
            CadreTests.header,
            "陈老师,110101198505050016,汉族,硕士研究生,高校教师,中共党员,2000-05,,2008-06,团委书记,2022-09,任命,专职,是,在岗,13800001111,,,是,2015-03",
            "小刘,110101200905050023,汉族,高中,学生,共青团员,2023-05,202344010101,,团委委员（学生）,2025-09,选举,兼职,否,在岗,13900002222,,,否,",
        ].joined(separator: "\n")
        try expectOK(s.daemon.cli(["cadre", "import", try s.daemon.write("cadres.csv", Data(table.utf8)), "--org", "0002"], credentials: "a.cred"))
        var add = CadreTests.branchSecretary
        add[add.firstIndex(of: "0003")!] = "0002"
        add[add.firstIndex(of: "团支部书记")!] = "团委委员（学生）"
        try expectOK(s.daemon.cli(add, credentials: "a.cred"))

        func archives() throws -> [String: Any] {
            try jsonObject(try expectOK(s.daemon.cli(["cadre", "archives", "--org", "0002", "--json"], credentials: "a.cred")).stdout)
        }
        func row(_ r: [String: Any], _ name: String) -> [String: Any] {
            (r["cadres"] as? [[String: Any]] ?? []).first { $0["name"] as? String == name } ?? [:]
        }
        var r = try archives()
        #expect(row(r, "陈老师")["needsEArchive"] as? Bool == false)
        #expect(row(r, "小刘")["needsEArchive"] as? Bool == true && row(r, "小刘")["memberID"] == nil)
        #expect(row(r, "李明")["status"] as? String == "not_authenticated")
        #expect(r["needEArchive"] as? Int == 2 && r["authenticated"] as? Int == 0 && r["notRegistered"] as? Int == 1, "\(r)")

        // The committee drops the cadre's form into its own folder: found by its number, kept without review (R-E5).
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001"), folder: committeeA, name: "李明-团干部.pdf")
        try s.daemon.waitForEmptyInbox()
        r = try archives()
        #expect(row(r, "李明")["status"] as? String == "authenticated", "\(r)")
        #expect(r["authenticated"] as? Int == 1)
        let text = try expectOK(s.daemon.cli(["cadre", "archives", "--org", "0002", "--csv", s.daemon.root + "/cadres.csv"], credentials: "a.cred")).stdout
        #expect(text.contains("not registered as a member") && text.contains("已认证 authenticated"), "\(text)")
        #expect(FileManager.default.fileExists(atPath: s.daemon.root + "/cadres.csv"))
        // The member's own record says the same; outside the subtree the e-database is refused.
        #expect(try s.member("李明")["status"] as? String == "authenticated")
        let outside = try s.daemon.cli(["cadre", "archives", "--org", "0002"], credentials: "b.cred")
        #expect(outside.status != 0, "\(outside.combined)")
    }
}
