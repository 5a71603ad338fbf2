import Foundation
import GRDB
import ZHTJCore

/// Applies `PostgresSchema.migrations` that are not yet applied, in order, each in its own transaction with its
/// record in `schemaMigration`. A session advisory lock makes daemons that start together take turns: the first
/// migrates, the others find the work done.
enum PostgresMigrator {
    /// The advisory lock key of migrations (any constant that no other lock of zhtj uses).
    static let lockKey: Int64 = 0x7A68_746A_0001

    static func migrate(_ connection: PGConnection) throws {
        try connection.execute(script: "SELECT pg_advisory_lock(\(lockKey))")
        defer { _ = try? connection.execute(script: "SELECT pg_advisory_unlock(\(lockKey))") }
        try connection.execute(script: "CREATE TABLE IF NOT EXISTS schemaMigration (name TEXT PRIMARY KEY, appliedAt TEXT NOT NULL)")
        let applied = Set(try applied(connection))
        for migration in PostgresSchema.migrations where !applied.contains(migration.name) {
            try connection.execute(script: "BEGIN")
            do {
                try connection.execute(script: migration.sql)
                try connection.query(
                    "INSERT INTO schemaMigration (name, appliedAt) VALUES ($1, $2)",
                    [migration.name.databaseValue, UTCStamp.string(Date(), milliseconds: true).databaseValue])
                try connection.execute(script: "COMMIT")
            } catch {
                _ = try? connection.execute(script: "ROLLBACK")
                throw error
            }
        }
    }

    static func applied(_ connection: PGConnection) throws -> [String] {
        try connection.query("SELECT name FROM schemaMigration ORDER BY name", []).rows.compactMap { String.fromDatabaseValue($0[0]) }
    }
}
