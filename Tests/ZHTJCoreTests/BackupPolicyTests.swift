import Foundation
import Testing
import ZHTJCore

/// When the operator is told backups are missing (issue 14, R-M4).
@Suite struct BackupPolicyTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    let day: TimeInterval = 86_400

    @Test func aRecentGoodBackupSaysNothing() {
        #expect(BackupPolicy.warning(lastGood: now - day, registryStart: now - 100 * day, backupDir: "/b", now: now) == nil)
        #expect(BackupPolicy.warning(lastGood: now - 2 * day, registryStart: nil, backupDir: nil, now: now) == nil)
    }

    @Test func anOldGoodBackupIsNamedWithItsAge() {
        let line = BackupPolicy.warning(lastGood: now - 3 * day - 10, registryStart: now - 100 * day, backupDir: "/b", now: now)
        #expect(line?.contains("the last good backup is 3 days old") == true)
        #expect(line?.contains("zhtj admin backup /b") == true)
    }

    @Test func aNewRegistryGetsTwoDays() {
        #expect(BackupPolicy.warning(lastGood: nil, registryStart: now - day, backupDir: nil, now: now) == nil)
        #expect(BackupPolicy.warning(lastGood: nil, registryStart: nil, backupDir: nil, now: now) == nil)
        let line = BackupPolicy.warning(lastGood: nil, registryStart: now - 3 * day, backupDir: nil, now: now)
        #expect(line?.contains("no good backup") == true && line?.contains("set backup.dir") == true)
    }
}
