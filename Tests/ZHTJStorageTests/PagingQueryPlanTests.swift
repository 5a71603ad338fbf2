import Foundation
import GRDB
import Testing
@testable import ZHTJStorage

/// Issue 13, "Lists that page": the page queries read only the page. Their plans, as SQLite reports them.
@Suite struct PagingQueryPlanTests {
    static func plan(_ db: AppDatabase, _ sql: String, _ arguments: SQLArguments) throws -> [String] {
        try db.read { db in try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String } }
    }

    // `id > after ORDER BY id LIMIT n` starts and stops on the reviewer's range of version_review (rowid order), no sort.
    @Test func theReviewPageWalksTheReviewersIndexRangeWithoutASort() throws {
        try AppDatabaseTests.withSQLite { db, _ in
            let page = try Self.plan(db, AppDatabase.reviewPageSQL, [2, 40, 51])
            #expect(page.first == "SEARCH v USING INDEX version_review (state=? AND reviewerOrgID=? AND rowid>?)", "\(page)")
            #expect(!page.contains { $0.contains("TEMP B-TREE") || $0.hasPrefix("SCAN") }, "\(page)")
            let count = try Self.plan(db, AppDatabase.pendingCountSQL, [2, 40])
            #expect(count == ["SEARCH archiveVersion USING COVERING INDEX version_review (state=? AND reviewerOrgID=? AND rowid>?)"])
        }
    }

    // Two levels of a subtree are two ranges of org_depth_path (v9); what lies below is counted on org_path alone.
    @Test func theTreeReadsOnlyTheLevelsItShows() throws {
        try AppDatabaseTests.withSQLite { db, _ in
            let levels = try Self.plan(db, AppDatabase.treeLevelsSQL(levels: 3), [1, 2, 3, "/1/2/", "/1/20"])
            #expect(levels.first == "SEARCH org USING INDEX org_depth_path (depth=? AND path>? AND path<?)", "\(levels)")
            #expect(!levels.contains { $0.hasPrefix("SCAN") }, "\(levels)")
            let hidden = try Self.plan(db, AppDatabase.hiddenBelowSQL, [3, "/1/2/", "/1/20"])
            #expect(hidden.first == "SEARCH org USING COVERING INDEX org_depth_path (depth=? AND path>? AND path<?)", "\(hidden)")
            #expect(hidden.contains { $0.contains("USING COVERING INDEX org_path (path>? AND path<?)") }, "\(hidden)")
            #expect(!hidden.contains { $0.hasPrefix("SCAN") }, "\(hidden)")
        }
    }
}
