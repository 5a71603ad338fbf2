import Foundation
import Testing

/// The org tree (R-O1, R-O2, R-O3) through the real binaries.
@Suite struct OrgTests {
    // R-O1: orgs are created only inside the caller's subtree, and only where the category fits.
    @Test func creationOutsideTheSubtreeIsRefused() throws {
        let s = try Scenario()
        try s.registerAdmin(org: "0002", issuer: "root.cred", newCredentials: "a.cred")
        let sibling = try s.daemon.cli(["org", "create", "--name", "锻造车间团支部", "--category", "branch", "--parent", "0004"], credentials: "a.cred")
        #expect(sibling.status == 1)
        #expect(sibling.stderr.contains("outside the orgs you administer"))
        let up = try s.daemon.cli(["org", "create", "--name", "团某某区委", "--category", "leading-body", "--parent", "0001"], credentials: "a.cred")
        #expect(up.stderr.contains("outside the orgs you administer"))
        let underBranch = try s.daemon.cli(["org", "create", "--name", "某团支部", "--category", "branch", "--parent", "0003"], credentials: "a.cred")
        #expect(underBranch.stderr.contains("cannot be created under"))
        // Inside its subtree it works; the default parent is the caller's org.
        let created = try jsonObject(try expectOK(s.daemon.cli(
            ["org", "create", "--name", "软件工程专业2024级1班团支部", "--category", "branch", "--json"], credentials: "a.cred")).stdout)
        #expect(((created["org"] as? [String: Any])?["parentID"] as? Int) == 2)
    }

    // R-O2, R-O3: the full name comes from the ancestors; a name off the pattern is accepted with a warning;
    // each org has its own inbox folder at once.
    @Test func namesWarningsAndInboxFolders() throws {
        let s = try Scenario()
        let result = try expectOK(s.daemon.cli(["org", "create", "--name", "第一小组", "--category", "branch", "--parent", "0004"], credentials: "root.cred"))
        #expect(result.stdout.contains("团某某市委某某机械厂团委第一小组 (0006)"))
        #expect(result.stdout.contains("R-O3"))
        #expect(FileManager.default.fileExists(atPath: s.daemon.storage + "/inbox/0006-第一小组"))
        #expect(FileManager.default.fileExists(atPath: s.daemon.storage + "/inbox/0003-计算机专业2023级3班团支部"))
        let duplicate = try s.daemon.cli(["org", "create", "--name", "第一小组", "--category", "branch", "--parent", "0004"], credentials: "root.cred")
        #expect(duplicate.stderr.contains("already has an org named"))
        let industry = try jsonObject(try expectOK(s.daemon.cli(["org", "create", "--name", "装配车间团支部", "--category", "branch", "--parent", "0004", "--json"], credentials: "root.cred")).stdout)
        #expect((industry["org"] as? [String: Any])?["industry"] as? String == "国有企业")
    }

    @Test func treeShowsCategoriesCountsAndAdmins() throws {
        let s = try Scenario()
        try s.registerAdmin(org: "0002", issuer: "root.cred", newCredentials: "a.cred")
        let tree = try expectOK(s.daemon.cli(["org", "tree"], credentials: "root.cred")).stdout
        #expect(tree.contains("某某大学团委"))
        #expect(tree.contains("包装车间团支部"))
        let nodes = try jsonList(try expectOK(s.daemon.cli(["org", "tree", "--json"], credentials: "a.cred")).stdout, "nodes")
        #expect(nodes.count == 2)
        #expect(((nodes[0]["org"] as? [String: Any])?["adminRegistered"] as? Bool) == true)
        #expect(((nodes[1]["org"] as? [String: Any])?["adminRegistered"] as? Bool) == false)
        let outside = try s.daemon.cli(["org", "tree", "0004"], credentials: "a.cred")
        #expect(outside.stderr.contains("outside the orgs you administer"))
    }

    // R-O2: short name, full name, category and industry cannot be changed; the attempt is refused with the reason.
    @Test func namesCannotBeChanged() throws {
        let s = try Scenario()
        for option in ["--name", "--full-name", "--category", "--industry"] {
            let result = try s.daemon.cli(["org", "update", "0003", option, "x"], credentials: "root.cred")
            #expect(result.status == 1)
            #expect(result.stderr.contains("cannot be changed after it is created (R-O2)"))
        }
        let tree = try expectOK(s.daemon.cli(["org", "tree", "0003"], credentials: "root.cred"))
        #expect(tree.stdout.contains("计算机专业2023级3班团支部"))
    }

    // R-O5: the secretary is recorded.
    @Test func secretary() throws {
        let s = try Scenario()
        let result = try expectOK(s.daemon.cli(
            ["org", "secretary", "--org", "0003", "--name", "陈静", "--id-number", "110101199805050055", "--mobile", "13800001234"], credentials: "root.cred"))
        #expect(result.stdout.contains("陈静"))
    }
}
