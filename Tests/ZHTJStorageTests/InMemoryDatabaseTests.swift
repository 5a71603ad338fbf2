import Foundation
import GRDB
import Testing
@testable import ZHTJCore
import ZHTJRegistry
@testable import ZHTJStorage

/// The database on an in-memory queue: no files. Also the migrations that carry data (v3, v5), from a database
/// left at an older version.
@Suite struct InMemoryDatabaseTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func inMemoryDatabaseMigratesAndWorks() throws {
        let db = try AppDatabase.inMemory()
        #expect(db.path == ":memory:")
        #expect(try db.settings().migrations.last == "v13-fee-tallies")
        let (root, code) = try db.createRoot(name: "团某某市委", category: .leadingBody, industry: nil, caller: Caller(uid: 0), now: Self.now)
        #expect(try db.rootOrg()?.id == root.id)
        #expect(code.org.id == root.id)
        #expect(try db.verifyAuditChain().breaks.isEmpty)
    }

    /// A database left at v2 with an event log: v3 turns the events into the first rows of the audit chain, which
    /// the application's check then finds intact.
    @Test func v3TurnsTheEventLogIntoAnIntactAuditChain() throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v2-uploads-archive")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO event (at, uid, adminID, action, target, detail) VALUES (?, 0, NULL, 'init', 'org:1', '团某某市委');
                    INSERT INTO event (at, uid, adminID, action, target, detail) VALUES (?, 1000, 1, 'org.create', 'org:2', NULL);
                    """, arguments: [Self.now, Self.now.addingTimeInterval(0.25)])
        }
        let db = try AppDatabase(queue)
        let rows = try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id") }
        #expect(rows.count == 2)
        #expect(rows.first?["at"] == "2026-09-21T14:13:20.000Z")
        #expect(rows.last?["at"] == "2026-09-21T14:13:20.250Z")
        #expect(try db.verifyAuditChain().breaks.isEmpty)
    }

    /// A database left at v7: v9 indexes the orgs by depth and path, and sets any depth that disagrees with the
    /// path (nothing read `depth` before `org.tree` paged by it).
    @Test func v9IndexesOrgsByDepthFromTheirPaths() throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v7-org-tallies")
        try queue.write { db in
            for (id, parent, path, depth) in [(1, nil, "/1/", 0), (2, 1, "/1/2/", 0), (3, 2, "/1/2/3/", 2), (4, 3, "/1/2/3/4/", 7)] as [(Int64, Int64?, String, Int)] {
                try db.execute(
                    sql: """
                        INSERT INTO org (id, parentID, path, depth, shortName, fullName, category, folder, createdAt, createdByUID)
                        VALUES (?, ?, ?, ?, ?, ?, 'committee', ?, ?, 0)
                        """, arguments: [id, parent, path, depth, "org\(id)", "org\(id)", "folder\(id)", Self.now])
            }
        }
        let db = try AppDatabase(queue)
        #expect(try queue.read { db in try Int.fetchAll(db, sql: "SELECT depth FROM org ORDER BY id") } == [0, 1, 2, 3])
        #expect(try queue.read { db in try db.indexes(on: "org").map(\.name) }.contains("org_depth_path"))
        let page = try db.subtree(of: 1, depth: 1)
        #expect(page.nodes.map(\.org.id) == [1, 2] && page.nodes.last?.hidden == 2 && page.total == 4)
    }

    /// A database left at v4 with versions from before the review states: v5 gives each the state the rules gave a
    /// new one then (a branch's upload waits for the nearest committee; a committee's is approved without review).
    @Test func v5GivesOlderVersionsTheirReviewState() throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v4-reminders-transfers")
        try queue.write { db in
            let orgs: [(Int64, Int64?, String, String)] = [
                (1, nil, "/1/", "leading-body"), (2, 1, "/1/2/", "committee"), (3, 2, "/1/2/3/", "general-branch"),
                (4, 3, "/1/2/3/4/", "branch"),
            ]
            for (id, parent, path, category) in orgs {
                try db.execute(
                    sql: """
                        INSERT INTO org (id, parentID, path, depth, shortName, fullName, category, folder, createdAt, createdByUID)
                        VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, 0)
                        """, arguments: [id, parent, path, "org\(id)", "org\(id)", category, "folder\(id)", Self.now])
            }
            try db.execute(
                sql: """
                    INSERT INTO member (id, idNumber, name, birthDate, ethnicity, politicalStatus, joinDate, joinYear, branchID, isCadre, createdAt, createdByUID)
                    VALUES (1, '110101200803150023', '李明', '2008-03-15', '汉族', '共青团员', '2022-05', 2022, 4, 0, ?, 0);
                    """, arguments: [Self.now])
            for (version, uploader, required) in [(1, Int64(4), true), (2, Int64(2), true), (3, Int64(4), false)] {
                let sha = String(repeating: String(version), count: 64)
                try db.execute(sql: "INSERT INTO document (sha256, size, pages, archivedAt) VALUES (?, 1, 1, ?)", arguments: [sha, Self.now])
                try db.execute(
                    sql: "INSERT INTO upload (id, state, sha256, originalName, displayName, folder, checks, receivedAt) VALUES (?, 'archived', ?, x'41', 'A', 'f', '[]', ?)",
                    arguments: [version, sha, Self.now])
                try db.execute(
                    sql: "INSERT INTO archiveVersion (memberID, version, uploadID, sha256, uploaderOrgID, required, createdAt) VALUES (1, ?, ?, ?, ?, ?, ?)",
                    arguments: [version, version, sha, uploader, required, Self.now])
            }
        }
        _ = try AppDatabase(queue)
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT state, needsReview, reviewerOrgID FROM archiveVersion ORDER BY version")
        }
        #expect(rows.map { $0["state"] as String } == ["pending", "approved", "approved"])
        #expect(rows.map { $0["needsReview"] as Bool } == [true, false, false])
        #expect(rows.map { $0["reviewerOrgID"] as Int64? } == [2, nil, nil])
    }
}
