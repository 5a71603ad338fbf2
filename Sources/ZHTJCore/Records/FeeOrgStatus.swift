/// One org's league fees for a month (R-W4), its whole subtree: the members who have not left and had joined by the
/// month, how many of them paid and how much. `fee.status` gives one per direct subordinate (the branches, for an org
/// just above them), from the kept tallies (v13).
public struct FeeOrgStatus: Codable, Sendable, Equatable {
    public var orgID: Int64
    public var org: String
    public var members: Int
    public var paid: Int
    public var unpaid: Int
    public var paidFen: Int

    public init(orgID: Int64, org: String, members: Int, paid: Int, paidFen: Int) {
        self.orgID = orgID
        self.org = org
        self.members = members
        self.paid = paid
        self.unpaid = members - paid
        self.paidFen = paidFen
    }
}
