import Foundation

/// A cadre as the registry keeps it (R-C1): the person, the current (or last) post, and, once removed, where the
/// person went (R-C2). The record is never deleted.
public struct CadreInfo: Codable, Sendable, Equatable {
    public var id: Int64
    public var orgID: Int64
    public var org: String
    /// The member record, for a branch's cadre (a member with a post).
    public var memberID: Int64?
    public var name: String
    /// Whole in a single cadre's answer, masked (`110101********1234`) in lists.
    public var idNumber: String
    public var ethnicity: String
    public var education: String
    public var occupation: String
    public var politicalStatus: String
    public var joinDate: String
    public var developmentNumber: String?
    public var partyJoinDate: String?
    public var post: String
    /// `YYYY-MM`.
    public var postSince: String
    public var appointedHow: String
    public var kind: CadreKind
    public var partyCommitteeMember: Bool
    public var onDuty: Bool
    public var mobile: String
    public var partyApplication: Bool?
    public var partyApplicationDate: String?
    public var volunteer: Bool
    public var volunteerDate: String?
    /// R-C1: joined in 2020 or later, so the application form (入团志愿书) is required.
    public var needsApplicationForm: Bool
    public var createdAt: Date
    /// Set when removed (R-C2): the post ended, the record stays.
    public var removedAt: Date?
    public var removedTo: CadreDestination?
    /// The destination in words when `removedTo` is 其他.
    public var removedOther: String?
    /// The posts held, oldest first (with `cadre list --all-posts` and in single answers).
    public var posts: [CadrePostInfo]?

    public var inPost: Bool { removedAt == nil }

    public init(
        id: Int64, orgID: Int64, org: String, memberID: Int64?, name: String, idNumber: String, ethnicity: String, education: String,
        occupation: String, politicalStatus: String, joinDate: String, post: String, postSince: String, appointedHow: String,
        kind: CadreKind, partyCommitteeMember: Bool, onDuty: Bool, mobile: String, volunteer: Bool, needsApplicationForm: Bool,
        createdAt: Date
    ) {
        self.id = id
        self.orgID = orgID
        self.org = org
        self.memberID = memberID
        self.name = name
        self.idNumber = idNumber
        self.ethnicity = ethnicity
        self.education = education
        self.occupation = occupation
        self.politicalStatus = politicalStatus
        self.joinDate = joinDate
        self.post = post
        self.postSince = postSince
        self.appointedHow = appointedHow
        self.kind = kind
        self.partyCommitteeMember = partyCommitteeMember
        self.onDuty = onDuty
        self.mobile = mobile
        self.volunteer = volunteer
        self.needsApplicationForm = needsApplicationForm
        self.createdAt = createdAt
    }

    /// The ID number and mobile masked, as lists show them.
    public var masked: CadreInfo {
        var copy = self
        copy.idNumber = IDNumber.masked(idNumber)
        copy.mobile = Mobile.masked(mobile)
        return copy
    }
}
