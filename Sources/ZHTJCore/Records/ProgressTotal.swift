import Foundation

/// Per category: how many subordinates there are and how many have a registered admin.
public struct ProgressTotal: Codable, Sendable, Equatable {
    public var category: OrgCategory
    public var orgs: Int
    public var registered: Int
    public init(category: OrgCategory, orgs: Int, registered: Int) {
        self.category = category
        self.orgs = orgs
        self.registered = registered
    }
}
