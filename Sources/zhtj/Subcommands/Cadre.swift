import ArgumentParser
import Foundation
import ZHTJClient
import ZHTJCore

extension ZHTJ {
    struct Cadre: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "团干部：录入、导入、列表、换岗、移除、重点领域配备 / Cadres: add, import, list, change post, remove, key-area staffing (R-C1, R-C2).",
            subcommands: [CadreAdd.self, CadreImport.self, CadreList.self, CadreChangePost.self, CadreRemove.self, CadreStaffing.self,
                CadreArchives.self])
    }

    struct CadreAdd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "录入一名团干部 / Add one cadre of your org (a branch's: a member of it, by the branch or its direct superior) (R-C1).",
            discussion: """
                Yes/no fields take 是 or 否. The party application is optional under 18; 入党时间 only for 中共党员 and 中共预备党员; \
                student cadres are 兼职 (part-time).
                """)

        @Option(help: "The org (identifier or name). Default: your org.") var org: String?
        @Option(help: "姓名.") var name: String?
        @Option(help: "身份证号码.") var idNumber: String?
        @Option(help: "民族.") var ethnicity: String?
        @Option(help: "学历.") var education: String?
        @Option(help: "职业 (学生 for a student cadre).") var occupation: String?
        @Option(help: "政治面貌.") var politicalStatus: String?
        @Option(help: "入团时间, YYYY-MM.") var joinDate: String?
        @Option(help: "发展团员编号 (required from 2016).") var developmentNumber: String?
        @Option(help: "入党时间, party members only.") var partyJoinDate: String?
        @Option(help: "团内现任职务.") var post: String?
        @Option(help: "任现职年月, YYYY-MM.") var since: String?
        @Option(help: "任现职方式 (选举, 任命 …).") var how: String?
        @Option(help: "团干部性质: 专职, 挂职 or 兼职 (full-time, seconded, part-time).") var kind: String?
        @Option(help: "是否同级党组织委员: 是 or 否.") var partyCommitteeMember: String?
        @Option(help: "在岗状态: 在岗 or 不在岗.") var onDuty: String?
        @Option(help: "手机号码.") var mobile: String?
        @Option(help: "是否递交入党申请书: 是 or 否 (optional under 18).") var partyApplication: String?
        @Option(help: "递交入党申请书时间, with 是.") var partyApplicationDate: String?
        @Option(help: "是否注册志愿者: 是 or 否.") var volunteer: String?
        @Option(help: "注册志愿者时间, with 是.") var volunteerDate: String?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                var p = CadreAddParams(org: org)
                (p.name, p.idNumber, p.ethnicity, p.education, p.occupation, p.politicalStatus) = (name, idNumber, ethnicity, education, occupation, politicalStatus)
                (p.joinDate, p.developmentNumber, p.partyJoinDate, p.post, p.postSince, p.appointedHow) = (joinDate, developmentNumber, partyJoinDate, post, since, how)
                (p.kind, p.partyCommitteeMember, p.onDuty, p.mobile) = (kind, partyCommitteeMember, onDuty, mobile)
                (p.partyApplication, p.partyApplicationDate, p.volunteer, p.volunteerDate) = (partyApplication, partyApplicationDate, volunteer, volunteerDate)
                let (cadre, json) = try global.send(API.CadreAdd.self, p)
                try global.emit(json) { "已录入团干部 / cadre added: " + CadreText.line(cadre) }
            }
        }
    }

    struct CadreImport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "从CSV导入团干部 / Import cadres from a CSV table (UTF-8 or GB18030) with the template's Chinese headers (R-C1).",
            discussion: "Headers: \(CadreTable.templateHeader.joined(separator: ",")). Good rows go in; each bad row is reported with its reason.")

        @Argument(help: "The CSV file.") var file: String
        @Option(help: "The org whose cadres these are. Default: your org.") var org: String?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let data = try readTable(file)
                let params = CadreImportParams(org: org, fileName: (file as NSString).lastPathComponent, contentBase64: data.base64EncodedString())
                let (report, json) = try global.send(API.CadreImport.self, params)
                try global.emit(json) {
                    var lines = [
                        "文件 file: \(report.fileName) (\(report.encoding)), 组织 org: \(report.org), 数据行 rows: \(report.rows)",
                        "录入 added: \(report.added)   有误 rejected: \(report.rejectedRows)",
                    ]
                    for cadre in report.cadres { lines.append("  + " + CadreText.line(cadre)) }
                    if !report.issues.isEmpty {
                        var table = TextTable(header: ["行 line", "列 column", "值 value", "原因 reason"])
                        for issue in report.issues { table.add([String(issue.line), issue.column, issue.value, issue.reason]) }
                        lines.append("以下行未导入，改正后可只导入这些行 / these rows were not imported; fix them and import them again:")
                        lines.append(table.render())
                    }
                    return lines.joined(separator: "\n")
                }
                if report.rejectedRows > 0 { throw ExitCode(3) }
            }
        }
    }
}

/// How a cadre is shown in one line.
enum CadreText {
    static func line(_ c: CadreInfo) -> String {
        var text = "#\(c.id) \(c.name) \(c.idNumber) \(c.org) \(c.post)（\(c.postSince)起，\(c.appointedHow)）\(c.kind.rawValue) \(c.kind.english)"
        if let removedAt = c.removedAt {
            text += " 已移除 removed \(Format.time(removedAt)) → \(c.removedTo?.rawValue ?? "")\(c.removedOther.map { "：\($0)" } ?? "")"
        }
        return text
    }
}
