import Foundation

/// Statistics of one subordinate org and join year (R-E11): new members count only when authenticated if they need an e-archive.
public struct StatsRow: Codable, Sendable, Equatable {
    public var orgID: Int64
    public var org: String
    public var joinYear: Int
    public var newMembers: Int
    public var notRequired: Int
    public var notAuthenticated: Int
    public var authenticationFailed: Int
    public var authenticated: Int
    /// Authenticated among those who need an e-archive (0 to 1); nil when none needs one.
    public var shareAuthenticated: Double?
    public init(orgID: Int64, org: String, joinYear: Int, newMembers: Int, notRequired: Int, notAuthenticated: Int, authenticationFailed: Int, authenticated: Int) {
        self.orgID = orgID
        self.org = org
        self.joinYear = joinYear
        self.newMembers = newMembers
        self.notRequired = notRequired
        self.notAuthenticated = notAuthenticated
        self.authenticationFailed = authenticationFailed
        self.authenticated = authenticated
        let needing = notAuthenticated + authenticationFailed + authenticated
        self.shareAuthenticated = needing == 0 ? nil : Double(authenticated) / Double(needing)
    }
}
