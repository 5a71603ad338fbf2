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
        GROUP BY 1, 2, 3
        """

    /// The latest version's state a tally bucket stands for (`none`: no version, or a superseded one).
    static func latestState(bucket: String) -> ArchiveState? {
        bucket == "none" ? nil : ArchiveState(rawValue: bucket)
    }

    private struct TallyKey: Hashable {
        var orgID: Int64
        var joinYear: Int
        var bucket: String
    }

    private static func tallies(_ db: Database, sql: String) throws -> [TallyKey: Int] {
        var result: [TallyKey: Int] = [:]
        let rows = try Row.fetchCursor(db, sql: sql)
        while let row = try rows.next() {
            let count: Int = row["count"]
            if count != 0 { result[TallyKey(orgID: row["orgID"], joinYear: row["joinYear"], bucket: row["bucket"]), default: 0] += count }
        }
        return result
    }

    private static func differences(_ db: Database) throws -> [TallyDifference] {
        let stored = try tallies(db, sql: "SELECT orgID, joinYear, bucket, count FROM orgTally")
        let actual = try tallies(db, sql: recountSQL)
        return Set(stored.keys).union(actual.keys).compactMap { key -> TallyDifference? in
            let (s, a) = (stored[key] ?? 0, actual[key] ?? 0)
            return s == a ? nil : TallyDifference(orgID: key.orgID, joinYear: key.joinYear, bucket: key.bucket, stored: s, actual: a)
        }.sorted { ($0.orgID, $0.joinYear, $0.bucket) < ($1.orgID, $1.joinYear, $1.bucket) }
    }

    public func tallyDifferences() throws -> [TallyDifference] {
        try read { db in try Self.differences(db) }
    }

    public func rebuildTallies() throws -> (rows: Int, differences: [TallyDifference]) {
        try write { db in
            let found = try Self.differences(db)
            try db.execute(sql: "DELETE FROM orgTally")
            try db.execute(sql: "INSERT INTO orgTally (orgID, joinYear, bucket, count) " + Self.recountSQL)
            return (try Int.fetchOne(db, sql: "SELECT count(*) FROM orgTally") ?? 0, found)
        }
    }
}
