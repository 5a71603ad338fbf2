import ArgumentParser
import Foundation
import ZHTJClient
import ZHTJCore

extension ZHTJ {
    struct CadreArchives: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "archives",
            abstract: "本级团干部电子数据库 / An org's cadre e-database: each cadre in post and their e-archive (R-E14).",
            discussion: """
                A cadre's e-archive is their member e-archive: drop the form into the org's inbox folder as for a member \
                (the number on page 1 finds the member; a committee's own upload needs no review, R-E5). A cadre who \
                joined in 2020 or later and is not registered as a member is listed so: import them into their branch first.
                """)

        @Option(help: "An org in your subtree (name or identifier). Default: your own org.") var org: String?
        @Option(help: "Also write a CSV file (UTF-8 with BOM, opens in Excel).") var csv: String?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (r, json) = try global.send(API.CadreArchives.self, CadreArchivesParams(org: org))
                let header = ["编号 id", "姓名 name", "职务 post", "入团 joined", "发展团员编号 number", "需档案 needs", "团员 member", "认证状态 status"]
                func cells(_ c: CadreArchiveRow) -> [String] {
                    let status = c.status.map { "\($0.chinese) \($0.rawValue)" } ?? (c.needsEArchive ? "未登记为团员 not registered as a member" : "—")
                    return [String(c.cadreID), c.name, c.post, c.joinDate, c.developmentNumber ?? "—", Format.yesNo(c.needsEArchive),
                            c.memberID.map { "#\($0) \(c.branch ?? "")" } ?? "—", status]
                }
                if let csv { try CSVFile.write(header: header, rows: r.cadres.map(cells), to: csv) }
                try global.emit(json) {
                    if r.cadres.isEmpty { return "\(r.org)：没有在任团干部 / no cadres in post" }
                    var table = TextTable(header: header)
                    for c in r.cadres { table.add(cells(c)) }
                    return "\(r.org)\n" + table.render()
                        + "\n需电子档案 need an e-archive: \(r.needEArchive)，已认证 authenticated: \(r.authenticated)，未登记为团员 not registered: \(r.notRegistered)"
                        + (csv.map { "\n已写入 / written to \($0)" } ?? "")
                }
            }
        }
    }
}
