import Foundation
import GRDB
import ZHTJCore

/// Bulk writes on PostgreSQL (issue 15): inside the transaction, the derived-data triggers are switched off
/// (`zhtj.bulk`, see `PostgresSchema.pg1Triggers`) and their work is done afterwards, set-based: one statement per
/// derived table instead of one update of the same few rows per member. The tallies a bulk write leaves are the
/// triggers' (TallyPropertyTests and `admin recount` compare them with a recount).
enum PostgresBulk {
    static func begin(_ db: SQLSession) throws {
        try db.execute(sql: "SET LOCAL zhtj.bulk = 'on'")
    }

    static func end(_ db: SQLSession) throws {
        try db.execute(sql: "SET LOCAL zhtj.bulk = 'off'")
    }

    /// What the insert triggers of `member` would have done for the members with these ids (inserted in bulk mode):
    /// the member counts, name suffixes, tallies, due counts and join-month counts of every org above each.
    static func membersInserted(_ db: SQLSession, ids: [Int64]) throws {
        guard !ids.isEmpty else { return }
        let json = "[" + ids.map(String.init).joined(separator: ",") + "]"
        let new = "SELECT m.* FROM member AS m WHERE m.id IN (SELECT value::bigint FROM json_array_elements_text($1::json))"
        let open = "m.joinYear >= \(MembershipRules.eArchiveFromYear) AND m.latestState IS DISTINCT FROM 'approved'"
        for sql in [
            """
            UPDATE org SET memberCount = org.memberCount + c.n
            FROM (SELECT a.ancestorID AS id, count(*) AS n FROM (\(new)) AS m JOIN orgAncestor AS a ON a.orgID = m.branchID GROUP BY 1) AS c
            WHERE org.id = c.id
            """,
            suffixesSQL(of: "(\(new))"),
            """
            INSERT INTO orgTally (orgID, joinYear, bucket, count)
            SELECT a.ancestorID, m.joinYear, \(bucket("m.latestState")), count(*)
            FROM (\(new)) AS m JOIN orgAncestor AS a ON a.orgID = m.branchID GROUP BY 1, 2, 3
            ON CONFLICT (orgID, joinYear, bucket) DO UPDATE SET count = orgTally.count + excluded.count
            """,
            """
            INSERT INTO orgJoinMonth (orgID, joinMonth, count)
            SELECT a.ancestorID, substr(m.joinDate, 1, 7), count(*) FROM (\(new)) AS m JOIN orgAncestor AS a ON a.orgID = m.branchID
            WHERE m.leftAt IS NULL GROUP BY 1, 2
            ON CONFLICT (orgID, joinMonth) DO UPDATE SET count = orgJoinMonth.count + excluded.count
            """,
            """
            INSERT INTO orgDue (orgID, dueDate, count)
            SELECT a.ancestorID, m.dueDate, count(*) FROM (\(new)) AS m JOIN orgAncestor AS a ON a.orgID = m.branchID
            WHERE \(open) GROUP BY 1, 2
            ON CONFLICT (orgID, dueDate) DO UPDATE SET count = orgDue.count + excluded.count
            """,
        ] {
            try db.execute(sql: sql, arguments: [json])
        }
    }

    /// Every derived table from the base tables (after `admin migrate`'s copy): the member counts, the name suffixes,
    /// and (`AppDatabase.rebuildTallies`) the latest states, the tallies and the due counts. The org ancestors are
    /// kept by their trigger, which bulk mode leaves on.
    static func rebuildDerived(_ db: SQLSession) throws {
        try db.execute(sql: """
            UPDATE org SET memberCount = coalesce(c.n, 0)
            FROM org AS o LEFT JOIN (
                SELECT a.ancestorID AS id, count(*) AS n FROM member AS m JOIN orgAncestor AS a ON a.orgID = m.branchID
                WHERE m.leftAt IS NULL GROUP BY 1
            ) AS c ON c.id = o.id
            WHERE org.id = o.id AND org.memberCount IS DISTINCT FROM coalesce(c.n, 0)
            """)
        try db.execute(sql: "DELETE FROM memberNameSuffix")
        try db.execute(sql: suffixesSQL(of: "member"))
        try AppDatabase.rebuildTallies(db)
    }

    /// Every name suffix of the members `members` names (a table or a subquery), ASCII folded as the trigger does.
    static func suffixesSQL(of members: String) -> String {
        """
        INSERT INTO memberNameSuffix (suffix, memberID)
        SELECT lower(substr(m.name, p.n::INT) COLLATE "C"), m.id FROM \(members) AS m JOIN suffixPosition AS p ON p.n <= length(m.name)
        ON CONFLICT DO NOTHING
        """
    }

    /// The tally bucket of a latest state, as the triggers compute it.
    static func bucket(_ state: String) -> String {
        "CASE WHEN \(state) IN ('pending', 'rejected', 'approved') THEN \(state) ELSE 'none' END"
    }
}
