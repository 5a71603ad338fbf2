import Foundation

/// A member as the protocol shows it. In lists `idNumber` is masked (`110101********1234`).
public struct MemberInfo: Codable, Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var idNumber: String
    public var ethnicity: String
    public var politicalStatus: String
    public var joinDate: String
    public var branchID: Int64
    public var branch: String
    public var isCadre: Bool
    public var developmentNumber: String?
    public var mobile: String?
    public var education: String?
    public var occupation: String?
    public var needsEArchive: Bool
    public var createdAt: Date
    /// The e-archive versions, oldest first (only in `member.show`).
    public var archives: [ArchiveVersionInfo]?
    /// The authentication status (R-E9).
    public var status: MemberStatus?
    /// The member's trail (only in `member.show`).
    public var history: [HistoryEntry]?
    /// When and how the member left the league or the tree (R-M4, R-W1); nil while a member here.
    public var leftAt: Date?
    public var departure: Departure?

    public init(
        id: Int64, name: String, idNumber: String, ethnicity: String, politicalStatus: String, joinDate: String,
        branchID: Int64, branch: String, isCadre: Bool, developmentNumber: String?, mobile: String?,
        education: String?, occupation: String?, needsEArchive: Bool, createdAt: Date
    ) {
        self.id = id
        self.name = name
        self.idNumber = idNumber
        self.ethnicity = ethnicity
        self.politicalStatus = politicalStatus
        self.joinDate = joinDate
        self.branchID = branchID
        self.branch = branch
        self.isCadre = isCadre
        self.developmentNumber = developmentNumber
        self.mobile = mobile
        self.education = education
        self.occupation = occupation
        self.needsEArchive = needsEArchive
        self.createdAt = createdAt
    }

    /// The same member with the ID number masked, for lists.
    public var masked: MemberInfo {
        var copy = self
        copy.idNumber = IDNumber.masked(idNumber)
        if let m = mobile { copy.mobile = Mobile.masked(m) }
        return copy
    }
}
