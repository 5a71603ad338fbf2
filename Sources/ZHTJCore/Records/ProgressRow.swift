import Foundation

/// One direct subordinate in the progress view (R-O8, R-O1, R-O4).
public struct ProgressRow: Codable, Sendable, Equatable {
    public var org: OrgSummary
    public var adminRegistered: Bool
    public var adminName: String?
    /// Masked (`138****5678`).
    public var adminMobile: String?
    /// Secretary recorded (R-O5) and industry set.
    public var dataComplete: Bool
    public var hasSubordinates: Bool
    public var codeIssued: Bool
    public var codeExpiresAt: Date?
    /// R-O1: a committee or general branch with no branch below.
    public var noBranchBelow: Bool
    /// R-O4: a branch with fewer than 3 members should be dissolved or merged.
    public var tooFewMembers: Bool

    public init(org: OrgSummary, adminRegistered: Bool, adminName: String?, adminMobile: String?, dataComplete: Bool, hasSubordinates: Bool,
                codeIssued: Bool, codeExpiresAt: Date?, noBranchBelow: Bool, tooFewMembers: Bool) {
        self.org = org
        self.adminRegistered = adminRegistered
        self.adminName = adminName
        self.adminMobile = adminMobile
        self.dataComplete = dataComplete
        self.hasSubordinates = hasSubordinates
        self.codeIssued = codeIssued
        self.codeExpiresAt = codeExpiresAt
        self.noBranchBelow = noBranchBelow
        self.tooFewMembers = tooFewMembers
    }
}
