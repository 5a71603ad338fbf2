import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

extension AppDatabase {
    /// The open members (R-E2): they need an e-archive (joined 2020 or later, R-E1) and are not authenticated. The
    /// same terms as the partial index `member_open_due` (v8), so a query with them can walk it in due-date order.
    static let openMemberTerms = "m.joinYear >= \(MembershipRules.eArchiveFromYear) AND m.latestState IS NOT 'approved' AND m.leftAt IS NULL"

    /// The columns of a reminder item; `b` is the member's branch. The reason is read for rejected members only.
    static let openItemColumns = """
        m.id, m.name, m.developmentNumber, m.branchID, b.fullName AS branch, m.joinDate, m.dueDate, m.latestState AS latest,
        CASE WHEN m.latestState = 'rejected'
            THEN (SELECT reason FROM archiveVersion WHERE memberID = m.id ORDER BY version DESC LIMIT 1) END AS reason
        """

    /// Open members matching `condition` (on `m` and `b`), oldest due first.
    static func openItems(_ db: SQLSession, where condition: String, arguments: SQLArguments, today: String) throws -> [ReminderItem] {
        try Row.fetchAll(
            db, sql: "SELECT \(openItemColumns) FROM member AS m JOIN org AS b ON b.id = m.branchID WHERE \(openMemberTerms) AND \(condition) ORDER BY m.dueDate, m.id",
            arguments: arguments
        ).map { openItem($0, today: today) }
    }

    /// A reminder item from a row with `openItemColumns`.
    static func openItem(_ row: Row, today: String) -> ReminderItem {
        let latest = (row["latest"] as String?).flatMap(ArchiveState.init(rawValue:))
        let due: String = row["dueDate"]
        return ReminderItem(
            memberID: row["id"], name: row["name"], developmentNumber: row["developmentNumber"], branch: row["branch"],
            joinDate: row["joinDate"], status: ReviewRules.status(needsEArchive: true, latest: latest),
            latest: latest == .superseded ? nil : latest, reason: latest == .rejected ? row["reason"] : nil, dueDate: due, overdue: due < today)
    }

    /// The `limit` longest-overdue open members of the subtree at `path`, oldest due first. Two plans, chosen from
    /// the tallies: walk the open members of the whole tree in due-date order (`member_open_due`) and keep the
    /// subtree's, which reads about `limit × tree's overdue / subtree's overdue` rows; or read the subtree's open
    /// members who joined 2020 or later and sort them, which reads that many rows (from the tallies). The cheaper one runs (`walking` forces one).
    static func oldestOverdue(
        _ db: SQLSession, path: String, counts: ReminderCounts, today: String, limit: Int, walking: Bool? = nil
    ) throws -> [ReminderItem] {
        guard counts.overdue > 0, limit > 0 else { return [] }
        let (lower, upper) = subtreeBounds(path)
        let rootID = path.split(separator: "/").first.flatMap { Int64($0) } ?? 0
        let treeOverdue = try Int.fetchOne(
            db, sql: "SELECT ifnull(sum(count), 0) FROM orgDue WHERE orgID = ? AND dueDate < ?", arguments: [rootID, today]) ?? 0
        // The sort plan reads every member of the subtree who joined 2020 or later (approved ones too).
        let orgID = path.split(separator: "/").last.flatMap { Int64($0) } ?? 0
        let subtree = try Int.fetchOne(
            db, sql: "SELECT ifnull(sum(count), 0) FROM orgTally WHERE orgID = ? AND joinYear >= ?",
            arguments: [orgID, MembershipRules.eArchiveFromYear]) ?? 0
        let walk = Double(limit) * Double(treeOverdue) / Double(counts.overdue)
        let from = walking ?? (walk <= Double(subtree))
            ? "member AS m INDEXED BY member_open_due JOIN org AS b ON b.id = m.branchID"
            : "org AS b CROSS JOIN member AS m INDEXED BY member_branch_year ON m.branchID = b.id"
        return try Row.fetchAll(
            db, sql: """
                SELECT \(openItemColumns) FROM \(from)
                WHERE \(openMemberTerms) AND m.dueDate < ? AND b.path >= ? AND b.path < ?
                ORDER BY m.dueDate, m.id LIMIT ?
                """, arguments: [today, lower, upper, limit]
        ).map { openItem($0, today: today) }
    }
}
