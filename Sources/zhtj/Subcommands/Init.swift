import ArgumentParser
import ZHTJClient
import ZHTJCore

extension ZHTJ {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "创建根组织（仅运维人员，一次）/ Create the root org (operator only, once) and print its admin's code.")

        @Option(help: "The root org's short name, e.g. 团某某市委.")
        var rootName: String

        @Option(help: "leading-body, committee, working-committee, general-branch or branch.")
        var category: String = "leading-body"

        @Option(help: "The industry category, e.g. 党政机关.")
        var industry: String?

        @Flag(help: "Print only the registration code (for scripts: CODE=$(zhtj init … --code-only)).")
        var codeOnly = false

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (result, json) = try global.send(API.Init.self, InitParams(rootName: rootName, category: category, industry: industry))
                if codeOnly { return print(result.code.code) }
                try global.emit(json) {
                    var lines = [
                        "已创建根组织 / root org created: \(Format.org(result.org))",
                        "收件目录 / inbox folder: inbox/\(result.org.folder)",
                        "管理员注册码 / admin registration code: \(result.code.code)  (有效期至 valid until \(Format.time(result.code.expiresAt)))",
                        "下一步 / next: zhtj register --code \(result.code.code) --name NAME --id-number ID --join-date YYYY-MM",
                    ]
                    lines += result.warnings.map { "注意 warning: \($0)" }
                    return lines.joined(separator: "\n")
                }
            }
        }
    }
}
