import ArgumentParser
import Foundation
import ZHTJClient
import ZHTJCore

extension ZHTJ {
    struct Member: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "团员：导入、查看、查找、更正编号、离团 / Members: import, show, search, correct a development number, leave the league.",
            subcommands: [MemberImport.self, MemberShow.self, MemberSearch.self, MemberSetNumber.self, MemberLeave.self, MemberSelfRegister.self,
                MemberSelfRequests.self, MemberApproveSelf.self])
    }

    struct MemberImport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "从CSV导入团员 / Import members from a CSV table (UTF-8 or GB18030) with the template's Chinese headers.",
            discussion: "Headers: \(MemberTable.templateHeader.joined(separator: ",")). Good rows go in; each bad row is reported.")

        @Argument(help: "The CSV file.")
        var file: String

        @Option(help: "Also write the full report to a CSV file: every rejected row with its reason, every imported member who needs an e-archive.")
        var report: String?

        @OptionGroup var global: GlobalOptions

        /// Rejected rows printed on the screen; the rest are counted (all of them in `--report FILE`).
        static let shownIssues = 50

        func run() throws {
            try guarded {
                let data = try readTable(file)
                let params = MemberImportParams(
                    fileName: (file as NSString).lastPathComponent, contentBase64: data.base64EncodedString(), details: report != nil ? true : nil)
                let (result, json) = try global.send(API.MemberImport.self, params)
                if let report { try Self.writeReport(result, to: report) }
                try global.emit(json) { Self.render(result) + (report.map { "\n完整报告已写入 / full report written to \($0)" } ?? "") }
                if result.rejectedRows > 0 { throw ExitCode(3) }
            }
        }

        static func writeReport(_ report: ImportReport, to path: String) throws {
            let header = ["行 line", "结果 outcome", "列 column", "值 value", "原因 reason", "姓名 name", "发展团员编号 number", "团支部 branch"]
            let rows = report.issues.map { [String($0.line), "未导入 rejected", $0.column, $0.value, $0.reason, "", "", ""] }
                + report.needEArchive.map { ["", "需上传电子档案 needs an e-archive", "", $0.idNumber, "", $0.name, $0.developmentNumber ?? "", $0.branch] }
            try CSVFile.write(header: header, rows: rows, to: path)
        }

        static func render(_ report: ImportReport) -> String {
            var lines = [
                "文件 file: \(report.fileName) (\(report.encoding)), 数据行 rows: \(report.rows)",
                "导入 imported: \(report.imported)   未变 unchanged (already present): \(report.unchanged)   有误 rejected: \(report.rejectedRows)",
            ]
            if report.matchedUploads > 0 {
                lines.append("已自动匹配 \(report.matchedUploads) 个待匹配文件 / \(report.matchedUploads) unmatched files now matched these members")
            }
            if report.imported == 0 && report.rejectedRows == 0 && report.unchanged > 0 {
                lines.append("没有变化：这些团员均已登记 / nothing changed: every row is already in the database")
            }
            if !report.issues.isEmpty {
                var table = TextTable(header: ["行 line", "列 column", "值 value", "原因 reason"])
                for issue in report.issues.prefix(shownIssues) { table.add([String(issue.line), issue.column, issue.value, issue.reason]) }
                lines.append("")
                lines.append("以下行未导入，改正后可重新导入整个文件 / these rows were not imported; fix them and import the file again:")
                lines.append(table.render())
                let more = report.issues.count - shownIssues
                if more > 0 { lines.append("另有 \(more) 处问题未显示，用 --report FILE 写出全部 / \(more) more problems not shown: --report FILE writes them all") }
            }
            if report.needEArchiveCount > 0 {
                let n = report.needEArchiveCount
                lines.append("")
                lines.append("其中 \(n) 名团员为2020年及以后入团，需上传入团志愿书电子档案 / \(n) of the imported members joined in 2020 or later and need an e-archive (R-E1):")
                var table = TextTable(header: ["姓名 name", "身份证号码 ID", "发展团员编号 number", "团支部 branch"])
                let shown = report.needEArchive.prefix(ImportReport.listed)
                for m in shown { table.add([m.name, m.idNumber, m.developmentNumber ?? "", m.branch]) }
                lines.append(table.render())
                let more = n - shown.count
                if more > 0 { lines.append("另有 \(more) 名未显示，用 --report FILE 写出全部，或 zhtj reminders / \(more) more not shown: --report FILE lists them all, and so does zhtj reminders") }
            }
            return lines.joined(separator: "\n")
        }
    }

    struct MemberShow: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "查看团员 / Show one member: by ID number, development number, #id or exact name.")

        @Argument(help: "ID number, development number, #id or name.")
        var key: String

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (m, json) = try global.send(API.MemberShow.self, MemberKeyParams(key: key))
                try global.emit(json) {
                    let rows: [(String, String)] = [
                        ("编号 id", "#\(m.id)"), ("姓名 name", m.name), ("身份证号码 ID number", m.idNumber),
                        ("民族 ethnicity", m.ethnicity), ("政治面貌 political status", m.politicalStatus),
                        ("入团年月 joined", m.joinDate), ("所在团支部 branch", "\(m.branch) (\(OrgNaming.displayID(m.branchID)))"),
                        ("是否为团干部 cadre", Format.yesNo(m.isCadre)), ("发展团员编号 development number", m.developmentNumber ?? "—"),
                        ("手机号码 mobile", m.mobile ?? "—"), ("需电子档案 needs e-archive", Format.yesNo(m.needsEArchive)),
                        ("认证状态 status", m.status.map { "\($0.chinese) \($0.rawValue)" } ?? "—"),
                        ("登记时间 registered", Format.time(m.createdAt)),
                    ] + (m.departure.map { [("已离开 left", "\($0.description), \(m.leftAt.map(Format.time) ?? "")")] } ?? [])
                    let width = rows.map { TextTable.width($0.0) }.max() ?? 0
                    var text = rows.map { $0.0 + String(repeating: " ", count: width - TextTable.width($0.0) + 2) + $0.1 }.joined(separator: "\n")
                    let archives = m.archives ?? []
                    if archives.isEmpty {
                        text += m.needsEArchive ? "\n\n电子档案尚未上传 / no e-archive uploaded yet" : ""
                    } else {
                        var table = TextTable(header: ["版本 version", "状态 state", "页数 pages", "编号来源 source", "文件 file", "上传组织 uploaded by", "审核 review", "时间 time"])
                        for a in archives {
                            let review = a.needsReview
                                ? [a.reviewer, a.reviewedBy.map { "by \($0)" }, a.reason.map { "原因 reason: \($0)" }].compactMap { $0 }.joined(separator: "; ")
                                : (a.required ? "无需审核 no review (R-E5)" : "无需档案 not required (R-E1)")
                            let checks = a.checks ?? [:]
                            let source = Format.source(checks["numberSource"], confidence: checks["numberConfidence"].flatMap { Int($0) })
                            table.add([
                                String(a.version), a.state.rawValue, Format.pages(a.pages, cover: checks["cover"] == "yes"), source, a.fileName, a.uploadedBy,
                                review, Format.time(a.createdAt),
                            ])
                        }
                        text += "\n\n电子档案 e-archive:\n" + table.render()
                        for a in archives {
                            let checks = (a.checks ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                            text += "\n  v\(a.version) 检查 checks: \(checks)  sha256 \(a.sha256)"
                        }
                    }
                    if let history = m.history, !history.isEmpty { text += "\n\n记录 history:\n" + History.render(history) }
                    return text
                }
            }
        }
    }

    /// `zhtj show MEMBER`: the same as `zhtj member show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "查看团员、电子档案和记录 / A member's data, every e-archive version with its review, and the history.")

        @Argument(help: "ID number, development number, #id or name.")
        var key: String

        @OptionGroup var global: GlobalOptions

        func run() throws {
            var show = MemberShow()
            show.key = key
            show.global = global
            try show.run()
        }
    }

    struct MemberSearch: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search", abstract: "查找团员 / Search members in your subtree by name, ID number or development number.")

        @Argument(help: "Part of a name, or the start of an ID number or development number.")
        var text: String

        @Option(help: "At most this many rows.")
        var limit: Int?

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (members, json) = try global.send(API.MemberSearch.self, MemberSearchParams(text: text, limit: limit))
                try global.emit(json) {
                    if members.isEmpty { return "没有找到 / no member matches \"\(text)\" in your orgs" }
                    var table = TextTable(header: ["编号 id", "姓名 name", "身份证号码 ID", "发展团员编号 number", "入团 joined", "团支部 branch"])
                    for m in members { table.add(["#\(m.id)", m.name, m.idNumber, m.developmentNumber ?? "", m.joinDate, m.branch]) }
                    return table.render() + "\n共 \(members.count) 人 / \(members.count) found"
                }
            }
        }
    }
}
