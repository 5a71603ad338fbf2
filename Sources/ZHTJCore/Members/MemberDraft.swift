import Foundation

/// A member's data as validated from one row of an import table (R-M1), before the branch is resolved.
public struct MemberDraft: Equatable, Sendable {
    public var line: Int
    public var name: String
    public var idNumber: String
    public var birthDate: CivilDate
    public var ethnicity: String
    public var politicalStatus: String
    public var joinDate: JoinDate
    /// The branch as the table names it: an identifier or a full name.
    public var branch: String
    public var isCadre: Bool
    public var developmentNumber: String?
    public var mobile: String?
    public var education: String?
    public var occupation: String?

    public var needsEArchive: Bool { MembershipRules.needsEArchive(joined: joinDate) }
}

/// A problem with one cell (or a whole row) of an import table.
public struct RowIssue: Equatable, Sendable, Codable {
    public var line: Int
    public var column: String
    public var value: String
    public var reason: String

    public init(line: Int, column: String, value: String, reason: String) {
        self.line = line
        self.column = column
        self.value = value
        self.reason = reason
    }
}

/// The problems of one row.
public struct RowIssues: Error, Equatable, Sendable {
    public var issues: [RowIssue]
}
