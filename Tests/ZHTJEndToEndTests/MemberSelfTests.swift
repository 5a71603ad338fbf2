import Foundation
import Testing
import ZHTJTestSupport

/// Members see their own (R-E13): a member asks for a credential, the member's branch approves it, and it then
/// shows, downloads and makes the card of that one member, and nothing else.
@Suite struct MemberSelfTests {
    @Test func aMembersOwnCredentialReachesOnlyTheirRecord() throws {
        let s = try MemberLifeTests.setUp()
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001"), folder: branchA, name: "李明.pdf")
        try s.daemon.waitForEmptyInbox()

        // ID number and exact name; a wrong name is refused as an unknown member would be, and audited.
        let wrong = try s.daemon.cli(["member", "self-register", "--id-number", "440101200701010114", "--name", "李铭"], credentials: "wrong.cred")
        #expect(wrong.status != 0 && wrong.stderr.contains("no member"), "\(wrong.combined)")
        #expect(try s.daemon.sql("SELECT count(*) FROM audit WHERE action = 'denied' AND target = 'member.selfRegister'").stdout.hasPrefix("1"))
        let asked = try jsonObject(try expectOK(s.daemon.cli(
            ["member", "self-register", "--id-number", "440101200701010114", "--name", "李明", "--json"], credentials: "li.cred")).stdout)
        #expect(asked["credential"] == nil, "the secret is never printed")
        #expect((asked["account"] as? [String: Any])?["state"] as? String == "pending")
        #expect(try expectOK(s.daemon.cli(["whoami"], credentials: "li.cred")).stdout.contains("waiting for the branch's approval"))
        let early = try s.daemon.cli(["member", "show", "李明"], credentials: "li.cred")
        #expect(early.status != 0 && early.stderr.contains("waits for the approval"), "\(early.combined)")

        // The branch approves (its superior may not), after seeing the request.
        let bySuperior = try s.daemon.cli(["member", "approve-self", "李明"], credentials: "a.cred")
        #expect(bySuperior.status != 0 && bySuperior.stderr.contains("approved by the member's branch"), "\(bySuperior.combined)")
        let waiting = try jsonArray(try expectOK(s.daemon.cli(["member", "self-requests", "--json"], credentials: "c.cred")).stdout)
        #expect(waiting.map { $0["member"] as? String } == ["李明"])
        try expectOK(s.daemon.cli(["member", "approve-self", "李明"], credentials: "c.cred"))

        // Their own record, file and card.
        let shown = try jsonObject(try expectOK(s.daemon.cli(["member", "show", "440101200701010114", "--json"], credentials: "li.cred")).stdout)
        #expect(shown["name"] as? String == "李明")
        try expectOK(s.daemon.cli(["get", "李明", "-o", s.daemon.root + "/mine.pdf"], credentials: "li.cred"))
        try expectOK(s.daemon.cli(["card", "李明", "-o", s.daemon.root + "/card.pdf"], credentials: "li.cred"))
        // Nobody else's, and nothing an admin does.
        let other = try s.daemon.cli(["member", "show", "张伟"], credentials: "li.cred")
        #expect(other.status != 0 && other.stderr.contains("no member"), "\(other.combined)")
        for command in [["reviews"], ["member", "search", "李"], ["org", "tree"], ["stats"]] {
            let refused = try s.daemon.cli(command, credentials: "li.cred")
            #expect(refused.status != 0 && refused.stderr.contains("only shows that member's record"), "\(command): \(refused.combined)")
        }
        let actions = ((shown["history"] as? [[String: Any]]) ?? []).compactMap { $0["action"] as? String }
        #expect(actions.contains("member.self-register") && actions.contains("member.approve-self"), "\(actions)")

        // An existing credentials file (an admin's here) is never replaced.
        let overwrite = try s.daemon.cli(["member", "self-register", "--id-number", "440101200701010114", "--name", "李明"], credentials: "c.cred")
        #expect(overwrite.status != 0 && overwrite.stderr.contains("never replaced"), "\(overwrite.combined)")
        try expectOK(s.daemon.cli(["member", "self-requests"], credentials: "c.cred"))
        // A newer credential, once approved, replaces the old one.
        try expectOK(s.daemon.cli(["member", "self-register", "--id-number", "440101200701010114", "--name", "李明"], credentials: "li2.cred"))
        try expectOK(s.daemon.cli(["member", "approve-self", "李明"], credentials: "c.cred"))
        #expect(try s.daemon.cli(["member", "show", "李明"], credentials: "li.cred").status != 0)
        try expectOK(s.daemon.cli(["member", "show", "李明"], credentials: "li2.cred"))
    }
}
