import Foundation
import GRDB
import ZHTJRegistry

extension AppDatabase {
    /// A claim is taken when there is none, when it is this daemon's already (renewed), when its lease has ended,
    /// or when it names an older file of the same name; otherwise another daemon holds it and nothing changes.
    static let claimSQL = """
        INSERT INTO inboxClaim (folder, name, inode, modified, daemon, claimedAt, leaseUntil) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (folder, name) DO UPDATE SET inode = excluded.inode, modified = excluded.modified, daemon = excluded.daemon,
            claimedAt = excluded.claimedAt, leaseUntil = excluded.leaseUntil
        WHERE inboxClaim.daemon = excluded.daemon OR inboxClaim.leaseUntil < excluded.claimedAt
            OR inboxClaim.inode <> excluded.inode OR inboxClaim.modified <> excluded.modified
        """

    public func claimInboxFiles(_ files: [InboxClaim], daemon: String, now: Date, lease: TimeInterval) throws -> [Bool] {
        // One daemon per SQLite registry (the database lock): nothing to share, nothing to write.
        guard isPostgres, !files.isEmpty else { return files.map { _ in true } }
        let until = now.addingTimeInterval(lease)
        return try write { db in
            try files.map { file in
                try db.execute(
                    sql: Self.claimSQL,
                    arguments: [file.folder, Data(file.name), Int64(bitPattern: file.inode), file.modified, daemon, now, until])
                return db.changesCount == 1
            }
        }
    }

    public func releaseInboxClaim(folder: String, name: [UInt8], daemon: String) throws {
        guard isPostgres else { return }
        try write { db in
            try db.execute(sql: "DELETE FROM inboxClaim WHERE folder = ? AND name = ? AND daemon = ?", arguments: [folder, Data(name), daemon])
        }
    }

    public func inboxClaimHolders() throws -> [String] {
        guard isPostgres else { return [] }
        return try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT daemon FROM inboxClaim ORDER BY daemon") }
    }

    public func releaseInboxClaims(of daemon: String) throws -> Int {
        guard isPostgres else { return 0 }
        return try write { db in
            try db.execute(sql: "DELETE FROM inboxClaim WHERE daemon = ?", arguments: [daemon])
            return db.changesCount
        }
    }
}
