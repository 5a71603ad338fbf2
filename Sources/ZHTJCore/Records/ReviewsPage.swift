import Foundation

/// One page of a reviewer's queue (`reviews`): the oldest pending reviews first, by id.
public struct ReviewsPage: Codable, Sendable, Equatable {
    /// The reviews of this page, by id.
    public var items: [ReviewItem]
    /// Every pending review the caller's org decides, on this page or not.
    public var total: Int
    /// The pending reviews after this page (id greater than the last item's); 0 when `next` is absent.
    public var remaining: Int
    /// The `after` of the next page (the last item's id); absent when nothing is left after this page.
    public var next: Int64?

    public init(items: [ReviewItem], total: Int, remaining: Int, next: Int64?) {
        self.items = items
        self.total = total
        self.remaining = remaining
        self.next = next
    }
}
