/// A cadre's data as validated from one row of the cadre table or one `cadre add` (R-C1), before the org is known.
public struct CadreDraft: Equatable, Sendable {
    public var line: Int
    public var name: String
    public var idNumber: String
    public var birthDate: CivilDate
    public var ethnicity: String
    public var education: String
    public var occupation: String
    public var politicalStatus: String
    public var joinDate: JoinDate
    public var developmentNumber: String?
    public var partyJoinDate: JoinDate?
    public var post: String
    /// `YYYY-MM`.
    public var postSince: String
    public var appointedHow: String
    public var kind: CadreKind
    /// 是否同级党（工）委（党支部）委员.
    public var partyCommitteeMember: Bool
    /// 在岗状态: on duty (在岗) or not (不在岗).
    public var onDuty: Bool
    public var mobile: String
    /// nil when not given (optional under 18 and for party members).
    public var partyApplication: Bool?
    public var partyApplicationDate: JoinDate?
    public var volunteer: Bool
    public var volunteerDate: JoinDate?

    /// R-C1: the application form (入团志愿书) is required only of those who joined in 2020 or later.
    public var needsApplicationForm: Bool { MembershipRules.needsEArchive(joined: joinDate) }
}
