import Foundation

/// One member in a reminder.
public struct ReminderItem: Codable, Sendable, Equatable {
    public var memberID: Int64
    public var name: String
    public var developmentNumber: String?
    public var branch: String
    public var joinDate: String
    public var status: MemberStatus
    /// The latest file's state: nil (none, or only superseded ones), `pending` or `rejected`.
    public var latest: ArchiveState?
    public var reason: String?
    /// The last day the e-archive was on time (R-E2): 30 days after the join date's last possible day.
    public var dueDate: String
    public var overdue: Bool

    public init(
        memberID: Int64, name: String, developmentNumber: String?, branch: String, joinDate: String, status: MemberStatus,
        latest: ArchiveState?, reason: String?, dueDate: String, overdue: Bool
    ) {
        self.memberID = memberID
        self.name = name
        self.developmentNumber = developmentNumber
        self.branch = branch
        self.joinDate = joinDate
        self.status = status
        self.latest = latest
        self.reason = reason
        self.dueDate = dueDate
        self.overdue = overdue
    }

    /// Where the member's e-archive stands, in Chinese and English.
    public var stateText: String {
        switch latest {
        case .pending: "待审核 waiting for review"
        case .rejected: "被退回 rejected — 原因 reason: \(reason ?? "")"
        default: "未上传 not uploaded"
        }
    }
}
