import Foundation
import ZHTJCore

/// Leaving the league (R-M4) and transfers with acceptance (R-W1). The handlers check who may act (the domain's
/// rules); each method is one transaction that also checks the request is still open and appends the audit row.
public protocol MemberLifeStore: Sendable {
    /// Files a leave request for a member (refused while one is open), decided by `deciderOrgID`.
    func fileLeave(memberID: Int64, kind: Departure, reason: String, meetingDate: String, deciderOrgID: Int64, caller: Caller, now: Date) throws -> LeaveRequestInfo
    func leaveRequest(id: Int64) throws -> LeaveRequestInfo?
    /// The leave requests of members whose branch is in `subtree` (open ones unless `all`), newest last.
    func leaveRequests(within subtree: Subtree, all: Bool) throws -> [LeaveRequestInfo]
    /// Decides an open request; approving marks the member as left (kind, date), out of every count.
    func decideLeave(id: Int64, approve: Bool, reason: String?, caller: Caller, now: Date) throws -> LeaveRequestInfo
    /// The superior committee that decides for a branch (as a branch's reviewer, R-E4; the root if none).
    func deciderOrg(branchID: Int64) throws -> Int64

    /// Files a transfer to `target` (pending until accepted), or records one out of the tree (`destination`).
    func fileTransfer(memberID: Int64, to target: OrgSummary?, destination: String?, note: String?, caller: Caller, now: Date) throws -> TransferRequestInfo
    func transferRequest(id: Int64) throws -> TransferRequestInfo?
    /// Transfers coming into (`incoming`) or going out of (`outgoing`) `subtree`, or both (nil); open ones unless `all`.
    func transferRequests(within subtree: Subtree, incoming: Bool?, all: Bool) throws -> [TransferRequestInfo]
    /// Ends an open transfer: `accepted` moves the member (recorded in `transfer`), `refused` and `cancelled` do not.
    func decideTransfer(id: Int64, to state: TransferRequestInfo.State, reason: String?, caller: Caller, now: Date) throws -> TransferRequestInfo

    /// The card's lines of a member (R-W3): the moves (and a transfer out), the payments of `months`, and the
    /// rewards and sanctions.
    func cardLines(memberID: Int64, months: [String]) throws -> (transfers: [MemberCard.Transfer], fees: [MemberCard.Fee], distinctions: [MemberCard.Distinction])
}
