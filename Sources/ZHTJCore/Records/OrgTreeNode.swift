import Foundation

public struct OrgTreeNode: Codable, Sendable, Equatable {
    public var org: OrgSummary
    /// Levels below the top of the tree shown (the top: 0).
    public var depth: Int
    /// On a node at the depth limit of `org.tree`: the orgs below it that are not shown (absent when none).
    public var hidden: Int?
    public init(org: OrgSummary, depth: Int, hidden: Int? = nil) {
        self.org = org
        self.depth = depth
        self.hidden = hidden
    }
}
