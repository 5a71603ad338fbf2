import Foundation

/// `reminders`: the reminders of the caller's org (or one org of its subtree), and what `--send` did.
public struct RemindersResult: Codable, Sendable {
    public var reminders: [Reminder]
    /// With `--send`: per org identifier, `sent`, `already-sent` or `nothing-open`.
    public var delivery: [String: String]
    public init(reminders: [Reminder], delivery: [String: String]) {
        self.reminders = reminders
        self.delivery = delivery
    }
}

public struct BannerResult: Codable, Sendable {
    /// An admin's open items (R-E10).
    public var line: String?
    /// The operator's: no good backup for more than two days (issue 14).
    public var operatorLine: String?
    public init(line: String?, operatorLine: String? = nil) {
        self.line = line
        self.operatorLine = operatorLine
    }
}

public struct RemindersParams: Codable, Sendable {
    public var org: String?
    public var send: Bool
    /// Every open member of the subtree by name instead of the daily reminder's counts and oldest overdue (absent: false).
    public var all: Bool?
    public init(org: String?, send: Bool, all: Bool? = nil) {
        self.org = org
        self.send = send
        self.all = all
    }
}

public struct StatsParams: Codable, Sendable {
    public var org: String?
    public var year: Int?
    public init(org: String?, year: Int?) {
        self.org = org
        self.year = year
    }
}

