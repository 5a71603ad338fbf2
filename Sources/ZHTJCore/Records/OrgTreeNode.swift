import Foundation

public struct OrgTreeNode: Codable, Sendable {
    public var org: OrgSummary
    public var depth: Int
    public init(org: OrgSummary, depth: Int) {
        self.org = org
        self.depth = depth
    }
}
