import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

extension AppDatabase {
    /// Every org's reminder for the day of `now`, in path order (root first), computed in one pass over the open
    /// e-archives and the pending reviews instead of one subtree query per org: the daily sweep (R-E2, R-E10).
    /// Each reminder equals `reminder(orgID:now:)` for its org. `body` is called for each org not in `skipping`,
    /// also for an empty reminder, after the read transaction (it may use the database).
    public func forEachReminder(now: Date, skipping: Set<Int64> = [], _ body: (Reminder) throws -> Void) throws {
        let today = CivilDate(now)
        let (orgs, items, kinds, lists, reviews) = try read { db in
            let orgs = try OrgRow.fetchAll(db, sql: OrgRow.selection + " ORDER BY org.path")
            var index: [Int64: Int] = [:]
            index.reserveCapacity(orgs.count)
            for (i, row) in orgs.enumerated() { index[row.org.id!] = i }

            // The open items, each listed under every org on its branch's path, in member order.
            var items: [ReminderItem] = []
            var kinds: [ReminderKind] = []
            var lists = [[Int32]](repeating: [], count: orgs.count)
            let rows = try Row.fetchCursor(db, sql: Self.openArchivesSQL, arguments: [MembershipRules.eArchiveFromYear, "/", "0"])
            while let row = try rows.next() {
                guard let (item, latest) = Self.openItem(row, today: today) else { continue }
                let kind: ReminderKind
                switch latest {
                case nil, .superseded: kind = .notUploaded
                case .pending: kind = .waiting
                case .rejected: kind = .rejected
                case .approved: continue
                }
                let position = Int32(items.count)
                items.append(item)
                kinds.append(kind)
                let path: String = row["branchPath"]
                for part in path.split(separator: "/") {
                    if let id = Int64(part), let i = index[id] { lists[i].append(position) }
                }
            }
            var reviews: [Int64: [ReviewItem]] = [:]
            let pending = try Row.fetchCursor(db, sql: Self.pendingReviewsSQL + " ORDER BY v.id")
            while let row = try pending.next() {
                guard let reviewer: Int64 = row["reviewerOrgID"] else { continue }
                reviews[reviewer, default: []].append(Self.reviewItem(row, now: now))
            }
            return (orgs, items, kinds, lists, reviews)
        }

        for (i, row) in orgs.enumerated() where !skipping.contains(row.org.id!) {
            var notUploaded: [ReminderItem] = [], waiting: [ReminderItem] = [], rejected: [ReminderItem] = []
            var overdue: [ReminderItem] = []
            for position in lists[i] {
                let item = items[Int(position)]
                switch kinds[Int(position)] {
                case .notUploaded: notUploaded.append(item)
                case .waiting: waiting.append(item)
                case .rejected: rejected.append(item)
                }
                if item.overdue { overdue.append(item) }
            }
            try body(Reminder(
                org: row.summary, date: today.description, notUploaded: notUploaded, waitingForReview: waiting,
                rejected: rejected, overdue: overdue, reviewsWaiting: reviews[row.org.id!] ?? []))
        }
    }

    /// The orgs that already had their reminder on `day`.
    public func remindersSent(day: String) throws -> Set<Int64> {
        try read { db in Set(try Int64.fetchAll(db, sql: "SELECT orgID FROM reminderSent WHERE day = ?", arguments: [day])) }
    }

    /// Records many orgs' reminders for `day` in one transaction; returns the orgs that had none yet that day.
    public func markRemindersSent(_ sent: [(orgID: Int64, file: String)], day: String, now: Date) throws -> [Int64] {
        try write { db in
            var fresh: [Int64] = []
            for (orgID, file) in sent {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO reminderSent (orgID, day, sentAt, file) VALUES (?, ?, ?, ?)", arguments: [orgID, day, now, file])
                guard db.changesCount == 1 else { continue }
                try Self.record(db, caller: Caller(uid: 0, orgID: orgID), action: "reminder.sent", target: "org:\(orgID)", detail: day, at: now)
                fresh.append(orgID)
            }
            return fresh
        }
    }
}

/// Where an open item of a reminder goes.
private enum ReminderKind { case notUploaded, waiting, rejected }
