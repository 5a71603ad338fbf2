import Foundation

/// One backup (issue 14): where it went, what it copied, and whether it is good. Kept in the database's `backupRun`
/// table once it ends, shown by `zhtj admin status`, returned to `zhtj admin backup`.
public struct BackupRun: Codable, Sendable, Equatable {
    /// The daemon's number for the job (counted from 1 at each start); `admin.status` finds a finished job by it.
    public var job: Int
    /// `command` (`zhtj admin backup`) or `schedule` (`backup.time`).
    public var trigger: String
    public var startedAt: Date
    public var finishedAt: Date?
    /// The backup folder and the snapshot written in it (`snapshots/<name>`).
    public var dir: String
    public var snapshot: String?
    /// True only when the copy was checked (integrity_check, every copied object's hash) and its manifest written.
    public var ok: Bool
    /// What went wrong, in Chinese and English, with what to do.
    public var error: String?
    /// Archive objects copied now, hard-linked now (`--link`), and already in the folder from earlier backups.
    public var objectsCopied: Int = 0
    public var objectsLinked: Int = 0
    public var objectsPresent: Int = 0
    /// Files kept in `refused/` (with their reasons), and how many of them were new to the folder.
    public var refusedFiles: Int = 0
    public var refusedCopied: Int = 0
    /// Bytes written to the folder (database copy and new objects).
    public var bytesCopied: Int64 = 0
    /// The audit chain's head in the copy (also in the manifest: an anchor outside the database).
    public var auditHeadID: Int64?
    public var auditHeadHash: String?
    public var databaseSHA256: String?
    /// Older snapshots removed under `backup.keep`.
    public var pruned: [String] = []
    /// Seconds per phase: `database copy`, `database check` (integrity_check, the documents' list), `database hash`,
    /// `objects`, `refused`, `verify`, `sync and manifest`.
    public var seconds: [String: Double] = [:]

    public init(job: Int, trigger: String, startedAt: Date, dir: String) {
        self.job = job
        self.trigger = trigger
        self.startedAt = startedAt
        self.dir = dir
        self.ok = false
    }
}
