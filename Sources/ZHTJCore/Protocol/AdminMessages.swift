/// `register`: redeem a registration code (R-O6, R-O7).
public struct RegisterParams: Codable, Sendable {
    public var code: String
    /// When given, the org the admin means to register for; it must be the code's org.
    public var org: String?
    public var name: String
    public var idNumber: String
    public var joinDate: String
    public var mobile: String?
    public var email: String?

    public init(code: String, org: String?, name: String, idNumber: String, joinDate: String, mobile: String?, email: String?) {
        self.code = code
        self.org = org
        self.name = name
        self.idNumber = idNumber
        self.joinDate = joinDate
        self.mobile = mobile
        self.email = email
    }
}

public struct RegisterResult: Codable, Sendable {
    /// The secret the client stores and sends with every later request.
    public var credential: String
    public var admin: AdminInfo
    public init(credential: String, admin: AdminInfo) {
        self.credential = credential
        self.admin = admin
    }
}

public struct WhoAmIResult: Codable, Sendable {
    public var uid: UInt32
    public var isOperator: Bool
    public var admin: AdminInfo?
    public var initialised: Bool
    /// The member whose own credential was sent (R-E13).
    public var member: MemberAccountInfo?
    public init(uid: UInt32, isOperator: Bool, admin: AdminInfo?, initialised: Bool, member: MemberAccountInfo? = nil) {
        self.uid = uid
        self.isOperator = isOperator
        self.admin = admin
        self.initialised = initialised
        self.member = member
    }
}
