import ArgumentParser
import Foundation
import ZHTJClient
import ZHTJCore

extension ZHTJ {
    struct OrgProgress: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "progress",
            abstract: "下级组织建设进度 / Per direct subordinate: admin registered, data complete, own subordinates, codes (R-O8, R-O1, R-O4).")

        @Argument(help: "The org (identifier or name). Default: your org.")
        var org: String?

        @Option(help: "Also write CSV (UTF-8 with BOM), at most 1000 rows per file as in the original system.")
        var csv: String?

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (result, json) = try global.send(API.OrgProgress.self, OrgRefParams(org: org))
                let header = ["编号 ID", "组织 org", "类别 category", "管理员 admin", "手机 mobile", "资料完整 data complete", "已建下级 subordinates", "注册码有效期 code until", "提示 flags"]
                func cells(_ r: ProgressRow) -> [String] {
                    var flags: [String] = []
                    if r.noBranchBelow { flags.append("下无团支部 no branch below (R-O1)") }
                    if r.tooFewMembers { flags.append("团员少于3人，应撤并 fewer than 3 members (R-O4)") }
                    return [r.org.displayID, r.org.fullName, r.org.category.chinese, r.adminName ?? "未注册 none", r.adminMobile ?? "",
                            Format.yesNo(r.dataComplete), Format.yesNo(r.hasSubordinates), r.codeExpiresAt.map(Format.time) ?? "—", flags.joined(separator: "; ")]
                }
                var written: [String] = []
                if let csv { written = try CSVFile.write(header: header, rows: result.rows.map(cells), to: csv, maxRows: 1000) }
                try global.emit(json) {
                    var table = TextTable(header: header)
                    for r in result.rows { table.add(cells(r)) }
                    var text = table.render() + "\n\n合计 totals: " + result.totals.map { "\($0.category.chinese) \($0.registered)/\($0.orgs) 已注册 registered" }.joined(separator: "; ")
                    if written.count > 1 {
                        text += "\n共 \(result.rows.count) 行，每个文件至多1000行，已分为 \(written.count) 个文件 / \(result.rows.count) rows, at most 1000 per file: split into \(written.joined(separator: ", "))"
                    } else if let file = written.first {
                        text += "\n已写入 / written to \(file)"
                    }
                    return text
                }
            }
        }
    }

    struct OrgImport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "从表格批量建立下级组织 / Create subordinate orgs from a CSV table (R-O9).",
            discussion: "Headers: 组织简称,组织类别 (required), 上级组织,行业类别,组织全称 (optional). Bad rows are reported; good rows are created in order.")

        @Argument var file: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let data = try readTable(file)
                let (report, json) = try global.send(API.OrgImport.self, OrgImportParams(fileName: (file as NSString).lastPathComponent, contentBase64: data.base64EncodedString()))
                try global.emit(json) {
                    var lines = ["数据行 rows: \(report.rows), 已建立 created: \(report.created.count), 有误 rejected: \(report.issues.count)"]
                    for org in report.created { lines.append("  + \(Format.org(org)) inbox/\(org.folder)") }
                    lines += report.warnings.map { "注意 warning: \($0)" }
                    if !report.issues.isEmpty {
                        var table = TextTable(header: ["行 line", "名称 name", "原因 reason"])
                        for i in report.issues { table.add([String(i.line), i.value, i.reason]) }
                        lines.append(table.render())
                    }
                    return lines.joined(separator: "\n")
                }
                if !report.issues.isEmpty { throw ExitCode(3) }
            }
        }
    }
}
