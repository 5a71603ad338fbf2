import Foundation
import ZHTJCore

/// Members: imports, look-ups, corrections and transfers.
public protocol MemberStore: Sendable {
    func importMembers(_ drafts: [MemberDraft], caller: Caller, now: Date) throws -> ImportOutcome
    func member(key raw: String, caller: Caller) throws -> MemberInfo
    func searchMembers(_ raw: String, caller: Caller, limit: Int) throws -> [MemberInfo]
    func member(developmentNumber: String) throws -> (id: Int64, branchID: Int64, branchPath: String, joinYear: Int, name: String)?
    func setNumber(memberKey: String, number raw: String, reason: String, caller: Caller, now: Date) throws -> MemberInfo
    func transfer(memberKey: String, to targetRef: String, caller: Caller, now: Date) throws -> MemberInfo
    func labelEntries(orgRef: String?, memberKeys: [String], onlyMissing: Bool, caller: Caller) throws -> (entries: [LabelEntry], withoutNumber: [String])
}
