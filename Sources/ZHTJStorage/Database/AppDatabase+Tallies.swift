import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

extension AppDatabase {
    /// The tallies as they should be, from the members, their latest archive versions and the org tree.
    static let recountSQL = """
        SELECT a.ancestorID AS orgID, m.joinYear AS joinYear,
            CASE WHEN v.state IN ('pending', 'rejected', 'approved') THEN v.state ELSE 'none' END AS bucket, count(*) AS count
        FROM member AS m JOIN orgAncestor AS a ON a.orgID = m.branchID
        LEFT JOIN archiveVersion AS v ON v.memberID = m.id
            AND v.version = (SELECT max(version) FROM archiveVersion WHERE memberID = m.id)
        WHERE m.leftAt IS NULL
        GROUP BY 1, 2, 3
        """

    /// The overdue tallies (v8) as they should be: the open members (joined 2020 or later, latest version not
    /// approved) of each org's subtree by due date, the due date recomputed from the join date here, in Swift.
    static let dueRecountSQL = """
        SELECT a.ancestorID AS orgID, m.joinDate AS joinDate, count(*) AS count
        FROM member AS m JOIN orgAncestor AS a ON a.orgID = m.branchID
        LEFT JOIN archiveVersion AS v ON v.memberID = m.id
            AND v.version = (SELECT max(version) FROM archiveVersion WHERE memberID = m.id)
        WHERE m.joinYear >= \(MembershipRules.eArchiveFromYear) AND v.state IS NOT 'approved' AND m.leftAt IS NULL
        GROUP BY 1, 2
        """

    /// The latest version's state a tally bucket stands for (`none`: no version, or a superseded one).
    static func latestState(bucket: String) -> ArchiveState? {
        bucket == "none" ? nil : ArchiveState(rawValue: bucket)
    }

    struct TallyKey: Hashable {
        var orgID: Int64
        var joinYear: Int
        var bucket: String
        var dueDate: String?
    }

    private static func tallies(_ db: SQLSession, sql: String) throws -> [TallyKey: Int] {
        var result: [TallyKey: Int] = [:]
        let rows = try Row.fetchCursor(db, sql: sql)
        while let row = try rows.next() {
            let count: Int = row["count"]
            if count != 0 { result[TallyKey(orgID: row["orgID"], joinYear: row["joinYear"], bucket: row["bucket"]), default: 0] += count }
        }
        return result
    }

    private static func dueKey(_ orgID: Int64, _ due: String) -> TallyKey {
        TallyKey(orgID: orgID, joinYear: Int(due.prefix(4)) ?? 0, bucket: "open", dueDate: due)
    }

    private static func storedDue(_ db: SQLSession) throws -> [TallyKey: Int] {
        var result: [TallyKey: Int] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT orgID, dueDate, count FROM orgDue WHERE count != 0")
        while let row = try rows.next() { result[dueKey(row["orgID"], row["dueDate"]), default: 0] += row["count"] as Int }
        return result
    }

    /// The due date of R-E2 from a stored join date, by the domain's rule (not the schema's SQL), so a recount checks
    /// the generated column too.
    private static func actualDue(_ db: SQLSession) throws -> [TallyKey: Int] {
        var result: [TallyKey: Int] = [:]
        let rows = try Row.fetchCursor(db, sql: dueRecountSQL)
        while let row = try rows.next() {
            guard let joined = JoinDate(row["joinDate"]) else { continue }
            let due = ReminderPolicy.dueDate(joined: joined).description
            result[dueKey(row["orgID"], due), default: 0] += row["count"] as Int
        }
        return result
    }

    private static func differences(_ db: SQLSession) throws -> [TallyDifference] {
        var stored = try tallies(db, sql: "SELECT orgID, joinYear, bucket, count FROM orgTally")
        var actual = try tallies(db, sql: recountSQL)
        stored.merge(try storedDue(db)) { $0 + $1 }
        actual.merge(try actualDue(db)) { $0 + $1 }
        let fees = try feeTallies(db)
        stored.merge(fees.stored) { $0 + $1 }
        actual.merge(fees.actual) { $0 + $1 }
        return Set(stored.keys).union(actual.keys).compactMap { key -> TallyDifference? in
            let (s, a) = (stored[key] ?? 0, actual[key] ?? 0)
            return s == a ? nil : TallyDifference(orgID: key.orgID, joinYear: key.joinYear, bucket: key.bucket, dueDate: key.dueDate, stored: s, actual: a)
        }.sorted { ($0.orgID, $0.joinYear, $0.bucket, $0.dueDate ?? "") < ($1.orgID, $1.joinYear, $1.bucket, $1.dueDate ?? "") }
    }

    public func tallyDifferences() throws -> [TallyDifference] {
        try read { db in try Self.differences(db) }
    }

    public func rebuildTallies() throws -> (rows: Int, differences: [TallyDifference]) {
        try write { db in
            let found = try Self.differences(db)
            let rows = try Self.rebuildTallies(db)
            return (rows, found)
        }
    }

    /// Recounts the tallies (and the latest states they read) from the base tables, inside the caller's transaction;
    /// returns the rows kept.
    @discardableResult
    static func rebuildTallies(_ db: SQLSession) throws -> Int {
        // The latest state the triggers and the open-member lists read, refreshed where it drifted.
        try db.execute(sql: """
            UPDATE member SET latestState = (
                SELECT state FROM archiveVersion WHERE memberID = member.id ORDER BY version DESC LIMIT 1)
            WHERE latestState IS NOT (
                SELECT state FROM archiveVersion WHERE memberID = member.id ORDER BY version DESC LIMIT 1)
            """)
        try db.execute(sql: "DELETE FROM orgTally")
        try db.execute(sql: "INSERT INTO orgTally (orgID, joinYear, bucket, count) " + Self.recountSQL)
        try db.execute(sql: "DELETE FROM orgDue")
        try db.execute(sql: """
            INSERT INTO orgDue (orgID, dueDate, count)
            SELECT a.ancestorID, m.dueDate, count(*)
            FROM member AS m JOIN orgAncestor AS a ON a.orgID = m.branchID
            LEFT JOIN archiveVersion AS v ON v.memberID = m.id
                AND v.version = (SELECT max(version) FROM archiveVersion WHERE memberID = m.id)
            WHERE m.joinYear >= \(MembershipRules.eArchiveFromYear) AND v.state IS NOT 'approved' AND m.leftAt IS NULL
            GROUP BY 1, 2
            """)
        try rebuildFeeTallies(db)
        return try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM orgTally) + (SELECT count(*) FROM orgDue)") ?? 0
    }
}
