import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

extension AppDatabase {
    /// The reminder of one org for `today` (R-E2, R-E10): its subtree's open e-archives and the reviews it owes.
    public func reminder(orgID: Int64, now: Date) throws -> Reminder {
        let today = CivilDate(now)
        guard let org = try self.org(id: orgID) else { throw ZHTJError.orgNotFound(String(orgID)) }
        let (lower, upper) = Self.subtreeBounds(try self.path(of: orgID))
        let reviews = try reviewQueue(reviewerOrgID: orgID, now: now)
        let rows = try read { db in
            try Row.fetchAll(db, sql: Self.openArchivesSQL, arguments: [MembershipRules.eArchiveFromYear, lower, upper])
        }
        var notUploaded: [ReminderItem] = [], waiting: [ReminderItem] = [], rejected: [ReminderItem] = [], overdue: [ReminderItem] = []
        for row in rows {
            guard let (item, latest) = Self.openItem(row, today: today) else { continue }
            switch latest {
            case nil, .superseded: notUploaded.append(item)
            case .pending: waiting.append(item)
            case .rejected: rejected.append(item)
            case .approved: break
            }
            if item.overdue { overdue.append(item) }
        }
        return Reminder(org: org, date: today.description, notUploaded: notUploaded, waitingForReview: waiting, rejected: rejected, overdue: overdue, reviewsWaiting: reviews)
    }

    /// The counts of `reminder(orgID:now:)` without its lists, for the banner before every command (R-E10):
    /// not uploaded, not authenticated (no file, waiting or rejected), and reviews waiting for the org. From the
    /// org's kept tallies (v7): a few rows, whatever the size of the subtree.
    public func reminderCounts(orgID: Int64) throws -> (notUploaded: Int, notAuthenticated: Int, reviewsWaiting: Int) {
        try read { db in
            let row = try Row.fetchOne(
                db, sql: """
                    SELECT ifnull(sum(CASE WHEN bucket = 'none' THEN count END), 0) AS notUploaded,
                        ifnull(sum(CASE WHEN bucket IN ('none', 'pending', 'rejected') THEN count END), 0) AS notAuthenticated
                    FROM orgTally WHERE orgID = ? AND joinYear >= ?
                    """, arguments: [orgID, MembershipRules.eArchiveFromYear])
            let reviews = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM archiveVersion WHERE state = 'pending' AND reviewerOrgID = ?", arguments: [orgID]) ?? 0
            return (row?["notUploaded"] ?? 0, row?["notAuthenticated"] ?? 0, reviews)
        }
    }

    /// The members of a subtree (`?2 <= path < ?3`) who need an e-archive (`joinYear >= ?1`), with their latest version's
    /// state and reason, in member order.
    static let openArchivesSQL = """
        SELECT m.id, m.name, m.developmentNumber, b.fullName AS branch, b.path AS branchPath, m.joinDate,
            v.state AS latest, v.reason AS reason
        FROM org AS b JOIN member AS m ON m.branchID = b.id AND m.joinYear >= ?1
        LEFT JOIN archiveVersion AS v ON v.memberID = m.id
            AND v.version = (SELECT max(version) FROM archiveVersion WHERE memberID = m.id)
        WHERE b.path >= ?2 AND b.path < ?3
        ORDER BY m.id
        """

    /// A reminder item from a row of `openArchivesSQL`, with the latest state; nil when authenticated.
    static func openItem(_ row: Row, today: CivilDate) -> (ReminderItem, ArchiveState?)? {
        let latest = (row["latest"] as String?).flatMap(ArchiveState.init(rawValue:))
        let status = ReviewRules.status(needsEArchive: true, latest: latest)
        guard status != .authenticated, let joined = JoinDate(row["joinDate"]) else { return nil }
        let late = ReminderPolicy.isOverdue(joined: joined, status: status, today: today)
        let item = ReminderItem(
            memberID: row["id"], name: row["name"], developmentNumber: row["developmentNumber"], branch: row["branch"],
            joinDate: row["joinDate"], status: status, reason: latest == .rejected ? row["reason"] : nil, overdue: late)
        return (item, latest)
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
