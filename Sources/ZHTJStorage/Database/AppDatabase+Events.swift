import Foundation
import GRDB

extension AppDatabase {
    /// Appends a row to the event log (append-only: triggers refuse UPDATE and DELETE).
    static func record(
        _ db: Database, caller: Caller, action: String, target: String, detail: String? = nil, at: Date
    ) throws {
        try db.execute(
            sql: "INSERT INTO event (at, uid, adminID, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [at, Int64(caller.uid), caller.adminID, action, target, detail])
    }

    /// The latest events, newest first (for tests and `zhtj history` later).
    public func events(limit: Int = 100) throws -> [(action: String, target: String, uid: Int64, adminID: Int64?)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM event ORDER BY id DESC LIMIT ?", arguments: [limit]).map {
                ($0["action"], $0["target"], $0["uid"], $0["adminID"])
            }
        }
    }
}

extension AppDatabase {
    /// Records a refused attempt (a credential from the wrong uid, an action outside one's org).
    public func recordRefusal(caller: Caller, action: String, target: String, detail: String?, now: Date) throws {
        try write { db in try Self.record(db, caller: caller, action: action, target: target, detail: detail, at: now) }
    }
}
