/// How long lists are cut into what a person reads (issue 13, "Lists that page"): the review queue by pages of the
/// oldest items, the org tree by depth. Plain functions of the request and a count, no I/O.
public enum ListPaging {
    /// `reviews` without `limit`: the oldest 50.
    public static let defaultReviewLimit = 50
    /// The largest `limit` of `reviews` (a script that wants more walks with `after`, or asks for `all`).
    public static let maxReviewLimit = 10_000
    /// A subtree of this many orgs or more is shown `defaultTreeDepth` levels deep unless asked otherwise.
    public static let largeTree = 500
    /// `org.tree` of a large subtree without `depth`: the top and two levels below it.
    public static let defaultTreeDepth = 2
    /// The deepest `depth` of `org.tree` (real trees are about 6 levels deep).
    public static let maxTreeDepth = 100

    /// The number of reviews a page holds, or nil for every one (`all`). A `limit` outside 1 … 10 000 is refused.
    public static func reviewLimit(_ params: ReviewsParams) throws -> Int? {
        if params.all == true { return nil }
        guard let limit = params.limit else { return defaultReviewLimit }
        guard (1...maxReviewLimit).contains(limit) else {
            throw ZHTJError.limitOutOfRange(option: "limit", value: limit, lowest: 1, highest: maxReviewLimit)
        }
        return limit
    }

    /// The levels of the subtree to show below its top, or nil for the whole subtree. `subtreeSize` is the number of
    /// orgs in the subtree, counted up to `largeTree` at least (a larger count changes nothing).
    public static func treeDepth(_ params: OrgTreeParams, subtreeSize: Int) throws -> Int? {
        if params.all == true { return nil }
        if let depth = params.depth {
            guard (0...maxTreeDepth).contains(depth) else {
                throw ZHTJError.limitOutOfRange(option: "depth", value: depth, lowest: 0, highest: maxTreeDepth)
            }
            return depth
        }
        return subtreeSize >= largeTree ? defaultTreeDepth : nil
    }
}
