import Foundation
import ZHTJCore

/// Backups (issue 14): an online copy of the database that writes do not wait for, and the record of each backup.
public protocol BackupStore: Sendable {
    /// Copies the database to a new file at `path` through the online backup API (writes go on meanwhile; the copy
    /// is one consistent moment), makes the copy a single self-contained file, checks it and describes it.
    /// `progress` gets (pages done, pages in all).
    func copyDatabase(to path: String, progress: @escaping (Int, Int) throws -> Void) throws -> DatabaseCopy
    /// Keeps the record of a backup that ended (good or not).
    func recordBackup(_ run: BackupRun) throws
    /// The last backup that ended, and the last good one.
    func lastBackups() throws -> (last: BackupRun?, lastGood: BackupRun?)
    /// When the audit chain began (the first row's time): how old the registry is.
    func auditStart() throws -> Date?
}

/// What a database copy holds, read from the copy itself.
public struct DatabaseCopy: Sendable, Equatable {
    /// `PRAGMA integrity_check`'s answer (`["ok"]` for a sound file).
    public var integrity: [String]
    /// The migrations applied in the copy.
    public var migrations: [String]
    /// Every archived document's hash, sorted.
    public var documentHashes: [String]
    public var auditHeadID: Int64?
    public var auditHeadHash: String?
    public var orgs: Int
    public var members: Int
    public var versions: Int
    public var auditRows: Int

    public init(
        integrity: [String], migrations: [String], documentHashes: [String], auditHeadID: Int64?, auditHeadHash: String?, orgs: Int,
        members: Int, versions: Int, auditRows: Int
    ) {
        self.integrity = integrity
        self.migrations = migrations
        self.documentHashes = documentHashes
        self.auditHeadID = auditHeadID
        self.auditHeadHash = auditHeadHash
        self.orgs = orgs
        self.members = members
        self.versions = versions
        self.auditRows = auditRows
    }
}
