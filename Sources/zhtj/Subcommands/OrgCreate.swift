import ArgumentParser
import ZHTJClient
import ZHTJCore

extension ZHTJ {
    struct OrgCreate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "建立下级组织 / Create an org in your subtree (names, category and industry cannot be changed later).")

        @Option(help: "The short name, e.g. 包装车间团支部.")
        var name: String

        @Option(help: "leading-body, committee, working-committee, general-branch or branch.")
        var category: String

        @Option(help: "The industry category, e.g. 普通高等院校 (default: the parent's).")
        var industry: String?

        @Option(help: "The parent org (identifier or name). Default: your org.")
        var parent: String?

        @Option(help: "The full name, when it should differ from the parent's full name + the short name.")
        var fullName: String?

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (result, json) = try global.send(API.OrgCreate.self, OrgCreateParams(name: name, category: category, industry: industry, parent: parent, fullName: fullName))
                try global.emit(json) {
                    var lines = [
                        "已建立 / created: \(Format.org(result.org)), \(result.org.category.chinese) \(result.org.category.rawValue)",
                        "收件目录 / inbox folder: inbox/\(result.org.folder)",
                    ]
                    lines += result.warnings.map { "注意 warning: \($0)" }
                    return lines.joined(separator: "\n")
                }
            }
        }
    }

    struct OrgCode: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "code", abstract: "为一个直属下级签发注册码 / Issue a registration code for one direct subordinate (valid 20 days, once).")

        @Argument(help: "The org: identifier (e.g. 0042) or name.")
        var org: String

        @Flag(help: "Print only the code.")
        var codeOnly = false

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (code, json) = try global.send(API.OrgCode.self, OrgRefParams(org: org))
                if codeOnly { return print(code.code) }
                try global.emit(json) {
                    "注册码 / code for \(Format.org(code.org)): \(code.code)  (有效期至 valid until \(Format.time(code.expiresAt)))"
                }
            }
        }
    }
}
