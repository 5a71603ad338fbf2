import ArgumentParser
import Foundation
import ZHTJClient
import ZHTJCore

/// League fees (R-W4): `zhtj fee record|import|status|list`.
extension ZHTJ {
    struct Fee: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "团费：记录交费、导入交费表、查看未交名单 / League fees: record payments, import the payment channel's table, see who has not paid (R-W4).",
            subcommands: [FeeRecord.self, FeeImport.self, FeeStatus.self, FeeList.self])
    }

    struct FeeRecord: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "record", abstract: "记录一笔团费 / Record one member's fee for one month.")

        @Argument(help: "The member: ID number, development number, #id or exact name.") var member: String
        @Option(help: "The month paid for, YYYY-MM (not after this month).") var month: String
        @Option(parsing: .unconditional, help: "The amount in yuan, e.g. 0.20 (at most 2 decimals).") var amount: String
        @Option(help: "The payment channel's reference (流水号).") var reference: String?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (p, json) = try global.send(API.FeeRecord.self, FeeRecordParams(member: member, month: month, amount: amount, reference: reference))
                try global.emit(json) { "已记录团费 / fee recorded: \(p.member) \(p.month) \(p.amount) 元 yuan" + (p.reference.map { " (流水号 \($0))" } ?? "") }
            }
        }
    }

    struct FeeImport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "导入交费表 / Import the payment channel's table (CSV, UTF-8 or GB18030).",
            discussion: "Headers: 身份证号码 or 发展团员编号, 月份, 金额(元), 流水号 (optional). Good rows go in; each bad row is reported.")

        @Argument(help: "The CSV file.") var file: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let data = try readTable(file)
                let params = FeeImportParams(fileName: (file as NSString).lastPathComponent, contentBase64: data.base64EncodedString())
                let (r, json) = try global.send(API.FeeImport.self, params)
                try global.emit(json) {
                    var lines = [
                        "文件 file: \(r.fileName) (\(r.encoding)), 数据行 rows: \(r.rows)",
                        "记录 recorded: \(r.recorded)   有误 rejected: \(r.rejectedRows)",
                    ]
                    if !r.issues.isEmpty {
                        var table = TextTable(header: ["行 line", "列 column", "值 value", "原因 reason"])
                        for issue in r.issues { table.add([String(issue.line), issue.column, issue.value, issue.reason]) }
                        lines += ["", "以下行未记录 / these rows were not recorded:", table.render()]
                    }
                    return lines.joined(separator: "\n")
                }
                if r.rejectedRows > 0 { throw ExitCode(3) }
            }
        }
    }

    struct FeeStatus: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "团费交纳情况 / Per branch: members, paid, unpaid, and who has not paid a month.")

        @Option(help: "An org inside your subtree (default: your org).") var org: String?
        @Option(help: "The month, YYYY-MM.") var month: String
        @Option(help: "List at most this many unpaid members (default 1000).") var limit: Int?
        @Option(help: "Also write the unpaid members to a CSV file.") var csv: String?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (s, json) = try global.send(API.FeeStatus.self, FeeStatusParams(org: org, month: month, limit: limit))
                if let csv {
                    try CSVFile.write(
                        header: ["团支部 branch", "姓名 name", "身份证号码 ID number"], rows: s.unpaidMembers.map { [$0.branch, $0.name, $0.idNumber] }, to: csv)
                }
                try global.emit(json) { Self.render(s) + (csv.map { "\n未交名单已写入 / unpaid members written to \($0)" } ?? "") }
            }
        }

        static func render(_ s: FeeStatusResult) -> String {
            var lines = ["团费 league fees \(s.month) — \(s.org)"]
            if s.rows.isEmpty { return lines[0] + "\n没有需交团费的团员 / no members who owe a fee for this month" }
            var table = TextTable(header: ["下级组织 subordinate org", "团员 members", "已交 paid", "未交 unpaid", "金额 amount (元)"])
            for r in s.rows { table.add([r.org, String(r.members), String(r.paid), String(r.unpaid), FeeAmount.yuan(r.paidFen)]) }
            table.add(["合计 total", String(s.members), String(s.paid), String(s.unpaid), FeeAmount.yuan(s.paidFen)])
            lines.append(table.render())
            if !s.unpaidMembers.isEmpty {
                var unpaid = TextTable(header: ["团支部 branch", "姓名 name", "身份证号码 ID number"])
                for m in s.unpaidMembers { unpaid.add([m.branch, m.name, m.idNumber]) }
                lines += ["", "未交团员 members who have not paid:", unpaid.render()]
                if s.unpaidMembers.count < s.unpaid {
                    lines.append("另有 \(s.unpaid - s.unpaidMembers.count) 名未列出，用 --limit 加大 / \(s.unpaid - s.unpaidMembers.count) more not listed: raise --limit")
                }
            } else {
                lines.append("全部已交 / everyone has paid")
            }
            return lines.joined(separator: "\n")
        }
    }

    struct FeeList: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "团员的交费记录 / A member's recorded payments.")

        @Argument(help: "The member: ID number, development number, #id or exact name.") var member: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (list, json) = try global.send(API.FeeList.self, MemberKeyParams(key: member))
                try global.emit(json) {
                    if list.isEmpty { return "没有交费记录 / no payments recorded for \(member)" }
                    var table = TextTable(header: ["月份 month", "金额 amount (元)", "来源 source", "流水号 reference", "记录 recorded"])
                    for p in list { table.add([p.month, p.amount, p.source, p.reference ?? "", "\(Format.time(p.recordedAt)) \(p.recordedBy)"]) }
                    return table.render()
                }
            }
        }
    }
}
