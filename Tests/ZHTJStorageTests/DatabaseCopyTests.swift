import Crypto
import Foundation
import Testing
import ZHTJCore
import ZHTJRegistry
@testable import ZHTJStorage

/// The online copy of a backup (issue 14, R-M4): writes go on while the copy is made, the copy is one consistent
/// moment, self-contained (no -wal), and reading it for a restore leaves every byte as it was.
@Suite struct DatabaseCopyTests {
    static func sha(_ path: String) throws -> String {
        Hex.string(SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test func theCopyIsOneMomentWhileWritesGoOn() throws {
        try AppDatabaseTests.withDatabase { db, folder in
            let (_, branch, admin) = try AppDatabaseTests.seed(db)
            // Writes from another thread during the copy: the copy's audit head is a row the chain had, whole.
            let parent = try #require(branch.parentID)
            let finished = DispatchSemaphore(value: 0)
            let writer = Thread {
                defer { finished.signal() }
                for i in 0..<40 {
                    _ = try? db.createOrg(name: "车间\(i)团支部", fullName: nil, category: .branch, industry: nil, parentID: parent, caller: admin, now: AppDatabaseTests.now)
                }
            }
            writer.start()
            let path = folder + "/copy.sqlite"
            var steps = 0
            let copy = try db.copyDatabase(to: path) { _, _ in steps += 1 }
            #expect(steps >= 1)
            #expect(copy.integrity == ["ok"])
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
            let head = try #require(copy.auditHeadID)
            #expect(try db.auditRowHash(id: head) == copy.auditHeadHash)
            #expect(copy.auditRows == Int(head))
            #expect(copy.migrations.last == "v10-backup-runs")
            // Inspecting the copy (as a restore does) changes nothing in it.
            let before = try Self.sha(path)
            let again = try AppDatabase.inspectCopy(at: path)
            #expect(again == copy)
            #expect(try Self.sha(path) == before)
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
            finished.wait()
        }
    }

    @Test func aDamagedCopyIsSaidToBe() throws {
        try AppDatabaseTests.withDatabase { db, folder in
            _ = try AppDatabaseTests.seed(db)
            let path = folder + "/copy.sqlite"
            _ = try db.copyDatabase(to: path) { _, _ in }
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            // Page 2 onwards overwritten: the file is no database any more, or a damaged one.
            for i in 4096..<min(bytes.count, 12288) { bytes[i] = 0x55 }
            try bytes.write(to: URL(fileURLWithPath: path))
            let inspected = try? AppDatabase.inspectCopy(at: path)
            #expect(inspected == nil || inspected?.integrity != ["ok"])
        }
    }

    @Test func backupRunsAreKeptAcrossOpens() throws {
        try AppDatabaseTests.withDatabase { db, folder in
            #expect(try db.lastBackups().last == nil)
            var good = BackupRun(job: 1, trigger: "schedule", startedAt: AppDatabaseTests.now, dir: "/b")
            good.ok = true
            good.snapshot = "20260910T000000Z"
            var bad = BackupRun(job: 2, trigger: "command", startedAt: AppDatabaseTests.now.addingTimeInterval(60), dir: "/c")
            bad.error = "disk full"
            try db.recordBackup(good)
            try db.recordBackup(bad)
            let (last, lastGood) = try db.lastBackups()
            #expect(last == bad)
            #expect(lastGood == good)
        }
    }
}
