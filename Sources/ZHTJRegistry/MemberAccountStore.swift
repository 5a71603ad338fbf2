import Foundation
import ZHTJCore

/// Members' own credentials (R-E13): asked for by the member, approved by the member's branch. Each method is one
/// transaction with its audit row.
public protocol MemberAccountStore: Sendable {
    /// Records a pending credential for the member, bound to `caller.uid`.
    func requestMemberAccount(memberID: Int64, credentialHash: String, caller: Caller, now: Date) throws -> MemberAccountInfo
    /// The account a credential names, and the path of the member's branch.
    func memberAccount(credentialHash: String) throws -> (account: MemberAccountInfo, branchPath: String)?
    /// The pending requests of members whose branch is in `subtree`.
    func memberAccountRequests(within subtree: Subtree) throws -> [MemberAccountInfo]
    /// Approves the member's newest pending account; an account approved before it is revoked.
    func approveMemberAccount(memberID: Int64, caller: Caller, now: Date) throws -> MemberAccountInfo
}
