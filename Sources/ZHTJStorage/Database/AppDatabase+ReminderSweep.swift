import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

extension AppDatabase {
    /// Every org's reminder for the day of `now`, in path order (root first), from one read of the tallies, one
    /// walk over the open members in due-date order and one over the pending reviews, instead of queries per org: the
    /// daily sweep (R-E2, R-E10). Each reminder equals `reminder(orgID:now:oldest:)` for its org. `body` is called
    /// for each org not in `skipping`, also for an empty reminder, after the read transaction (it may use the database).
    public func forEachReminder(now: Date, oldest: Int, skipping: Set<Int64> = [], _ body: (Reminder) throws -> Void) throws {
        let today = CivilDate(now).description
        let sweep = try read { db in try SweepData(db, today: today, oldest: oldest, now: now) }
        for i in sweep.orgs.indices where !skipping.contains(sweep.orgs[i].id) {
            try body(sweep.reminder(i, today: today))
        }
    }
}

/// What the sweep reads, indexed by the org's position in path order.
private struct SweepData {
    var orgs: [OrgSummary] = []
    var parent: [Int] = []
    var children: [[Int]] = []
    var counts: [ReminderCounts] = []
    var items: [ReminderItem] = []
    /// A branch's open members, and the longest-overdue members of an org above branch level: positions in `items`.
    var lists: [[Int32]] = []
    var reviews: [Int64: (items: [ReviewItem], count: Int)] = [:]

    init(_ db: SQLSession, today: String, oldest: Int, now: Date) throws {
        var index: [Int64: Int] = [:]
        let rows = try OrgRow.fetchAll(db, sql: OrgRow.selection + " ORDER BY org.path")
        index.reserveCapacity(rows.count)
        orgs.reserveCapacity(rows.count)
        for (i, row) in rows.enumerated() {
            index[row.org.id!] = i
            orgs.append(row.summary)
        }
        parent = orgs.map { $0.parentID.flatMap { index[$0] } ?? -1 }
        children = [[Int]](repeating: [], count: orgs.count)
        // Children in id order, as `reminder(orgID:)` lists them.
        for i in orgs.indices.sorted(by: { orgs[$0].id < orgs[$1].id }) where parent[i] >= 0 { children[parent[i]].append(i) }
        lists = [[Int32]](repeating: [], count: orgs.count)

        counts = [ReminderCounts](repeating: ReminderCounts(), count: orgs.count)
        let tallies = try Row.fetchCursor(
            db, sql: "SELECT orgID, bucket, sum(count) AS n FROM orgTally WHERE joinYear >= ? GROUP BY orgID, bucket",
            arguments: [MembershipRules.eArchiveFromYear])
        while let row = try tallies.next() {
            if let i = index[row["orgID"]] { counts[i].add(bucket: row["bucket"], row["n"]) }
        }
        let due = try Row.fetchCursor(db, sql: "SELECT orgID, sum(count) AS n FROM orgDue WHERE dueDate < ? GROUP BY orgID", arguments: [today])
        while let row = try due.next() {
            if let i = index[row["orgID"]] { counts[i].overdue = row["n"] }
        }

        // Every open member once, oldest due first (the partial index's order): into its branch's list if the branch
        // is one (no subordinate org); if overdue, into the lists of the orgs above it until one is full — an org's
        // list holds the first `oldest` of its subtree, and an org above a full one is full too.
        let open = try Row.fetchCursor(
            db, sql: """
                SELECT \(AppDatabase.openItemColumns) FROM member AS m INDEXED BY member_open_due JOIN org AS b ON b.id = m.branchID
                WHERE \(AppDatabase.openMemberTerms) ORDER BY m.dueDate, m.id
                """)
        while let row = try open.next() {
            guard let b = index[row["branchID"]] else { continue }
            let item = AppDatabase.openItem(row, today: today)
            let position = Int32(items.count)
            items.append(item)
            if children[b].isEmpty { lists[b].append(position) }
            guard item.overdue else { continue }
            var j = children[b].isEmpty ? parent[b] : b
            while j >= 0, lists[j].count < oldest {
                lists[j].append(position)
                j = parent[j]
            }
        }

        let pending = try Row.fetchCursor(db, sql: AppDatabase.pendingReviewsSQL + " ORDER BY v.id")
        while let row = try pending.next() {
            guard let reviewer: Int64 = row["reviewerOrgID"] else { continue }
            var entry = reviews[reviewer] ?? ([], 0)
            entry.count += 1
            if entry.items.count < oldest { entry.items.append(AppDatabase.reviewItem(row, now: now)) }
            reviews[reviewer] = entry
        }
    }

    func reminder(_ i: Int, today: String) -> Reminder {
        let listed = lists[i].map { items[Int($0)] }
        let review = reviews[orgs[i].id] ?? ([], 0)
        guard !children[i].isEmpty else {
            return AppDatabase.memberReminder(
                orgs[i], today: today, counts: counts[i], items: listed, subordinates: [], reviews: review.items, reviewCount: review.count)
        }
        return Reminder(
            org: orgs[i], date: today, counts: counts[i], listing: .oldestOverdue, overdue: listed,
            subordinates: AppDatabase.subordinates(children[i].map { (orgs[$0], counts[$0]) }, total: counts[i]),
            reviewsWaiting: review.items, reviewsWaitingCount: review.count)
    }
}
