import Foundation
import Testing
import ZHTJTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Identity by SO_PEERCRED: a credential works only from the uid that registered it. Needs root to create a
/// second user (CI runs as root); skipped otherwise.
@Suite(.serialized, .enabled(if: getuid() == 0, "needs root to create a test user with useradd"))
struct OtherUserTests {
    static let user = "zhtjtest"

    static func ensureUser() throws {
        let env = ProcessInfo.processInfo.environment
        if try runProgram("/usr/bin/getent", ["group", user], environment: env).status != 0 {
            try expectOK(runProgram("/usr/sbin/groupadd", [user], environment: env))
        }
        if try runProgram("/usr/bin/id", [user], environment: env).status != 0 {
            try expectOK(runProgram("/usr/sbin/useradd", ["-M", "-N", "-g", user, "-s", "/usr/sbin/nologin", user], environment: env))
        }
    }

    static func ids() -> (uid: uid_t, gid: gid_t) {
        let entry = getpwnam(user)!.pointee
        return (entry.pw_uid, entry.pw_gid)
    }

    @Test func credentialFromAnotherUIDIsRefused() throws {
        try Self.ensureUser()
        let s = try Scenario(extraEnvironment: ["ZHTJD_SOCKET_GROUP": Self.user])
        let (uid, gid) = Self.ids()
        let home = s.daemon.root + "/other"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        chown(home, uid, gid)
        // The socket and run/ belong to the admins' group.
        let attributes = try FileManager.default.attributesOfItem(atPath: s.daemon.socket)
        #expect((attributes[.groupOwnerAccountID] as! NSNumber).uint32Value == gid)

        // The root admin's credential, copied to the other user, does not work for them.
        try FileManager.default.copyItem(atPath: s.daemon.root + "/root.cred", toPath: home + "/stolen.cred")
        chown(home + "/stolen.cred", uid, gid)
        let stolen = try s.daemon.cli(["org", "tree"], credentials: "other/stolen.cred", asUser: Self.user)
        #expect(stolen.status == 1, "\(stolen.combined)")
        #expect(stolen.stderr.contains("belongs to another system user"))
        // Nor does it get a console link (issue 17): the link is asked for over the socket, with the kernel's uid.
        let link = try s.daemon.cli(["console", "--no-open"], credentials: "other/stolen.cred", asUser: Self.user)
        #expect(link.status == 1, "\(link.combined)")
        #expect(link.stderr.contains("belongs to another system user") && !link.stdout.contains("token="))
        // A link that another user read (from a process list: xdg-open's arguments) does not open in their browser,
        // and stays good for its owner.
        let url = try ConsoleSessionProbe.link(s, "root.cred")
        let script = "import http.client,sys,urllib.parse as u; p=u.urlsplit(sys.argv[1]); c=http.client.HTTPConnection(p.hostname,p.port); c.request('GET',p.path+'?'+p.query); print(c.getresponse().status)"
        let theirs = try runProgram("/usr/sbin/runuser", ["-u", Self.user, "--", "/usr/bin/python3", "-c", script, url], environment: s.daemon.environment)
        #expect(theirs.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "403", "\(theirs.combined)")
        #expect(try HTTPProbe.send("GET", url).status == 303)

        // Without a credential the other uid may ask who it is, and may not act as the operator.
        let who = try jsonObject(try expectOK(s.daemon.cli(["whoami", "--json"], credentials: "other/none.cred", asUser: Self.user)).stdout)
        #expect(who["uid"] as? Int == Int(uid))
        #expect(who["isOperator"] as? Bool == false)
        let initAttempt = try s.daemon.cli(["init", "--root-name", "团另一个市委"], credentials: "other/none.cred", asUser: Self.user)
        #expect(initAttempt.stderr.contains("neither the user running zhtjd nor root"))
        let opCode = try s.daemon.cli(["org", "code", "0001"], credentials: "other/none.cred", asUser: Self.user)
        #expect(opCode.stderr.contains("needs an admin credential"))

        // The other user registers with a code of its own; its credential is then refused to root.
        let code = try s.issueCode(org: "0002", as: "root.cred")
        try expectOK(s.daemon.cli(
            ["register", "--code", code, "--name", "李华", "--id-number", "110101199805050055", "--join-date", "2012-05"],
            credentials: "other/mine.cred", asUser: Self.user))
        try expectOK(s.daemon.cli(["org", "tree"], credentials: "other/mine.cred", asUser: Self.user))
        let reverse = try s.daemon.cli(["org", "tree"], credentials: "other/mine.cred")
        #expect(reverse.stderr.contains("belongs to another system user"))
    }
}
