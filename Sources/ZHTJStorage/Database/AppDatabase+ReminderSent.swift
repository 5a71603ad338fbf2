import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

extension AppDatabase {
    /// Records that `orgID` got its reminder for `day`; false when it already had one (one per org and day).
    public func markReminderSent(orgID: Int64, day: String, file: String, now: Date) throws -> Bool {
        try write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO reminderSent (orgID, day, sentAt, file) VALUES (?, ?, ?, ?)", arguments: [orgID, day, now, file])
            let fresh = db.changesCount == 1
            if fresh { try Self.record(db, caller: Caller(uid: 0, orgID: orgID), action: "reminder.sent", target: "org:\(orgID)", detail: day, at: now) }
            return fresh
        }
    }

    public func reminderSent(orgID: Int64, day: String) throws -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM reminderSent WHERE orgID = ? AND day = ?)", arguments: [orgID, day]) ?? false }
    }

    /// The orgs that already had their reminder on `day`.
    public func remindersSent(day: String) throws -> Set<Int64> {
        try read { db in Set(try Int64.fetchAll(db, sql: "SELECT orgID FROM reminderSent WHERE day = ?", arguments: [day])) }
    }

    /// Records many orgs' reminders for `day` in one transaction; returns the orgs that had none yet that day. The
    /// audit chain gets one `reminder.sent` row for the batch (target `orgs:<count>`, the day and the org ids as
    /// reason), not one per org: `reminderSent` holds a row per org and day.
    public func markRemindersSent(_ sent: [(orgID: Int64, file: String)], day: String, now: Date) throws -> [Int64] {
        try write { db in
            var fresh: [Int64] = []
            let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO reminderSent (orgID, day, sentAt, file) VALUES (?, ?, ?, ?)")
            for (orgID, file) in sent {
                try insert.execute(arguments: [orgID, day, now, file])
                if db.changesCount == 1 { fresh.append(orgID) }
            }
            if fresh.count == 1 {
                try Self.record(db, caller: Caller(uid: 0, orgID: fresh[0]), action: "reminder.sent", target: "org:\(fresh[0])", detail: day, at: now)
            } else if !fresh.isEmpty {
                try Self.record(
                    db, caller: Caller(uid: 0), action: "reminder.sent", target: "orgs:\(fresh.count)",
                    detail: day + " " + fresh.map(String.init).joined(separator: ","), at: now)
            }
            return fresh
        }
    }

    /// The admins of an org with their email, for the hook.
    public func admins(orgID: Int64) throws -> [(id: Int64, name: String, email: String?, mobile: String?)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, email, mobile FROM admin WHERE orgID = ? ORDER BY id", arguments: [orgID]).map {
                ($0["id"], $0["name"], $0["email"], $0["mobile"])
            }
        }
    }

    public func recordHookDelivery(orgID: Int64, adminID: Int64, day: String, attempts: Int, ok: Bool, detail: String?, now: Date) throws {
        try write { db in
            try db.execute(
                sql: "INSERT INTO hookDelivery (orgID, adminID, day, attempts, ok, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [orgID, adminID, day, attempts, ok, detail, now])
        }
    }
}
