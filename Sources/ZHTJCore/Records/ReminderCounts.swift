import Foundation

/// What is open below an org (R-E2, R-E10), counted: members who need an e-archive and have none (or only
/// superseded files), whose file waits for review, whose file was rejected; and of those, the overdue ones.
public struct ReminderCounts: Codable, Sendable, Equatable {
    public var notUploaded: Int
    public var waitingForReview: Int
    public var rejected: Int
    /// More than 30 days after joining and not authenticated (R-E2); a subset of the three above.
    public var overdue: Int

    public init(notUploaded: Int = 0, waitingForReview: Int = 0, rejected: Int = 0, overdue: Int = 0) {
        self.notUploaded = notUploaded
        self.waitingForReview = waitingForReview
        self.rejected = rejected
        self.overdue = overdue
    }

    /// Not authenticated: no file, waiting or rejected (R-E9).
    public var notAuthenticated: Int { notUploaded + waitingForReview + rejected }

    public var isEmpty: Bool { notAuthenticated == 0 }

    public static func - (a: ReminderCounts, b: ReminderCounts) -> ReminderCounts {
        ReminderCounts(
            notUploaded: a.notUploaded - b.notUploaded, waitingForReview: a.waitingForReview - b.waitingForReview,
            rejected: a.rejected - b.rejected, overdue: a.overdue - b.overdue)
    }

    public static func + (a: ReminderCounts, b: ReminderCounts) -> ReminderCounts {
        ReminderCounts(
            notUploaded: a.notUploaded + b.notUploaded, waitingForReview: a.waitingForReview + b.waitingForReview,
            rejected: a.rejected + b.rejected, overdue: a.overdue + b.overdue)
    }
}
