import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Crash points for the fault-injection tests: when `ZHTJD_TEST_CRASH_AT` names a point, the daemon kills itself
/// there with SIGKILL, as a power cut would. Only tests set that variable; unset, each point costs one comparison.
public enum FaultInjection {
    static let crashAt = ProcessInfo.processInfo.environment["ZHTJD_TEST_CRASH_AT"]

    /// The points, in the order a file meets them.
    public static let points = [
        "ingest.inspected", "ingest.archived", "ingest.committed", "ingest.removed", "refuse.committed", "refuse.moved",
        "review.committed",
    ]

    /// `ZHTJD_TEST_SLOW_BACKUP` (milliseconds): a pause at each step a backup reports, so a test sees its progress.
    static let slowBackup = ProcessInfo.processInfo.environment["ZHTJD_TEST_SLOW_BACKUP"].flatMap { UInt32($0) }

    static func slowBackupStep() {
        if let slowBackup { usleep(slowBackup * 1000) }
    }

    static func point(_ name: String) {
        if let crashAt, crashAt == name {
            kill(getpid(), SIGKILL)
        }
    }
}
