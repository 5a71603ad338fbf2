import Foundation

/// An org's reminder (R-E2, R-E10): what is open in its subtree, and the reviews waiting for it.
///
/// A branch (an org with no subordinate org) gets every open member by name. An org above branch level gets the
/// counts per direct subordinate and the oldest overdue members of its subtree (`reminders.oldest`, default 20), so
/// its size grows with the number of subordinates, not with the members below them; `zhtj reminders --all` (or
/// `--csv FILE`) asks for every name.
public struct Reminder: Codable, Sendable, Equatable {
    public var org: OrgSummary
    public var date: String
    /// The whole subtree, counted.
    public var counts: ReminderCounts
    public var listing: ReminderListing
    /// With `listing == .members`: the open members by kind, oldest due first; empty otherwise.
    public var notUploaded: [ReminderItem]
    public var waitingForReview: [ReminderItem]
    public var rejected: [ReminderItem]
    /// Overdue members (more than 30 days after joining, not authenticated), oldest due first: every one with
    /// `listing == .members`, the oldest `reminders.oldest` of the subtree with `.oldestOverdue`.
    public var overdue: [ReminderItem]
    /// Above branch level: one line per direct subordinate org, in tree order, and one for the org's own members
    /// if it holds any; empty for a branch.
    public var subordinates: [SubordinateReminder]
    /// Pending reviews this org must decide, oldest first (at most `reminders.oldest` of them)…
    public var reviewsWaiting: [ReviewItem]
    /// … of this many.
    public var reviewsWaitingCount: Int

    public init(
        org: OrgSummary, date: String, counts: ReminderCounts, listing: ReminderListing, notUploaded: [ReminderItem] = [],
        waitingForReview: [ReminderItem] = [], rejected: [ReminderItem] = [], overdue: [ReminderItem] = [],
        subordinates: [SubordinateReminder] = [], reviewsWaiting: [ReviewItem] = [], reviewsWaitingCount: Int? = nil
    ) {
        self.org = org
        self.date = date
        self.counts = counts
        self.listing = listing
        self.notUploaded = notUploaded
        self.waitingForReview = waitingForReview
        self.rejected = rejected
        self.overdue = overdue
        self.subordinates = subordinates
        self.reviewsWaiting = reviewsWaiting
        self.reviewsWaitingCount = reviewsWaitingCount ?? reviewsWaiting.count
    }

    public var isEmpty: Bool { counts.isEmpty && reviewsWaitingCount == 0 }

    /// Every listed open member once (the overdue list repeats some of them).
    public var listedMembers: [ReminderItem] { notUploaded + waitingForReview + rejected }
}

/// How a reminder lists members.
public enum ReminderListing: String, Codable, Sendable {
    /// Every open member of the org by name: a branch's reminder, or `--all`.
    case members
    /// Counts per subordinate and the oldest overdue members: an org above branch level.
    case oldestOverdue = "oldest-overdue"
}
