/// An org's kept tally that a recount from the members and their archive versions does not confirm: the members of
/// the org's subtree who joined in `joinYear` and whose e-archive stands at `bucket` (`none`, `pending`, `rejected`,
/// `approved`), as kept (`stored`) and as recounted (`actual`). For the overdue tallies (v8) `bucket` is `open` and
/// `dueDate` the day the open members' e-archives were due; `joinYear` is then the due date's year.
public struct TallyDifference: Codable, Sendable, Equatable {
    public var orgID: Int64
    public var joinYear: Int
    public var bucket: String
    public var stored: Int
    public var actual: Int
    public var dueDate: String?

    public init(orgID: Int64, joinYear: Int, bucket: String, dueDate: String? = nil, stored: Int, actual: Int) {
        self.orgID = orgID
        self.joinYear = joinYear
        self.bucket = bucket
        self.stored = stored
        self.actual = actual
        self.dueDate = dueDate
    }
}
