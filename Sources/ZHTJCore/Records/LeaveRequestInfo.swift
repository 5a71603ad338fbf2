import Foundation

/// A request to record that a member leaves the league (R-M4): filed by the member's branch, decided by the
/// superior committee.
public struct LeaveRequestInfo: Codable, Sendable, Equatable {
    public var id: Int64
    public var memberID: Int64
    public var member: String
    public var branch: String
    public var kind: Departure
    public var reason: String
    public var meetingDate: String
    /// The org that decides: the branch's superior committee.
    public var decider: String
    public var deciderOrgID: Int64
    /// `pending`, `approved` or `rejected`.
    public var state: String
    public var filedBy: String
    public var filedAt: Date
    public var decidedBy: String?
    public var decidedAt: Date?
    public var decisionReason: String?
    /// Whether the admin who asked may decide it.
    public var yoursToDecide: Bool?

    public init(
        id: Int64, memberID: Int64, member: String, branch: String, kind: Departure, reason: String, meetingDate: String,
        decider: String, deciderOrgID: Int64, state: String, filedBy: String, filedAt: Date
    ) {
        self.id = id
        self.memberID = memberID
        self.member = member
        self.branch = branch
        self.kind = kind
        self.reason = reason
        self.meetingDate = meetingDate
        self.decider = decider
        self.deciderOrgID = deciderOrgID
        self.state = state
        self.filedBy = filedBy
        self.filedAt = filedAt
    }
}
