import ArgumentParser
import Foundation
import ZHTJClient
import ZHTJCore

extension ZHTJ {
    struct Reminders: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "提醒：未上传、待审核、被退回、逾期 / Your org's reminder: not uploaded, waiting, rejected, overdue (R-E2, R-E10).")

        @Option(help: "One org of your subtree (identifier or name). Default: your org.")
        var org: String?

        @Flag(help: "Deliver it now (outbox file and the hook), at most once per org and day.")
        var send = false

        @Flag(help: "Every open member of the subtree by name (above branch level the reminder counts per subordinate and names the longest overdue only).")
        var all = false

        @Option(help: "Write every open member of the subtree to a CSV file (UTF-8 with BOM, opens in Excel).")
        var csv: String?

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let everyName = all || csv != nil
                let (result, json) = try global.send(API.Reminders.self, RemindersParams(org: org, send: send, all: everyName ? true : nil))
                if let csv {
                    let header = ["姓名 name", "发展团员编号 number", "团支部 branch", "入团 joined", "截止 due", "状态 state", "原因 reason", "逾期 overdue"]
                    let rows = result.reminders.flatMap(\.listedMembers).map {
                        [$0.name, $0.developmentNumber ?? "", $0.branch, $0.joinDate, $0.dueDate, $0.stateText, $0.reason ?? "", $0.overdue ? "是 yes" : "否 no"]
                    }
                    try CSVFile.write(header: header, rows: rows, to: csv)
                }
                try global.emit(json) {
                    if let csv {
                        let count = result.reminders.reduce(0) { $0 + $1.listedMembers.count }
                        return "已写入 \(count) 名 / \(count) open members written to \(csv)"
                    }
                    var text = result.reminders.map { $0.isEmpty ? "\($0.org.fullName)：没有待办 / nothing is open" : $0.text() }.joined(separator: "\n")
                    for (org, outcome) in result.delivery.sorted(by: { $0.key < $1.key }) {
                        switch outcome {
                        case "sent": text += "\n已发送 / sent for \(org)"
                        case "already-sent": text += "\n今天已发送过 / \(org) already had its reminder today"
                        default: text += "\n没有待办，未发送 / nothing open for \(org): not sent"
                        }
                    }
                    return text
                }
            }
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "统计 / New members by join year per subordinate org; only authenticated members count where an e-archive is needed (R-E11).")

        @Option var org: String?
        @Option var year: Int?
        @Option(help: "Also write a CSV file (UTF-8 with BOM, opens in Excel).") var csv: String?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (rows, json) = try global.send(API.Stats.self, StatsParams(org: org, year: year))
                let header = ["组织 org", "入团年份 year", "新团员 new members", "无需认证 not required", "尚未认证 not authenticated", "认证不通过 failed", "已认证 authenticated", "认证率 share"]
                func cells(_ r: StatsRow) -> [String] {
                    [r.org, String(r.joinYear), String(r.newMembers), String(r.notRequired), String(r.notAuthenticated), String(r.authenticationFailed),
                     String(r.authenticated), r.shareAuthenticated.map { String(format: "%.0f%%", $0 * 100) } ?? "—"]
                }
                if let csv { try CSVFile.write(header: header, rows: rows.map(cells), to: csv) }
                try global.emit(json) {
                    var table = TextTable(header: header)
                    for r in rows { table.add(cells(r)) }
                    return table.render() + (csv.map { "\n已写入 / written to \($0)" } ?? "")
                }
            }
        }
    }
}
