import Foundation
import Testing
import ZHTJTestSupport

/// Issue 13, "Lists that page", through the real binaries: `zhtj reviews --limit/--after/--all` and `zhtj org tree
/// --depth/--all`, the closing line that says how many are not shown, and the refusal of a bad limit.
@Suite struct PagingCLITests {
    @Test func reviewsPageAndSayWhatIsLeft() throws {
        let s = try Scenario.withMembers()
        try s.registerAdmin(org: "0002", issuer: "root.cred", newCredentials: "a.cred", name: "审核员甲")
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001"), folder: branchA, name: "李明.pdf")
        try s.daemon.drop(PDFBuilder.textForm(number: "202244010002"), folder: branchA, name: "张伟.pdf")
        try s.daemon.waitForEmptyInbox()
        func page(_ options: [String]) throws -> [String: Any] {
            try jsonObject(try expectOK(s.daemon.cli(["reviews", "--json"] + options, credentials: "a.cred")).stdout)
        }
        func ids(_ page: [String: Any]) -> [Int] { (page["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int } }
        let whole = try page([])
        let queue = ids(whole)
        #expect(queue.count == 2 && queue == queue.sorted())
        #expect(whole["total"] as? Int == 2 && whole["remaining"] as? Int == 0 && whole["next"] == nil)
        #expect(!(try expectOK(s.daemon.cli(["reviews"], credentials: "a.cred")).stdout.contains("not shown")))

        let first = try page(["--limit", "1"])
        #expect(ids(first) == [queue[0]] && first["next"] as? Int == queue[0] && first["remaining"] as? Int == 1 && first["total"] as? Int == 2)
        let text = try expectOK(s.daemon.cli(["reviews", "--limit", "1"], credentials: "a.cred")).stdout
        #expect(text.contains("\n\(queue[0]) "))
        #expect(!text.contains("\n\(queue[1]) "))
        #expect(text.hasSuffix("还有 1 份未显示，使用 --all 或 --after \(queue[0]) 查看 / 1 more not shown: use --all or --after \(queue[0])\n"))
        let second = try page(["--limit", "1", "--after", String(queue[0])])
        #expect(ids(second) == [queue[1]] && second["next"] == nil && second["remaining"] as? Int == 0)
        #expect(ids(try page(["--all", "--limit", "1"])) == queue)
        #expect(ids(try page(["--after", String(queue[1])])).isEmpty)

        for limit in ["0", "10001"] {
            let refused = try s.daemon.cli(["reviews", "--limit", limit], credentials: "a.cred")
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("--limit \(limit) 超出范围：应为1到10000之间的整数；要看全部请用 --all"))
            #expect(refused.stderr.contains("--limit \(limit) is out of range: give a whole number from 1 to 10000, or --all for everything"))
        }
    }

    @Test func aLargeTreeShowsTwoLevelsAndSaysHowToSeeTheRest() throws {
        let s = try Scenario()
        // 555 more orgs: committees 0006 … 0010 under the root, ten general branches under each (0011 … 0060), ten
        // branches under each general branch (0061 … 0560); with the scenario's five, 560.
        var lines = ["组织简称,组织类别,上级组织"]
        for c in 0..<5 { lines.append("第\(c + 1)团委,committee,1") }
        for g in 0..<50 { lines.append("第\(g + 1)团总支,general-branch,\(6 + g / 10)") }
        for b in 0..<500 { lines.append("第\(b + 1)团支部,branch,\(11 + b / 10)") }
        let file = try s.daemon.write("orgs.csv", Data(lines.joined(separator: "\n").utf8))
        try expectOK(s.daemon.cli(["org", "import", file, "--quiet"], credentials: "root.cred"))

        let tree = try expectOK(s.daemon.cli(["org", "tree", "--quiet"], credentials: "root.cred")).stdout
        #expect(tree.contains("    第10团总支 [+10]"))
        #expect(tree.contains("包装车间团支部"))
        #expect(!tree.contains("第1团支部"))
        #expect(tree.contains(
            "还有 500 个组织未显示（只显示到下 2 层，[+N] 为其下未显示的组织数），使用 --depth N、--all，或 zhtj org tree 0011 查看其中一支"
                + " / 500 more orgs not shown (2 levels below the top; [+N]: orgs below not shown): use --depth N, --all, or zhtj org tree 0011 for one branch"))
        let json = try jsonObject(try expectOK(s.daemon.cli(["org", "tree", "--json"], credentials: "root.cred")).stdout)
        #expect(json["total"] as? Int == 560 && json["depth"] as? Int == 2 && (json["nodes"] as? [Any])?.count == 60)

        let all = try expectOK(s.daemon.cli(["org", "tree", "--all", "--quiet"], credentials: "root.cred")).stdout
        #expect(all.contains("第500团支部") && !all.contains("not shown") && !all.contains("[+"))
        #expect(try jsonList(try expectOK(s.daemon.cli(["org", "tree", "--all", "--json"], credentials: "root.cred")).stdout, "nodes").count == 560)
        let one = try expectOK(s.daemon.cli(["org", "tree", "--depth", "1", "--quiet"], credentials: "root.cred")).stdout
        #expect(one.contains("  第1团委 [+110]") && one.contains("552 more orgs not shown (1 levels below the top"))
        // One branch of it is a small tree: all of it, no closing line.
        let branch = try expectOK(s.daemon.cli(["org", "tree", "0006", "--quiet"], credentials: "root.cred")).stdout
        #expect(branch.contains("第100团支部") && !branch.contains("not shown"))

        let refused = try s.daemon.cli(["org", "tree", "--depth=-1"], credentials: "root.cred")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--depth -1 超出范围：应为0到100之间的整数") && refused.stderr.contains("--depth -1 is out of range"))
    }

    // A tree of fewer than 500 orgs is shown whole, as before.
    @Test func aSmallTreeShowsEverything() throws {
        let s = try Scenario()
        let tree = try expectOK(s.daemon.cli(["org", "tree", "--quiet"], credentials: "root.cred")).stdout
        for name in ["团某某市委", "某某大学团委", "计算机专业2023级3班团支部", "某某机械厂团委", "包装车间团支部"] { #expect(tree.contains(name)) }
        #expect(!tree.contains("not shown"))
        let json = try jsonObject(try expectOK(s.daemon.cli(["org", "tree", "--json"], credentials: "root.cred")).stdout)
        #expect(json["total"] as? Int == 5 && json["depth"] == nil && (json["nodes"] as? [Any])?.count == 5)
    }
}
