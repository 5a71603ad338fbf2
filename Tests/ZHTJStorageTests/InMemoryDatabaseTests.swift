import Foundation
import GRDB
import Testing
@testable import ZHTJCore
@testable import ZHTJStorage

/// The database on an in-memory queue: no files.
@Suite struct InMemoryDatabaseTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func inMemoryDatabaseMigratesAndWorks() throws {
        let db = try AppDatabase.inMemory()
        #expect(db.path == ":memory:")
        #expect(try db.settings().migrations.last == "v6-province-scale")
        let (root, code) = try db.createRoot(name: "团某某市委", category: .leadingBody, industry: nil, caller: Caller(uid: 0), now: Self.now)
        #expect(try db.rootOrg()?.id == root.id)
        #expect(code.org.id == root.id)
        #expect(try db.verifyAudit(archiveRoot: "/nonexistent").breaks.isEmpty)
    }
}
