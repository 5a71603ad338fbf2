import Foundation

/// One member in a reminder.
public struct ReminderItem: Codable, Sendable, Equatable {
    public var memberID: Int64
    public var name: String
    public var developmentNumber: String?
    public var branch: String
    public var joinDate: String
    public var status: MemberStatus
    public var reason: String?
    public var overdue: Bool
    public init(memberID: Int64, name: String, developmentNumber: String?, branch: String, joinDate: String, status: MemberStatus, reason: String?, overdue: Bool) {
        self.memberID = memberID
        self.name = name
        self.developmentNumber = developmentNumber
        self.branch = branch
        self.joinDate = joinDate
        self.status = status
        self.reason = reason
        self.overdue = overdue
    }
}
