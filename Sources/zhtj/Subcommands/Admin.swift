import ArgumentParser
import Foundation
import ZHTJClient
import ZHTJCore

extension ZHTJ {
    struct Admin: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "运维 / The operator's maintenance commands.", subcommands: [AdminRecount.self, AdminBackup.self, AdminStatus.self, AdminRestore.self, AdminMigrate.self])
    }

    struct AdminRecount: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "recount",
            abstract: "重新计数各组织统计 / Recount every org's tallies from the members and their e-archives, and keep the recount (operator).")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (r, json) = try global.send(API.AdminRecount.self, NoParams())
                try global.emit(json) {
                    guard !r.differences.isEmpty else { return "一致 / the tallies match a recount (\(r.rows) rows)" }
                    var table = TextTable(header: ["组织 org", "入团年份 joined", "状态 state", "原值 kept", "重新计数 recount"])
                    for d in r.differences { table.add([String(d.orgID), String(d.joinYear), d.bucket, String(d.stored), String(d.actual)]) }
                    return "发现 \(r.differences.count) 处不一致，已按重新计数更正 / \(r.differences.count) tallies differed and were corrected:\n" + table.render()
                }
                if !r.differences.isEmpty { throw ExitCode(4) }
            }
        }
    }
}
