import Foundation
import ZHTJCore

/// The audit chain: every change's row is written by the store in the change's own transaction (a storage
/// invariant); from outside, only refusals are recorded and the recent events read.
public protocol AuditLog: Sendable {
    func recordRefusal(caller: Caller, action: String, target: String, detail: String?, now: Date) throws
    /// Records an event that changes nothing in the registry but must be on record (a console login link, an ID
    /// number revealed in the console).
    func recordEvent(caller: Caller, action: String, target: String, detail: String?, now: Date) throws
    func events(limit: Int) throws -> [(action: String, target: String, uid: Int64, adminID: Int64?)]
    /// Checks the chain row by row in one read and lists the archived documents' hashes (the files are the
    /// caller's to check, outside the transaction).
    func verifyAuditChain() throws -> AuditChainCheck
    /// The newest audit row's id and hash (nil for an empty chain): what an anchor records.
    func auditHead() throws -> (id: Int64, hash: String)?
    /// The stored hash of audit row `id`, nil when there is no such row.
    func auditRowHash(id: Int64) throws -> String?
    /// Audits a download whose bytes were read (R-E13).
    func recordDownload(memberID: Int64, version: Int, caller: Caller, now: Date) throws
    /// Audits a member card that was made (R-W3, R-E13).
    func recordCard(memberID: Int64, pages: Int, caller: Caller, now: Date) throws
}
