import Foundation

/// One line of a committee's reminder: what is open below one direct subordinate org, or (`own`) among the members
/// the org holds directly.
public struct SubordinateReminder: Codable, Sendable, Equatable {
    /// nil for the org's own members.
    public var orgID: Int64?
    public var displayID: String?
    public var name: String
    public var counts: ReminderCounts

    public init(orgID: Int64?, displayID: String?, name: String, counts: ReminderCounts) {
        self.orgID = orgID
        self.displayID = displayID
        self.name = name
        self.counts = counts
    }

    /// The line for the members an org above branch level holds directly.
    public static func own(_ counts: ReminderCounts) -> SubordinateReminder {
        SubordinateReminder(orgID: nil, displayID: nil, name: "本级团员 / own members", counts: counts)
    }
}
