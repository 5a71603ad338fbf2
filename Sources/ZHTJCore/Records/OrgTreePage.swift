import Foundation

/// The subtree of one org as `org.tree` shows it: whole, or down to `depth` levels below its top.
public struct OrgTreePage: Codable, Sendable, Equatable {
    /// The orgs shown, depth-first, children in identifier order; the top has depth 0.
    public var nodes: [OrgTreeNode]
    /// Every org of the subtree, the top included, shown or not.
    public var total: Int
    /// The levels shown below the top; absent when the whole subtree was asked for (`all`, or a small tree).
    public var depth: Int?

    public init(nodes: [OrgTreeNode], total: Int, depth: Int?) {
        self.nodes = nodes
        self.total = total
        self.depth = depth
    }

    /// The orgs of the subtree that are not shown.
    public var hidden: Int { max(0, total - nodes.count) }
}
