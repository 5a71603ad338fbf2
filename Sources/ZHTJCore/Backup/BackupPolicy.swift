import Foundation

/// When the operator is told that backups are missing (issue 14): the last good backup is more than two days old,
/// or there has never been one and the registry is more than two days old (a new installation gets two days).
public enum BackupPolicy {
    public static let maxAge: TimeInterval = 2 * 86_400

    public static func warning(lastGood: Date?, registryStart: Date?, backupDir: String?, now: Date) -> String? {
        let how = backupDir == nil
            ? "set backup.dir (a daily backup) or run `zhtj admin backup DIR`"
            : "see `zhtj admin status` for the last backup's error, or run `zhtj admin backup \(backupDir!)`"
        if let lastGood {
            let age = now.timeIntervalSince(lastGood)
            guard age > maxAge else { return nil }
            let days = Int(age / 86_400)
            return "上次成功备份是 \(days) 天前 / the last good backup is \(days) days old: \(how)"
        }
        guard let registryStart, now.timeIntervalSince(registryStart) > maxAge else { return nil }
        return "从未成功备份 / there is no good backup of this registry yet: \(how)"
    }
}
