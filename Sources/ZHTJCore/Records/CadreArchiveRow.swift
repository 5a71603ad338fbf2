/// One line of an org's cadre e-database (本级团干部电子数据库, R-E14): a cadre in post and where their e-archive
/// stands. A cadre's e-archive is their member e-archive: the member registered with the same ID number, whose
/// uploads, numbers, reviews (R-E4/R-E5 by the uploading org's category), reminders and statistics are the members'.
public struct CadreArchiveRow: Codable, Sendable, Equatable {
    public var cadreID: Int64
    public var name: String
    public var post: String
    public var joinDate: String
    public var developmentNumber: String?
    /// Joined in 2020 or later (R-E1, R-C1: the form is optional for those who joined before).
    public var needsEArchive: Bool
    /// The member with the cadre's ID number (nil: not registered as a member, so no e-archive can be kept yet).
    public var memberID: Int64?
    public var branch: String?
    /// The member's authentication status (R-E9); nil without a member.
    public var status: MemberStatus?

    public init(
        cadreID: Int64, name: String, post: String, joinDate: String, developmentNumber: String?, needsEArchive: Bool,
        memberID: Int64?, branch: String?, status: MemberStatus?
    ) {
        self.cadreID = cadreID
        self.name = name
        self.post = post
        self.joinDate = joinDate
        self.developmentNumber = developmentNumber
        self.needsEArchive = needsEArchive
        self.memberID = memberID
        self.branch = branch
        self.status = status
    }

    /// Whether the cadre still owes an e-archive: needed, and not authenticated (or not a registered member).
    public var open: Bool { needsEArchive && status != .authenticated }
}
