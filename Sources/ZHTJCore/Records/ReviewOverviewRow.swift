import Foundation

/// Per subordinate org: where its members' e-archives stand (R-E6's second view).
public struct ReviewOverviewRow: Codable, Sendable, Equatable {
    public var org: OrgSummary
    public var pending: Int
    public var approved: Int
    public var rejected: Int
    public var notUploaded: Int
    public init(org: OrgSummary, pending: Int, approved: Int, rejected: Int, notUploaded: Int) {
        self.org = org
        self.pending = pending
        self.approved = approved
        self.rejected = rejected
        self.notUploaded = notUploaded
    }
}
