import Foundation
import ZHTJCore

/// Cadres (R-C1, R-C2) and the key-area figures (seed 001 §2.2, §2.3). The handlers decide who may act (the
/// domain's `CadreRules`); each write is one transaction with its audit row.
public protocol CadreStore: Sendable {
    /// Adds validated cadres to `orgID` in one transaction with one audit row. A branch's cadre must be a member of
    /// the branch (by ID number and name) and is linked to that member; a person already in post at the org is
    /// refused. Refused rows come back as issues; the good ones go in.
    func addCadres(_ drafts: [CadreDraft], orgID: Int64, caller: Caller, now: Date) throws -> CadreAddOutcome
    /// One cadre by `#id`/number, ID number or name, whose org is in `subtree` (one in post before removed ones).
    func cadre(key: String, within subtree: Subtree) throws -> CadreInfo
    /// The cadres of the orgs in `subtree` (in post only unless `includeRemoved`, then with their posts), by org and
    /// id, at most `limit`.
    func cadres(within subtree: Subtree, includeRemoved: Bool, limit: Int) throws -> [CadreInfo]
    /// Ends the current post and starts `post` (the history keeps both).
    func changeCadrePost(id: Int64, post: String, since: String, how: String, caller: Caller, now: Date) throws -> CadreInfo
    /// Ends the post and records the destination (R-C2); the record stays.
    func removeCadre(id: Int64, to destination: CadreDestination, other: String?, caller: Caller, now: Date) throws -> CadreInfo
    /// The figures an org recorded, if any.
    func keyArea(orgID: Int64) throws -> KeyAreaInfo?
    /// Records an org's figures once; a second time is refused.
    func setKeyArea(orgID: Int64, area: KeyArea, students: Int?, level: String?, location: String?, caller: Caller, now: Date) throws -> KeyAreaInfo
    /// The cadre e-database of an org (R-E14): its cadres in post, each with the member of the same ID number (not
    /// left) and that member's authentication status.
    func cadreArchives(orgID: Int64) throws -> [CadreArchiveRow]
    /// Per key-area org (of its own level) in `subtree`, of `area` or both: cadres in post by kind and the base.
    func staffing(within subtree: Subtree, area: KeyArea?) throws -> [StaffingRow]
}

/// What adding cadres did.
public struct CadreAddOutcome: Sendable {
    public var added: [CadreInfo] = []
    public var issues: [RowIssue] = []
    public var rejectedLines: Set<Int> = []

    public init() {}
}
