import ArgumentParser
import Foundation
import ZHTJClient
import ZHTJCore

extension ZHTJ {
    struct OrgCodes: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "codes", abstract: "为全部直属下级签发注册码 / Issue a code for every direct subordinate at once, as a table.")

        @Option(help: "Also write the table to this CSV file (UTF-8 with BOM, opens in Excel).")
        var csv: String?

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (codes, json) = try global.send(API.OrgCodes.self, NoParams())
                if let csv {
                    try CSVFile.write(
                        header: ["组织编号", "组织全称", "组织类别", "注册码", "有效期至"],
                        rows: codes.map { [$0.org.displayID, $0.org.fullName, $0.org.category.chinese, $0.code, Format.time($0.expiresAt)] }, to: csv)
                }
                try global.emit(json) {
                    if codes.isEmpty { return "没有直属下级组织 / your org has no direct subordinates yet: create them with `zhtj org create`" }
                    var table = TextTable(header: ["编号 ID", "组织 org", "注册码 code", "有效期至 valid until"])
                    for code in codes { table.add([code.org.displayID, code.org.fullName, code.code, Format.time(code.expiresAt)]) }
                    return table.render() + (csv.map { "\n已写入 / written to \($0)" } ?? "")
                }
            }
        }
    }

    struct OrgTree: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tree", abstract: "显示组织树 / Show the org tree: categories, member counts, admins.")

        @Argument(help: "The top of the tree (identifier or name). Default: your org.")
        var org: String?

        @Option(help: "Show N levels below the top (0: the top alone). Default: 2 for a tree of 500 orgs or more, else all.")
        var depth: Int?

        @Flag(help: "Show the whole tree, however large.")
        var all = false

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (page, json) = try global.send(API.OrgTree.self, OrgTreeParams(org: org, depth: depth, all: all ? true : nil))
                try global.emit(json) { Self.render(page) }
            }
        }

        /// The tree as an indented table; a node with orgs below it not shown ends with `[+N]`; then how many orgs
        /// are not shown and how to see them.
        static func render(_ page: OrgTreePage) -> String {
            var table = TextTable(header: ["编号 ID", "组织 org", "类别 category", "团员 members", "管理员 admin"])
            for node in page.nodes {
                table.add([
                    node.org.displayID, String(repeating: "  ", count: node.depth) + node.org.shortName + (node.hidden.map { " [+\($0)]" } ?? ""),
                    node.org.category.chinese, String(node.org.memberCount),
                    node.org.adminRegistered ? "已注册 yes" : "未注册 no",
                ])
            }
            guard page.hidden > 0 else { return table.render() }
            let levels = page.depth.map(String.init) ?? "?"
            // The branch with most orgs not shown is the example of how to look at one branch.
            let example = page.nodes.max { ($0.hidden ?? 0) < ($1.hidden ?? 0) }?.org.displayID ?? "ID"
            return table.render() + """

                还有 \(page.hidden) 个组织未显示（只显示到下 \(levels) 层，[+N] 为其下未显示的组织数），使用 --depth N、--all，\
                或 zhtj org tree \(example) 查看其中一支 / \(page.hidden) more orgs not shown (\(levels) levels below the top; \
                [+N]: orgs below not shown): use --depth N, --all, or zhtj org tree \(example) for one branch
                """
        }
    }

    struct OrgSecretary: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "secretary", abstract: "登记组织书记 / Record an org's secretary (name, ID number, mobile).")

        @Option(help: "The org (identifier or name). Default: your org.")
        var org: String?

        @Option var name: String
        @Option var idNumber: String
        @Option var mobile: String

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (org, json) = try global.send(API.OrgSecretary.self, OrgSecretaryParams(org: self.org, name: name, idNumber: idNumber, mobile: mobile))
                try global.emit(json) { "已登记书记 / secretary recorded for \(Format.org(org)): \(org.secretaryName ?? "")" }
            }
        }
    }
}

extension ZHTJ {
    struct OrgUpdate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "修改组织名称等（不允许）/ Change an org's names, category or industry: refused, they are fixed at creation (R-O2).")

        @Argument(help: "The org (identifier or name).")
        var org: String

        @Option var name: String?
        @Option var fullName: String?
        @Option var category: String?
        @Option var industry: String?

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (org, json) = try global.send(API.OrgUpdate.self, OrgUpdateParams(org: self.org, name: name, fullName: fullName, category: category, industry: industry))
                try global.emit(json) { Format.org(org) }
            }
        }
    }
}
