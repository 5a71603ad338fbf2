import Foundation
import GRDB
import Testing
import ZHTJTestSupport
@testable import ZHTJCore
import ZHTJRegistry
@testable import ZHTJStorage

@Suite struct AppDatabaseTests {
    /// A fresh registry on the engine the suite runs on (PostgreSQL when `ZHTJ_TEST_POSTGRES` is set, scripts/test's
    /// second run), and a temporary folder: one test body for both engines.
    static func withDatabase(_ body: (AppDatabase, String) throws -> Void) throws {
        guard let url = try TestPostgres.freshDatabaseURL() else { return try withSQLite(body) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhtj-db-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = try AppDatabase(postgresURL: url, connections: 2)
        defer { try? db.close() }
        try body(db, folder)
    }

    /// A fresh empty database: on PostgreSQL when the suite runs there, else in memory.
    static func fresh() throws -> AppDatabase {
        guard let url = try TestPostgres.freshDatabaseURL() else { return try AppDatabase.inMemory() }
        return try AppDatabase(postgresURL: url, connections: 2)
    }

    /// A fresh SQLite registry in a temporary folder (what only SQLite has: the file, its copy, its schema check).
    static func withSQLite(_ body: (AppDatabase, String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhtj-db-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = try AppDatabase(path: folder + "/zhtj.sqlite")
        try body(db, folder)
    }

    static let now = Date(timeIntervalSince1970: 1_790_000_000)
    static let op = Caller(uid: 0)

    /// A root org with its first admin registered.
    static func rootWithAdmin(_ db: AppDatabase) throws -> (root: OrgSummary, admin: Caller) {
        let (root, code) = try db.createRoot(name: "团某某市委", category: .leadingBody, industry: nil, caller: op, now: now)
        let info = try db.redeem(
            code: code.code, requestedOrg: nil,
            admin: .init(name: "王芳", idNumber: "110101199001011237", joinDate: "2004-05", mobile: nil, email: nil, credentialHash: "h1"),
            caller: op, throttle: RedemptionThrottle(), now: now)
        return (root, Caller(uid: 0, adminID: info.id, orgID: root.id))
    }

    /// A root, a committee and a branch, with an admin of the root.
    static func seed(_ db: AppDatabase) throws -> (root: OrgSummary, branch: OrgSummary, admin: Caller) {
        let (root, admin) = try rootWithAdmin(db)
        let committee = try db.createOrg(name: "某厂团委", fullName: nil, category: .committee, industry: nil, parentID: root.id, caller: admin, now: now)
        let branch = try db.createOrg(name: "包装车间团支部", fullName: nil, category: .branch, industry: nil, parentID: committee.id, caller: admin, now: now)
        return (root, branch, admin)
    }

    // ENGINEERING 8: WAL, synchronous=FULL, migrations applied.
    @Test func settings() throws {
        try Self.withDatabase { db, _ in
            let s = try db.settings()
            guard !db.isPostgres else {
                #expect(s.journalMode == "postgresql" && s.migrations == ["pg1-schema", "pg2-inbox-claims", "pg3-member-life", "pg4-cadres", "pg5-fee-tallies"])
                return
            }
            #expect(s.journalMode == "wal")
            #expect(s.synchronous == 2)
            #expect(s.migrations == ["v1-orgs-admins-members", "v2-uploads-archive", "v3-review-audit", "v4-reminders-transfers", "v5-review-states-for-older-versions", "v6-province-scale", "v7-org-tallies", "v8-org-due", "v9-org-depth-index", "v10-backup-runs", "v11-member-life", "v12-cadres", "v13-fee-tallies"])
        }
    }

    // R-M4: a member record is never deleted; the database refuses it.
    @Test func memberDeleteIsRefused() throws {
        try Self.withDatabase { db, _ in
            let (_, branch, admin) = try Self.seed(db)
            let draft = MemberDraft(
                line: 2, name: "李明", idNumber: "110101200803150023", birthDate: CivilDate(year: 2008, month: 3, day: 15)!,
                ethnicity: "汉族", politicalStatus: "共青团员", joinDate: JoinDate("2022-05")!, branch: branch.displayID,
                isCadre: false, developmentNumber: "202244010123", mobile: nil, education: nil, occupation: nil)
            let outcome = try db.importMembers([draft], within: .everything, caller: admin, now: Self.now)
            #expect(outcome.imported.count == 1)
            #expect(throws: ZHTJError.self) {
                try db.write { try $0.execute(sql: "DELETE FROM member") }
            }
            #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM member") } == 1)
        }
    }

    // R-O2: short name, full name, category and industry cannot be changed once created.
    @Test func orgNamesAreImmutable() throws {
        try Self.withDatabase { db, _ in
            let (_, branch, _) = try Self.seed(db)
            for column in ["shortName", "fullName", "category", "industry"] {
                #expect(throws: ZHTJError.self) {
                    try db.write { try $0.execute(sql: "UPDATE org SET \(column) = 'x' WHERE id = ?", arguments: [branch.id]) }
                }
            }
        }
    }

    // The event log is append-only.
    @Test func auditLogIsAppendOnly() throws {
        try Self.withDatabase { db, _ in
            _ = try Self.seed(db)
            #expect(try db.events().count >= 3)
            #expect(throws: ZHTJError.self) { try db.write { try $0.execute(sql: "DELETE FROM audit") } }
            #expect(throws: ZHTJError.self) { try db.write { try $0.execute(sql: "UPDATE audit SET action = 'x'") } }
        }
    }

    // Issue 15: the daily task's leadership holds a connection while its work reads through another, so even a pool
    // asked for one connection has two (a pool of one would wait for itself for ever).
    @Test(.timeLimit(.minutes(1))) func aDailyTaskRunsOnTheSmallestPool() throws {
        guard let url = try TestPostgres.freshDatabaseURL() else { return }  // PostgreSQL only
        let db = try AppDatabase(postgresURL: url, connections: 1)
        defer { try? db.close() }
        let run = try db.runOnce("reminders", day: "2026-12-03", daemon: "test:1:a", now: Self.now) { try db.remindersSent(day: "2026-12-03") }
        guard case .ran(let sent) = run else { Issue.record("the task did not run: \(run)"); return }
        #expect(sent.isEmpty)
        guard case .doneElsewhere(let by) = try db.runOnce("reminders", day: "2026-12-03", daemon: "test:2:b", now: Self.now, { 0 }) else {
            Issue.record("a second run of the day's task ran")
            return
        }
        #expect(by == "test:1:a")
    }

    // A damaged database stops the start with a message that says how to restore.
    @Test func damagedDatabaseIsRefusedWithRestoreAdvice() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhtj-bad-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/zhtj.sqlite"
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: path))
        do {
            _ = try AppDatabase(path: path)
            Issue.record("a damaged database was opened")
        } catch let error as AppDatabase.OpenError {
            #expect("\(error)".contains("damaged"))
            #expect("\(error)".contains("restore"))
        }
    }
}
