/// `admin.recount`: the per-org tallies recounted from the members and their archive versions, and kept.
public struct RecountResult: Codable, Sendable {
    /// The tally rows after the recount.
    public var rows: Int
    /// What the kept tallies had wrong before (nothing, if all is well).
    public var differences: [TallyDifference]

    public init(rows: Int, differences: [TallyDifference]) {
        self.rows = rows
        self.differences = differences
    }
}
