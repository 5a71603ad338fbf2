/// One key-area org's cadre staffing (seed 001 §2.3): its cadres in post (the org's own and its subtree's) by kind,
/// and the ratio to its students (a university) or its members (a state firm).
public struct StaffingRow: Codable, Sendable, Equatable {
    public var orgID: Int64
    public var displayID: String
    public var org: String
    public var area: KeyArea
    public var fullTime: Int
    public var seconded: Int
    public var partTime: Int
    /// 在校学生数 for a university (nil until recorded), the subtree's members for a state firm.
    public var base: Int?
    /// Cadres in post per 1000 students or members.
    public var perThousand: Double?
    /// Students or members per full-time (专职 and 挂职) cadre.
    public var basePerFullTime: Double?
    public var enterpriseLevel: String?
    public var location: String?

    public init(
        orgID: Int64, org: String, area: KeyArea, fullTime: Int, seconded: Int, partTime: Int, base: Int?, enterpriseLevel: String?,
        location: String?
    ) {
        self.orgID = orgID
        self.displayID = OrgNaming.displayID(orgID)
        self.org = org
        self.area = area
        self.fullTime = fullTime
        self.seconded = seconded
        self.partTime = partTime
        self.base = base
        self.perThousand = StaffingRatio.perThousand(cadres: fullTime + seconded + partTime, base: base)
        self.basePerFullTime = StaffingRatio.basePerFullTime(fullTime: fullTime, seconded: seconded, base: base)
        self.enterpriseLevel = enterpriseLevel
        self.location = location
    }

    public var total: Int { fullTime + seconded + partTime }
}
