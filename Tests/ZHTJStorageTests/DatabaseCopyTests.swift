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
        try AppDatabaseTests.withSQLite { db, folder in
            let (_, branch, admin) = try AppDatabaseTests.seed(db)
            let parent = try #require(branch.parentID)
            let before = try db.auditHead()
            // A page a step, and a write committed between the first steps: the write goes through (it does not wait
            // for the copy), and the copy is the moment the copy began, without it.
            let path = folder + "/copy.sqlite"
            var steps = 0
            let copy = try db.copyDatabase(to: path, pagesPerStep: 1) { done, total in
                steps += 1
                if steps == 1 {
                    _ = try db.createOrg(name: "新车间团支部", fullName: nil, category: .branch, industry: nil, parentID: parent, caller: admin, now: AppDatabaseTests.now)
                }
            }
            #expect(steps > 2)
            #expect(copy.integrity == ["ok"])
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
            #expect(copy.auditHeadID == before?.id && copy.auditHeadHash == before?.hash)
            #expect(try db.auditHead()?.id == (before?.id ?? 0) + 1)
            #expect(copy.orgs == 3)
            #expect(copy.auditRows == Int(before?.id ?? 0))
            #expect(copy.migrations.last == "v13-fee-tallies")
            // Inspecting the copy (as a restore does) changes nothing in it.
            let hash = try Self.sha(path)
            let again = try AppDatabase.inspectCopy(at: path)
            #expect(again == copy)
            #expect(try Self.sha(path) == hash)
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        }
    }

    @Test func aDamagedCopyIsSaidToBe() throws {
        try AppDatabaseTests.withSQLite { db, folder in
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
