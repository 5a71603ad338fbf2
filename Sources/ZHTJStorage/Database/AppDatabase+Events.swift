import Foundation
import GRDB
import ZHTJRegistry

extension AppDatabase {
    /// Appends a row to the audit chain (append-only: triggers refuse UPDATE and DELETE).
    static func record(
        _ db: SQLSession, caller: Caller, action: String, target: String, detail: String? = nil, at: Date
    ) throws {
        // A request from the browser console says so in its row: `… [via console]`.
        let reason = caller.via.map { via in detail.map { "\($0) [via \(via)]" } ?? "[via \(via)]" } ?? detail
        try appendAudit(db, at: at, uid: Int64(caller.uid), adminID: caller.adminID, orgID: caller.orgID, action: action, target: target, reason: reason)
    }

    /// The latest audit rows, newest first.
    public func events(limit: Int = 100) throws -> [(action: String, target: String, uid: Int64, adminID: Int64?)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id DESC LIMIT ?", arguments: [limit]).map {
                ($0["action"], $0["target"], $0["uid"], $0["adminID"])
            }
        }
    }
}

extension AppDatabase {
    /// Records a refused attempt (a credential from the wrong uid, an action outside one's org).
    public func recordRefusal(caller: Caller, action: String, target: String, detail: String?, now: Date) throws {
        try recordEvent(caller: caller, action: action, target: target, detail: detail, now: now)
    }

    /// Records an event that changes nothing else (a console link, a revealed ID number).
    public func recordEvent(caller: Caller, action: String, target: String, detail: String?, now: Date) throws {
        try write { db in try Self.record(db, caller: caller, action: action, target: target, detail: detail, at: now) }
    }
}
