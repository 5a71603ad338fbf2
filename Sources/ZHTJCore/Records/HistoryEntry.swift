import Foundation

/// One line of a member's trail (`zhtj history`).
public struct HistoryEntry: Codable, Sendable, Equatable {
    public var at: String
    public var action: String
    public var actor: String
    public var reason: String?
    public init(at: String, action: String, actor: String, reason: String?) {
        self.at = at
        self.action = action
        self.actor = actor
        self.reason = reason
    }
}
