import Foundation

/// A change request (R-E12).
public struct ChangeRequestInfo: Codable, Sendable, Equatable {
    public var id: Int64
    public var memberID: Int64
    public var member: String
    public var reason: String
    public var state: String
    public var requestedBy: String
    public var decisionReason: String?
    public var createdAt: Date
    public init(id: Int64, memberID: Int64, member: String, reason: String, state: String, requestedBy: String, decisionReason: String?, createdAt: Date) {
        self.id = id
        self.memberID = memberID
        self.member = member
        self.reason = reason
        self.state = state
        self.requestedBy = requestedBy
        self.decisionReason = decisionReason
        self.createdAt = createdAt
    }
}
