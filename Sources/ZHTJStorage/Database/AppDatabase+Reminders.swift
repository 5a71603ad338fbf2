import Foundation
import GRDB
import ZHTJCore

extension AppDatabase {
    /// The reminder of one org for `today` (R-E2, R-E10): its subtree's open e-archives and the reviews it owes.
    public func reminder(orgID: Int64, now: Date) throws -> Reminder {
        let today = CivilDate(now)
        guard let org = try self.org(id: orgID) else { throw ZHTJError.orgNotFound(String(orgID)) }
        let path = try self.path(of: orgID)
        let reviews = try reviewQueue(caller: Caller(uid: 0, orgID: orgID), now: now)
        let rows = try read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT m.id, m.name, m.developmentNumber, b.fullName AS branch, m.joinDate,
                        (SELECT state FROM archiveVersion WHERE memberID = m.id ORDER BY version DESC LIMIT 1) AS latest,
                        (SELECT reason FROM archiveVersion WHERE memberID = m.id ORDER BY version DESC LIMIT 1) AS reason
                    FROM member AS m JOIN org AS b ON b.id = m.branchID
                    WHERE b.path LIKE ? AND m.joinYear >= ?
                    ORDER BY m.id
                    """, arguments: [path + "%", MembershipRules.eArchiveFromYear])
        }
        var notUploaded: [ReminderItem] = [], waiting: [ReminderItem] = [], rejected: [ReminderItem] = [], overdue: [ReminderItem] = []
        for row in rows {
            let latest = (row["latest"] as String?).flatMap(ArchiveState.init(rawValue:))
            let status = ReviewRules.status(needsEArchive: true, latest: latest)
            guard status != .authenticated, let joined = JoinDate(row["joinDate"]) else { continue }
            let late = ReminderPolicy.isOverdue(joined: joined, status: status, today: today)
            let item = ReminderItem(
                memberID: row["id"], name: row["name"], developmentNumber: row["developmentNumber"], branch: row["branch"],
                joinDate: row["joinDate"], status: status, reason: latest == .rejected ? row["reason"] : nil, overdue: late)
            switch latest {
            case nil, .superseded: notUploaded.append(item)
            case .pending: waiting.append(item)
            case .rejected: rejected.append(item)
            case .approved: break
            }
            if late { overdue.append(item) }
        }
        return Reminder(org: org, date: today.description, notUploaded: notUploaded, waitingForReview: waiting, rejected: rejected, overdue: overdue, reviewsWaiting: reviews)
    }

    /// Every org id, root first (for the daily sweep).
    public func allOrgIDs() throws -> [Int64] {
        try read { db in try Int64.fetchAll(db, sql: "SELECT id FROM org ORDER BY path") }
    }

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
