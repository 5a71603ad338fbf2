import ArgumentParser
import Foundation
import ZHTJBackup
import ZHTJClient
import ZHTJCore
import ZHTJStorage

extension ZHTJ {
    struct AdminMigrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate",
            abstract: "迁移 / Move the SQLite registry into an empty PostgreSQL database (zhtjd stopped; no socket needed).",
            discussion: """
                Copies every table of STORAGE/db/zhtj.sqlite into the PostgreSQL database URL names (create it first: \
                createdb --locale=C -T template0 NAME), in one transaction, and checks the copy before it is committed: \
                the row counts; then the audit chain verified on PostgreSQL (same rows, same head), the same archived \
                documents and the tallies recounted. The SQLite file is left as it was, as a record; zhtjd will no longer \
                start on it without database.url. The archive, inbox and refused folders stay where they are.
                """)

        @Option(name: .customLong("to"), help: "The empty PostgreSQL database: postgres://USER@/DB?host=/socket/folder or postgres://USER:PASSWORD@HOST/DB")
        var url: String
        @Option(help: "The storage root zhtjd ran on.") var storage = "Storage"
        @Flag(help: "Print JSON instead of text.") var json = false

        func run() throws {
            let layout = StorageLayout(root: storage)
            let line = ProgressLine(enabled: !json)
            do {
                // A daemon running on this storage (with any runtime folder) holds one of these.
                try layout.createRunFolder()
                try layout.createDatabaseFolder()
                let locks = [try InstanceLock(path: layout.lock), try InstanceLock(path: layout.databaseLock, database: true)]
                defer { _ = locks }
                guard !FileManager.default.fileExists(atPath: layout.migratedMarker) else {
                    throw StorageLayout.LayoutError.migratedToPostgres(layout.migratedMarker)
                }
                guard FileManager.default.fileExists(atPath: layout.database) else { throw RegistryMigration.MigrationError.noSource(layout.database) }
                let report = try RegistryMigration.run(sqlitePath: layout.database, postgresURL: url) { table, done, total in
                    line.show("迁移 migrate: \(table) \(done)/\(total)")
                }
                line.finish()
                let note = "moved to \(report.target) at \(UTCStamp.string(Date(), milliseconds: false)); audit head \(report.auditHeadID.map(String.init) ?? "-") \(report.auditHeadHash ?? "")\n"
                try note.write(toFile: layout.migratedMarker, atomically: true, encoding: .utf8)
                if json {
                    print(String(decoding: try ProtocolCoding.encoder(pretty: true).encode(report), as: UTF8.self))
                    return
                }
                let rows = report.tables.filter { $0.rows > 0 }.map { "\($0.table) \($0.rows)" }.joined(separator: ", ")
                print(
                    """
                    迁移完成并已校验 / moved and checked in \(String(format: "%.1f", report.seconds)) s: \(report.source) → \(report.target)
                      行数 rows: \(rows)
                      审计链 audit chain: \(report.auditRows) rows verified on PostgreSQL, head \(report.auditHeadID.map(String.init) ?? "-") (= SQLite's); \
                    归档文件 archived documents: \(report.documents); tallies recounted: equal
                    下一步 next: put the URL in the configuration, then start zhtjd on the same storage:
                      Config/zhtjd.json:  "database": { "url": "\(url)" }     (or ZHTJD_DATABASE_URL=…)
                      zhtjd --storage \(layout.root)
                    The SQLite file \(layout.database) is kept unchanged as a record; zhtjd will not start on it again \
                    without database.url (\(layout.migratedMarker)). Back PostgreSQL up with pg_dump or base backups (docs/scale-out.md).
                    """)
            } catch {
                line.finish()
                FileHandle.standardError.write(Data("错误 error: \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
