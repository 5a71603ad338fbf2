import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

extension AppDatabase {
    /// The reminder of one org for the day of `now` (R-E2, R-E10), from the kept tallies (v7, v8): a branch's open
    /// members by name; above branch level, the counts per direct subordinate and the `oldest` longest-overdue
    /// members of the subtree. Its reviews waiting: the oldest `oldest`, and how many.
    public func reminder(orgID: Int64, now: Date, oldest: Int) throws -> Reminder {
        let today = CivilDate(now).description
        return try read { db in
            let (org, counts, children, reviews, reviewCount) = try Self.reminderParts(db, orgID: orgID, today: today, reviews: oldest, now: now)
            guard !children.isEmpty else {
                let items = try Self.openItems(db, where: "m.branchID = ?", arguments: [orgID], today: today)
                return Self.memberReminder(org.summary, today: today, counts: counts, items: items, subordinates: [], reviews: reviews, reviewCount: reviewCount)
            }
            let subordinates = try Self.subordinateCounts(db, parentID: orgID, children: children, total: counts, today: today)
            let overdue = try Self.oldestOverdue(db, path: org.org.path, counts: counts, today: today, limit: oldest)
            return Reminder(
                org: org.summary, date: today, counts: counts, listing: .oldestOverdue, overdue: overdue,
                subordinates: subordinates, reviewsWaiting: reviews, reviewsWaitingCount: reviewCount)
        }
    }

    /// `reminders --all`: every open member of the subtree by name, with the counts per subordinate. Reads every
    /// open member below the org: for a province's root, seconds.
    public func fullReminder(orgID: Int64, now: Date) throws -> Reminder {
        let today = CivilDate(now).description
        return try read { db in
            let (org, counts, children, reviews, reviewCount) = try Self.reminderParts(db, orgID: orgID, today: today, reviews: nil, now: now)
            let subordinates = children.isEmpty ? [] : try Self.subordinateCounts(db, parentID: orgID, children: children, total: counts, today: today)
            let (lower, upper) = Self.subtreeBounds(org.org.path)
            let items = try Self.openItems(db, where: "b.path >= ? AND b.path < ?", arguments: [lower, upper], today: today)
            return Self.memberReminder(org.summary, today: today, counts: counts, items: items, subordinates: subordinates, reviews: reviews, reviewCount: reviewCount)
        }
    }

    /// What every reminder of an org starts from: the org, its subtree's counts, its children (by id) and the first
    /// `reviews` of its reviews waiting (all with nil) with their count.
    private static func reminderParts(_ db: SQLSession, orgID: Int64, today: String, reviews limit: Int?, now: Date) throws
        -> (OrgRow, ReminderCounts, [OrgRow], [ReviewItem], Int)
    {
        guard let org = try OrgRow.fetchOne(db, sql: OrgRow.selection + " WHERE org.id = ?", arguments: [orgID]) else {
            throw ZHTJError.orgNotFound(String(orgID))
        }
        let counts = try reminderCounts(db, orgID: orgID, today: today)
        let (reviews, reviewCount) = try reviewsWaiting(db, orgID: orgID, limit: limit, now: now)
        let children = try OrgRow.fetchAll(db, sql: OrgRow.selection + " WHERE org.parentID = ? ORDER BY org.id", arguments: [orgID])
        return (org, counts, children, reviews, reviewCount)
    }

    /// The counts of the banner before every command (R-E10): not uploaded, not authenticated (no file, waiting or
    /// rejected), and reviews waiting for the org. From the org's kept tallies: a few rows, whatever the subtree.
    public func reminderCounts(orgID: Int64) throws -> (notUploaded: Int, notAuthenticated: Int, reviewsWaiting: Int) {
        try read { db in
            let counts = try Self.reminderCounts(db, orgID: orgID, today: nil)
            let reviews = try Self.pendingCount(db, reviewerOrgID: orgID)
            return (counts.notUploaded, counts.notAuthenticated, reviews)
        }
    }

    /// A reminder that lists `items` (open members, oldest due first) by kind.
    static func memberReminder(
        _ org: OrgSummary, today: String, counts: ReminderCounts, items: [ReminderItem], subordinates: [SubordinateReminder],
        reviews: [ReviewItem], reviewCount: Int
    ) -> Reminder {
        var notUploaded: [ReminderItem] = [], waiting: [ReminderItem] = [], rejected: [ReminderItem] = []
        for item in items {
            switch item.latest {
            case .pending: waiting.append(item)
            case .rejected: rejected.append(item)
            default: notUploaded.append(item)
            }
        }
        return Reminder(
            org: org, date: today, counts: counts, listing: .members, notUploaded: notUploaded, waitingForReview: waiting,
            rejected: rejected, overdue: items.filter(\.overdue), subordinates: subordinates, reviewsWaiting: reviews,
            reviewsWaitingCount: reviewCount)
    }

    /// An org's subtree counted from its tallies; `overdue` only with `today` (`YYYY-MM-DD`).
    static func reminderCounts(_ db: SQLSession, orgID: Int64, today: String?) throws -> ReminderCounts {
        var counts = ReminderCounts()
        let rows = try Row.fetchAll(
            db, sql: "SELECT bucket, sum(count) AS n FROM orgTally WHERE orgID = ? AND joinYear >= ? GROUP BY bucket",
            arguments: [orgID, MembershipRules.eArchiveFromYear])
        for row in rows { counts.add(bucket: row["bucket"], row["n"]) }
        if let today {
            counts.overdue = try Int.fetchOne(
                db, sql: "SELECT ifnull(sum(count), 0) FROM orgDue WHERE orgID = ? AND dueDate < ?", arguments: [orgID, today]) ?? 0
        }
        return counts
    }

    /// One line per child (in `children`'s order) and one for the org's own members when any is open.
    static func subordinateCounts(_ db: SQLSession, parentID: Int64, children: [OrgRow], total: ReminderCounts, today: String) throws -> [SubordinateReminder] {
        var counts: [Int64: ReminderCounts] = [:]
        let tallies = try Row.fetchAll(
            db, sql: """
                SELECT c.id, t.bucket, sum(t.count) AS n FROM org AS c JOIN orgTally AS t ON t.orgID = c.id AND t.joinYear >= ?
                WHERE c.parentID = ? GROUP BY c.id, t.bucket
                """, arguments: [MembershipRules.eArchiveFromYear, parentID])
        for row in tallies { counts[row["id"], default: ReminderCounts()].add(bucket: row["bucket"], row["n"]) }
        let due = try Row.fetchAll(
            db, sql: """
                SELECT c.id, sum(d.count) AS n FROM org AS c JOIN orgDue AS d ON d.orgID = c.id AND d.dueDate < ?
                WHERE c.parentID = ? GROUP BY c.id
                """, arguments: [today, parentID])
        for row in due { counts[row["id"], default: ReminderCounts()].overdue = row["n"] }
        return subordinates(children.map { ($0.summary, counts[$0.org.id!] ?? ReminderCounts()) }, total: total)
    }

    /// The lines of a committee's reminder: its children's, then its own members' (the rest of `total`) if any is open.
    static func subordinates(_ children: [(OrgSummary, ReminderCounts)], total: ReminderCounts) -> [SubordinateReminder] {
        var lines = children.map { SubordinateReminder(orgID: $0.0.id, displayID: $0.0.displayID, name: $0.0.fullName, counts: $0.1) }
        let own = children.reduce(total) { $0 - $1.1 }
        if !own.isEmpty { lines.append(.own(own)) }
        return lines
    }

    /// The pending reviews `orgID` must decide, oldest first (`limit` of them, all with nil), and how many there are.
    static func reviewsWaiting(_ db: SQLSession, orgID: Int64, limit: Int?, now: Date) throws -> ([ReviewItem], Int) {
        let count = try pendingCount(db, reviewerOrgID: orgID)
        let items = try Row.fetchAll(
            db, sql: reviewPageSQL, arguments: [orgID, 0, limit ?? Int.max]
        ).map { reviewItem($0, now: now) }
        return (items, count)
    }
}

extension ReminderCounts {
    /// Adds a tally bucket's count (v7: `none`, `pending`, `rejected`, `approved`).
    mutating func add(bucket: String, _ count: Int) {
        switch bucket {
        case "none": notUploaded += count
        case "pending": waitingForReview += count
        case "rejected": rejected += count
        default: break
        }
    }
}
