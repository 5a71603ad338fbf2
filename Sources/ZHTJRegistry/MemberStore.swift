import Foundation
import ZHTJCore

/// Members: imports, look-ups and corrections (transfers: `MemberLifeStore`).
public protocol MemberStore: Sendable {
    /// Imports validated rows whose branches are in `subtree`, in one transaction.
    func importMembers(_ drafts: [MemberDraft], within subtree: Subtree, caller: Caller, now: Date) throws -> ImportOutcome
    /// One member by id (`#12`), ID number, development number or exact name, within `subtree`.
    func member(key raw: String, within subtree: Subtree) throws -> MemberInfo
    func searchMembers(_ raw: String, within subtree: Subtree, limit: Int) throws -> [MemberInfo]
    func member(developmentNumber: String) throws -> (id: Int64, branchID: Int64, branchPath: String, joinYear: Int, name: String)?
    /// Sets a validated development number (refused when another member has it); returns the uploads it lets match.
    func setNumber(memberID: Int64, number: String, previous: String?, reason: String, caller: Caller, now: Date) throws -> [Int64]
    func labelEntries(orgRef: String?, memberKeys: [String], onlyMissing: Bool, within subtree: Subtree) throws -> (entries: [LabelEntry], withoutNumber: [String])
}
