/// One branch's league fees for a month (R-W4): its members who have not left, how many paid and how much.
public struct FeeBranchStatus: Codable, Sendable, Equatable {
    public var orgID: Int64
    public var branch: String
    public var members: Int
    public var paid: Int
    public var unpaid: Int
    public var paidFen: Int

    public init(orgID: Int64, branch: String, members: Int, paid: Int, paidFen: Int) {
        self.orgID = orgID
        self.branch = branch
        self.members = members
        self.paid = paid
        self.unpaid = members - paid
        self.paidFen = paidFen
    }
}
