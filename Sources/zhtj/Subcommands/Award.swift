import ArgumentParser
import Foundation
import ZHTJClient
import ZHTJCore

/// Rewards and sanctions (R-W2): `zhtj award`, `zhtj sanction`, `zhtj awards`.
extension ZHTJ {
    /// The options of an award or a sanction.
    struct DistinctionOptions: ParsableArguments {
        @Argument(help: "The member: ID number, development number, #id or exact name.")
        var member: String

        @Option(help: "The title (表彰名称 / 处分事由), e.g. 优秀共青团员.")
        var title: String

        @Option(help: "The document's date (印发日期), YYYY-MM-DD.")
        var date: String

        @Option(help: "The document's reference (文号), e.g. 团某发〔2024〕3号.")
        var document: String
    }

    struct Award: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "录入表彰奖励 / Record a reward granted by your org, within 20 working days of its document (R-W2).")

        @OptionGroup var entry: DistinctionOptions
        @Option(help: "The level (级别), e.g. 国家级, 省级, 市级, 校级.") var level: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try DistinctionOutput.add(.award, entry, level: level, global)
        }
    }

    struct Sanction: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "录入纪律处分 / Record a sanction imposed by your org, within 20 working days of its document (R-W2).",
            discussion: "Recording 开除团籍 does not remove the member: leaving the league is a procedure of its own (R-M4).")

        @OptionGroup var entry: DistinctionOptions
        @Option(help: "The sanction: \(SanctionLevel.choices).") var level: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try DistinctionOutput.add(.sanction, entry, level: level, global)
        }
    }

    struct Awards: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "团员的奖惩记录 / A member's rewards and sanctions (R-W2).")

        @Argument(help: "The member: ID number, development number, #id or exact name.")
        var member: String

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (list, json) = try global.send(API.DistinctionList.self, MemberKeyParams(key: member))
                try global.emit(json) {
                    if list.isEmpty { return "没有奖惩记录 / no rewards or sanctions recorded for \(member)" }
                    var table = TextTable(header: [
                        "编号 id", "类别 kind", "名称 title", "级别 level", "文号 document", "日期 date", "授予组织 granted by", "录入 entered", "工作日 working days",
                    ])
                    for d in list {
                        table.add([
                            "#\(d.id)", "\(d.kind.chinese) \(d.kind.rawValue)", d.title, d.level, d.document, d.date, d.grantingOrg,
                            "\(Format.time(d.enteredAt)) \(d.enteredBy)", d.late ? "\(d.workingDays) ⚠ 逾期 late" : String(d.workingDays),
                        ])
                    }
                    return table.render()
                }
            }
        }
    }
}

enum DistinctionOutput {
    static func add(_ kind: DistinctionKind, _ entry: ZHTJ.DistinctionOptions, level: String, _ global: GlobalOptions) throws {
        try guarded {
            let params = DistinctionAddParams(
                member: entry.member, kind: kind, title: entry.title, level: level, date: entry.date, document: entry.document)
            let (d, json) = try global.send(API.DistinctionAdd.self, params)
            try global.emit(json) {
                var text = "已录入\(d.kind.chinese) / \(d.kind.rawValue) recorded: #\(d.id) \(d.member) — \(d.level) \(d.title) (\(d.document), \(d.date)); "
                    + "授予组织 granted by \(d.grantingOrg); 文件日期后第\(d.workingDays)个工作日录入 / entered \(d.workingDays) working days after the document"
                if let warning = d.warning { text += "\n⚠ 警告 warning: \(warning)" }
                return text
            }
        }
    }
}
