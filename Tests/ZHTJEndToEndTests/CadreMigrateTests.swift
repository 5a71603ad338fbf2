import Foundation
import Testing
import ZHTJTestSupport

/// Cadres move with the registry (issue 15's `zhtj admin migrate`): removed ones, their posts and the key-area figures
/// arrive on PostgreSQL, new rows take the next ids, and the records stay protected there (R-C2, seed 001 §2.2).
@Suite(.enabled(if: TestPostgres.isActive, "needs the test PostgreSQL server"))
struct CadreMigrateTests {
    @Test func cadresMoveToPostgreSQL() throws {
        let s = try Scenario.withMembers(onSQLite: true)
        try s.registerAdmin(org: "0002", issuer: "root.cred", newCredentials: "a.cred")
        try expectOK(s.daemon.cli(["cadre", "import", try s.daemon.write("c.csv", Data(CadreTests.committeeTable.utf8))], credentials: "a.cred").withStatus(3))
        try expectOK(s.daemon.cli(["cadre", "change-post", "陈老师", "--post", "团委书记（兼）", "--since", "2025-06", "--how", "任命"], credentials: "a.cred"))
        try expectOK(s.daemon.cli(["cadre", "remove", "钱七", "--to", "毕业"], credentials: "a.cred"))
        try expectOK(s.daemon.cli(["org", "key-area", "--students", "20000"], credentials: "a.cred"))
        s.daemon.stop()
        let url = try #require(try TestPostgres.freshDatabaseURL())
        let moved = try s.daemon.cli(["admin", "migrate", "--to", url, "--storage", s.daemon.storage], credentials: nil)
        #expect(moved.status == 0, "\(moved.combined)")
        s.daemon.extraEnvironment["ZHTJD_DATABASE_URL"] = url
        try s.daemon.start()

        let all = try jsonArray(try expectOK(s.daemon.cli(["cadre", "list", "--all-posts", "--json"], credentials: "a.cred")).stdout)
        #expect(all.count == 3)
        #expect(all.first { $0["name"] as? String == "钱七" }?["removedTo"] as? String == "毕业")
        #expect((all.first { $0["name"] as? String == "陈老师" }?["posts"] as? [Any])?.count == 2)
        let staffing = try jsonArray(try expectOK(s.daemon.cli(["cadre", "staffing", "--json"], credentials: "a.cred")).stdout)
        #expect(staffing.first?["base"] as? Int == 20000 && staffing.first?["fullTime"] as? Int == 1 && staffing.first?["seconded"] as? Int == 0)
        #expect(try s.daemon.cli(["org", "key-area", "--students", "1"], credentials: "a.cred").status != 0)
        #expect(try s.daemon.sql("DELETE FROM cadre").status != 0)
        // The next cadre and post take ids after the copied ones.
        let next = try jsonObject(try expectOK(s.daemon.cli(["cadre", "change-post", "小刘", "--post", "团委委员", "--since", "2025-10", "--how", "选举", "--json"], credentials: "a.cred")).stdout)
        #expect((next["posts"] as? [Any])?.count == 2)
        let added = try expectOK(s.daemon.cli(["cadre", "import", try s.daemon.write("c2.csv", Data(CadreTests.committeeTable.utf8))], credentials: "a.cred").withStatus(3))
        #expect(added.stdout.contains("录入 added: 1"), "钱七 again, after the removal: \(added.stdout)")
    }
}
