import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Registration codes (R-O6) and admin registration (R-O7) through the real binaries.
@Suite struct RegistrationTests {
    func errorCode(_ result: ProcessResult) -> String { result.stderr }

    // A stale credentials file does not get in the way of registering again.
    @Test func registerIgnoresAStaleCredentialsFile() throws {
        let s = try Scenario()
        try s.daemon.write("a.cred", Data(#"{"credential":"stale","socket":"/nowhere.sock","adminID":9,"adminName":"x","orgID":9,"orgName":"x","uid":0}"#.utf8))
        let code = try s.issueCode(org: "0002", as: "root.cred")
        try expectOK(s.daemon.cli(["register", "--code", code, "--name", "李华", "--id-number", "110101199805050055", "--join-date", "2012-05"], credentials: "a.cred"))
        try expectOK(s.daemon.cli(["org", "tree"], credentials: "a.cred"))
    }

    // R-O6: usable once.
    @Test func codeIsSingleUse() throws {
        let s = try Scenario()
        let code = try s.issueCode(org: "0002", as: "root.cred")
        try expectOK(s.daemon.cli(["register", "--code", code, "--name", "李华", "--id-number", "110101199805050055", "--join-date", "2012-05"], credentials: "a.cred"))
        let again = try s.daemon.cli(["register", "--code", code, "--name", "李华", "--id-number", "110101199805050055", "--join-date", "2012-05"], credentials: "b.cred")
        #expect(again.status == 1)
        #expect(again.stderr.contains("already been used"))
        #expect(!FileManager.default.fileExists(atPath: s.daemon.root + "/b.cred"))
    }

    // R-O6: case-sensitive; a mistyped or malformed code gets its own message.
    @Test func codeIsCaseSensitiveAndMistypesAreNamed() throws {
        let s = try Scenario()
        let code = try s.issueCode(org: "0002", as: "root.cred")
        let swapped = String(code.map { $0.isUppercase ? Character($0.lowercased()) : Character($0.uppercased()) })
        if swapped != code {
            let result = try s.daemon.cli(["register", "--code", swapped, "--name", "李华", "--id-number", "110101199805050055", "--join-date", "2012-05"], credentials: "a.cred")
            #expect(result.status == 1)
            #expect(result.stderr.contains("no registration code"))
        }
        let short = try s.daemon.cli(["register", "--code", "abc", "--name", "李华", "--id-number", "110101199805050055", "--join-date", "2012-05"], credentials: "a.cred")
        #expect(short.stderr.contains("is not a registration code"))
        // The right spelling still works.
        try expectOK(s.daemon.cli(["register", "--code", code, "--name", "李华", "--id-number", "110101199805050055", "--join-date", "2012-05"], credentials: "a.cred"))
    }

    // R-O6: valid 20 days (the daemon's test clock moves forward).
    @Test func codeExpiresAfter20Days() throws {
        let s = try Scenario()
        let issued = Date()
        let early = try s.issueCode(org: "0002", as: "root.cred")
        let late = try s.issueCode(org: "0004", as: "root.cred")
        try s.daemon.setClock(issued.addingTimeInterval(19 * 86400 + 23 * 3600))
        try expectOK(s.daemon.cli(["register", "--code", early, "--name", "李华", "--id-number", "110101199805050055", "--join-date", "2012-05"], credentials: "a.cred"))
        try s.daemon.setClock(issued.addingTimeInterval(20 * 86400 + 60))
        let result = try s.daemon.cli(["register", "--code", late, "--name", "李华", "--id-number", "110101199805050055", "--join-date", "2012-05"], credentials: "b.cred")
        #expect(result.status == 1)
        #expect(result.stderr.contains("expired"))
        #expect(result.stderr.contains("已于"))
    }

    // R-O6: a code is for its own org only.
    @Test func codeCannotBeUsedForAnotherOrg() throws {
        let s = try Scenario()
        let code = try s.issueCode(org: "0002", as: "root.cred")
        let result = try s.daemon.cli(
            ["register", "--code", code, "--org", "0004", "--name", "李华", "--id-number", "110101199805050055", "--join-date", "2012-05"], credentials: "a.cred")
        #expect(result.status == 1)
        #expect(result.stderr.contains("is for \"团某某市委某某大学团委\""))
        let who = try jsonObject(try expectOK(s.daemon.cli(
            ["register", "--code", code, "--org", "0002", "--name", "李华", "--id-number", "110101199805050055", "--join-date", "2012-05", "--json"],
            credentials: "a.cred")).stdout)
        #expect(((who["admin"] as? [String: Any])?["org"] as? [String: Any])?["id"] as? Int == 2)
    }

    // R-O6: codes are issued by the parent's admin for direct subordinates only.
    @Test func onlyTheParentIssuesCodes() throws {
        let s = try Scenario()
        let grandchild = try s.daemon.cli(["org", "code", "0003"], credentials: "root.cred")
        #expect(grandchild.status == 1)
        #expect(grandchild.stderr.contains("direct parent"))
        try s.registerAdmin(org: "0002", issuer: "root.cred", newCredentials: "a.cred")
        try expectOK(s.daemon.cli(["org", "code", "0003"], credentials: "a.cred"))
        let sibling = try s.daemon.cli(["org", "code", "0005"], credentials: "a.cred")
        #expect(sibling.stderr.contains("outside the orgs you administer"))
        // The operator may issue a new code for the root org, without a credential.
        let root = try s.daemon.cli(["org", "code", "0001", "--code-only"], credentials: nil)
        try expectOK(root)
        #expect(root.stdout.trimmingCharacters(in: .whitespacesAndNewlines).count == 8)
    }

    // R-O6: all direct subordinates at once, exported as a table.
    @Test func allCodesAtOnceAsCSV() throws {
        let s = try Scenario()
        let result = try expectOK(s.daemon.cli(["org", "codes", "--csv", s.daemon.root + "/codes.csv"], credentials: "root.cred"))
        #expect(result.stdout.contains("某某大学团委"))
        let data = try Data(contentsOf: URL(fileURLWithPath: s.daemon.root + "/codes.csv"))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        let lines = text.split(separator: "\r\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("0002,团某某市委某某大学团委,团委,"))
        #expect(lines[2].hasPrefix("0004,"))
    }

    // R-O7: the join date must make the admin at least 13 (12 before 2016-09-01); the ID number is checked.
    @Test func registrationChecksPersonalData() throws {
        let s = try Scenario()
        let code = try s.issueCode(org: "0002", as: "root.cred")
        let young = try s.daemon.cli(["register", "--code", code, "--name", "李华", "--id-number", "110101200803150023", "--join-date", "2020-05"], credentials: "a.cred")
        #expect(young.status == 1)
        #expect(young.stderr.contains("under 13"))
        let badID = try s.daemon.cli(["register", "--code", code, "--name", "李华", "--id-number", "110101200803150024", "--join-date", "2022-05"], credentials: "a.cred")
        #expect(badID.stderr.contains("check digit"))
        // The code was not spent by those attempts.
        try expectOK(s.daemon.cli(["register", "--code", code, "--name", "李华", "--id-number", "110101200803150023", "--join-date", "2021-05"], credentials: "a.cred"))
    }

    // Failed redemptions are rate-limited per uid.
    @Test func failedRedemptionsAreThrottled() throws {
        let daemon = try TestDaemon(extraEnvironment: ["ZHTJD_REGISTRATION_MAX_FAILURES": "3"])
        try daemon.start()
        let code = try Scenario.initRoot(daemon)
        for _ in 0..<3 {
            let r = try daemon.cli(["register", "--code", "zzzzzzzz", "--name", "王芳", "--id-number", "110101199001011237", "--join-date", "2004-05"], credentials: "a.cred")
            #expect(r.stderr.contains("no registration code"))
        }
        let blocked = try daemon.cli(["register", "--code", code, "--name", "王芳", "--id-number", "110101199001011237", "--join-date", "2004-05"], credentials: "a.cred")
        #expect(blocked.status == 1)
        #expect(blocked.stderr.contains("too many failed"))
        try daemon.setClock(Date().addingTimeInterval(16 * 60))
        try expectOK(daemon.cli(["register", "--code", code, "--name", "王芳", "--id-number", "110101199001011237", "--join-date", "2004-05"], credentials: "a.cred"))
    }

    @Test func initRunsOnceAndCredentialsFileIsPrivate() throws {
        let s = try Scenario()
        let again = try s.daemon.cli(["init", "--root-name", "团另一个市委"], credentials: nil)
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
        let attributes = try FileManager.default.attributesOfItem(atPath: s.daemon.root + "/root.cred")
        #expect((attributes[.posixPermissions] as! NSNumber).intValue == 0o600)
        let who = try jsonObject(try expectOK(s.daemon.cli(["whoami", "--json"], credentials: "root.cred")).stdout)
        #expect((who["admin"] as? [String: Any])?["name"] as? String == "王芳")
    }
}
