import Foundation
import GRDB
import Testing
@testable import ZHTJCore
import ZHTJRegistry
@testable import ZHTJStorage

/// Issue 14 (R-M4, the audit chain): the schema checks itself at open. Triggers and indexes dropped, changed or added
/// behind the daemon's back (with the sqlite3 shell, say) are put back, each repair is written to the audit chain and
/// `verifyAuditChain` lists it; a missing table stops the open.
@Suite struct SchemaCheckTests {
    static func tamper(_ path: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
        try queue.close()
    }

    @Test func droppedChangedAndForeignTriggersAreRepairedAndAudited() throws {
        try AppDatabaseTests.withSQLite { first, folder in
            let path = folder + "/zhtj.sqlite"
            #expect(first.schemaRepairs.isEmpty)
            _ = try AppDatabaseTests.rootWithAdmin(first)
            try Self.tamper(path, """
                DROP TRIGGER audit_no_delete;
                DROP INDEX member_open_due;
                DROP TRIGGER audit_no_update;
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT 1; END;
                CREATE TRIGGER quietly_forget AFTER INSERT ON audit BEGIN DELETE FROM reminderSent; END;
                """)
            let reopened = try AppDatabase(path: path)
            #expect(Set(reopened.schemaRepairs) == [
                "trigger audit_no_delete was missing", "trigger audit_no_update was changed", "index member_open_due was missing",
                "trigger quietly_forget was not zhtj's and was dropped",
            ])
            // The audit table is protected again.
            #expect(throws: (any Error).self) { try reopened.write { try $0.execute(sql: "DELETE FROM audit") } }
            #expect(throws: (any Error).self) { try reopened.write { try $0.execute(sql: "UPDATE audit SET reason = 'x'") } }
            let check = try reopened.verifyAuditChain()
            #expect(check.breaks.isEmpty)
            #expect(check.schemaRepairs.count == 1)
            #expect(check.schemaRepairs.first?.contains("trigger audit_no_delete was missing") == true)
            // Nothing left to repair at the next open.
            #expect(try AppDatabase(path: path).schemaRepairs.isEmpty)
        }
    }

    @Test func aMissingTableStopsTheOpen() throws {
        try AppDatabaseTests.withSQLite { _, folder in
            let path = folder + "/zhtj.sqlite"
            try Self.tamper(path, "DROP TABLE reminderSent")
            #expect {
                _ = try AppDatabase(path: path)
            } throws: { error in
                "\(error)".contains("the table reminderSent is missing")
            }
        }
    }
}
