import Foundation

/// `admin.recount`: the per-org tallies recounted from the members and their archive versions, and kept.
public struct RecountResult: Codable, Sendable {
    /// The tally rows after the recount.
    public var rows: Int
    /// What the kept tallies had wrong before (nothing, if all is well).
    public var differences: [TallyDifference]

    public init(rows: Int, differences: [TallyDifference]) {
        self.rows = rows
        self.differences = differences
    }
}

/// `admin.backup`: the folder to back up into (absolute; the CLI resolves a relative one) and whether archive objects
/// may be hard-linked instead of copied (same filesystem only).
public struct BackupParams: Codable, Sendable {
    public var dir: String
    public var link: Bool?
    public init(dir: String, link: Bool?) {
        self.dir = dir
        self.link = link
    }
}

/// `admin.backup` answers at once with the job it started; `admin.status` with `job` follows it to its end.
public struct BackupStarted: Codable, Sendable {
    public var job: Int
    public var dir: String
    public var startedAt: Date
    public init(job: Int, dir: String, startedAt: Date) {
        self.job = job
        self.dir = dir
        self.startedAt = startedAt
    }
}

/// Where a running backup is: the phase (`database`, `objects`, `refused`, `verify`, `manifest`), done of total in
/// it, and the bytes written so far.
public struct BackupProgress: Codable, Sendable, Equatable {
    public var job: Int
    public var dir: String
    public var startedAt: Date
    public var phase: String
    public var done: Int
    public var total: Int
    public var bytes: Int64
    public init(job: Int, dir: String, startedAt: Date, phase: String, done: Int, total: Int, bytes: Int64) {
        self.job = job
        self.dir = dir
        self.startedAt = startedAt
        self.phase = phase
        self.done = done
        self.total = total
        self.bytes = bytes
    }
}

public struct StatusParams: Codable, Sendable {
    /// A job of `admin.backup`: its run is returned in `job` once it has ended.
    public var job: Int?
    public init(job: Int?) { self.job = job }
}

/// `admin.status`: the storage, the audit chain's head and anchors, and the backups.
public struct AdminStatusResult: Codable, Sendable {
    public var storageRoot: String
    public var databaseBytes: Int64
    public var startedAt: Date
    public var auditHeadID: Int64?
    public var auditHeadHash: String?
    /// The last line of `outbox/audit-anchors.txt`.
    public var lastAnchor: String?
    /// The schema repairs made at this start.
    public var schemaRepairs: [String]
    /// `backup.dir`, `backup.time`, `backup.keep` (dir nil: no scheduled backup).
    public var backupDir: String?
    public var backupTime: String
    public var backupKeep: Int
    public var running: BackupProgress?
    public var lastBackup: BackupRun?
    public var lastGoodBackup: BackupRun?
    /// The operator's warning when the last good backup is more than two days old (or there is none).
    public var backupWarning: String?
    /// The run of the job asked for, once it has ended.
    public var job: BackupRun?

    public init(
        storageRoot: String, databaseBytes: Int64, startedAt: Date, auditHeadID: Int64?, auditHeadHash: String?, lastAnchor: String?,
        schemaRepairs: [String], backupDir: String?, backupTime: String, backupKeep: Int, running: BackupProgress?, lastBackup: BackupRun?,
        lastGoodBackup: BackupRun?, backupWarning: String?, job: BackupRun?
    ) {
        self.storageRoot = storageRoot
        self.databaseBytes = databaseBytes
        self.startedAt = startedAt
        self.auditHeadID = auditHeadID
        self.auditHeadHash = auditHeadHash
        self.lastAnchor = lastAnchor
        self.schemaRepairs = schemaRepairs
        self.backupDir = backupDir
        self.backupTime = backupTime
        self.backupKeep = backupKeep
        self.running = running
        self.lastBackup = lastBackup
        self.lastGoodBackup = lastGoodBackup
        self.backupWarning = backupWarning
        self.job = job
    }
}
