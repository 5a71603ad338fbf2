import Foundation
import ZHTJCore

/// What the console needs from the daemon: its commands, run as the session's admin through the same router
/// (scope, authorization, audit), and the archive's files. The console itself knows no storage.
public protocol ConsoleBackend: Sendable {
    /// Runs a typed command as the session's admin; the audit rows say `[via console]`.
    func run<C: ZHTJCommand>(_ command: C.Type, _ params: C.Params, for session: ConsoleSession) throws -> C.Result
    /// A version of a member's e-archive (the latest when `version` is nil), checked as `archive.get` is.
    /// `audit`: record the download (once per download, not per byte range).
    func archiveFile(member: String, version: Int?, for session: ConsoleSession, audit: Bool) throws -> ConsoleFile
    /// A member's full ID number, for the reveal button; audited.
    func revealIDNumber(member: String, for session: ConsoleSession) throws -> String
}

/// An archived PDF to send: its path in `archive/` and what the page shows of it.
public struct ConsoleFile: Sendable, Equatable {
    public var path: String
    public var size: Int
    public var fileName: String
    public var version: Int
    public var sha256: String
    public init(path: String, size: Int, fileName: String, version: Int, sha256: String) {
        self.path = path
        self.size = size
        self.fileName = fileName
        self.version = version
        self.sha256 = sha256
    }
}
