import Foundation

/// A member's own credential (R-E13): bound to the system user who asked for it, usable once the member's branch
/// approved it, and only for that member's record (`member.show`, `archive.get`, `member.card`).
public struct MemberAccountInfo: Codable, Sendable, Equatable {
    public var id: Int64
    public var memberID: Int64
    public var member: String
    public var branchID: Int64
    public var branch: String
    public var uid: UInt32
    /// `pending`, `approved` or `revoked` (a newer one was approved).
    public var state: String
    public var requestedAt: Date
    public var decidedBy: String?
    public var decidedAt: Date?

    public init(id: Int64, memberID: Int64, member: String, branchID: Int64, branch: String, uid: UInt32, state: String, requestedAt: Date) {
        self.id = id
        self.memberID = memberID
        self.member = member
        self.branchID = branchID
        self.branch = branch
        self.uid = uid
        self.state = state
        self.requestedAt = requestedAt
    }
}
