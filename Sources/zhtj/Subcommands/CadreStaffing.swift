import ArgumentParser
import Foundation
import ZHTJClient
import ZHTJCore

extension ZHTJ {
    struct CadreStaffing: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "staffing",
            abstract: "重点领域基层团干部配备 / Cadre staffing of the universities and state firms below an org (seed 001 §2.3).",
            discussion: "Per key-area org: full-time, seconded and part-time cadres in post, and the ratio to its students (universities) or members (state firms).")

        @Option(help: "The org (identifier or name). Default: your org.") var org: String?
        @Option(help: "university (高校) or soe (国有企业). Default: both.") var kind: String?
        @Option(help: "Also write CSV (UTF-8 with BOM), at most 1000 rows per file as in the original system.") var csv: String?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (rows, json) = try global.send(API.CadreStaffing.self, StaffingParams(org: org, kind: kind))
                let header = ["编号 ID", "组织 org", "领域 area", "专职 full-time", "挂职 seconded", "兼职 part-time", "合计 total", "学生/团员 base", "每千人团干部 per 1000", "专职配比 full-time ratio", "企业层级 level", "驻地 location"]
                func cells(_ r: StaffingRow) -> [String] {
                    let base = r.base.map(String.init) ?? (r.area == .university ? "未填写 not recorded" : "0")
                    return [r.displayID, r.org, r.area.chinese, String(r.fullTime), String(r.seconded), String(r.partTime), String(r.total), base,
                            r.perThousand.map { String($0) } ?? "—", StaffingRatio.text(r.basePerFullTime), r.enterpriseLevel ?? "", r.location ?? ""]
                }
                var written: [String] = []
                if let csv { written = try CSVFile.write(header: header, rows: rows.map(cells), to: csv, maxRows: 1000) }
                try global.emit(json) {
                    if rows.isEmpty && written.isEmpty { return "范围内没有高校或国有企业团组织 / no university or state firm in this subtree" }
                    var table = TextTable(header: header)
                    for r in rows { table.add(cells(r)) }
                    var text = table.render()
                    if written.count > 1 {
                        text += "\n共 \(rows.count) 行，每个文件至多1000行，已分为 \(written.count) 个文件 / \(rows.count) rows, at most 1000 per file: split into \(written.joined(separator: ", "))"
                    } else if let file = written.first {
                        text += "\n已写入 / written to \(file)"
                    }
                    return text
                }
            }
        }
    }

    struct OrgKeyArea: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "key-area",
            abstract: "填写重点领域信息（提交后不能修改）/ Record a university's student count, or a state firm's level and location, once (seed 001 §2.2).",
            discussion: "Levels: \(KeyAreaRules.enterpriseLevels.joined(separator: ", ")). Entered by the org's own admin; not changed once submitted.")

        @Argument(help: "The org (identifier or name). Default: your org.") var org: String?
        @Option(help: "在校学生数 (universities).") var students: Int?
        @Option(help: "企业层级 (state firms).") var enterpriseLevel: String?
        @Option(help: "企业所在驻地 (state firms).") var location: String?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let params = KeyAreaParams(org: org, students: students, enterpriseLevel: enterpriseLevel, location: location)
                let (k, json) = try global.send(API.OrgKeyArea.self, params)
                try global.emit(json) {
                    let figures = k.studentCount.map { "在校学生数 students: \($0)" } ?? "企业层级 level: \(k.enterpriseLevel ?? "")，驻地 location: \(k.location ?? "")"
                    return "已提交，不能再修改 / recorded, not changed hereafter: \(k.org) \(figures)"
                }
            }
        }
    }
}
