import Foundation

/// `member.leave`: the branch asks for a member's leaving to be recorded (R-M4).
public struct LeaveParams: Codable, Sendable {
    public var member: String
    /// 退团, 脱团 or 开除团籍 (or withdraw, lapse, expel).
    public var kind: String
    public var reason: String
    /// The branch meeting that decided it, `YYYY-MM-DD`.
    public var meetingDate: String
    public init(member: String, kind: String, reason: String, meetingDate: String) {
        self.member = member
        self.kind = kind
        self.reason = reason
        self.meetingDate = meetingDate
    }
}

/// `leave.list` and `transfer.list`: open requests only unless `all`.
public struct RequestListParams: Codable, Sendable {
    /// For transfers: `incoming`, `outgoing` or absent (both).
    public var direction: String?
    public var all: Bool?
    public init(direction: String? = nil, all: Bool? = nil) {
        self.direction = direction
        self.all = all
    }
}

/// `transfer`: files a transfer to a branch of the tree (`to`) or records one out of it (`out`) (R-E11, R-W1).
public struct TransferParams: Codable, Sendable {
    public var member: String
    public var to: String?
    /// Out of the tree: where the member goes (another province, the army, …).
    public var out: String?
    public var note: String?
    public init(member: String, to: String? = nil, out: String? = nil, note: String? = nil) {
        self.member = member
        self.to = to
        self.out = out
        self.note = note
    }
}

/// `member.card`: the card's data and the A4 PDF drawn from it (R-W3).
public struct MemberCardResult: Codable, Sendable {
    public var card: MemberCard
    public var pages: Int
    public var pdfBase64: String
    public init(card: MemberCard, pages: Int, pdfBase64: String) {
        self.card = card
        self.pages = pages
        self.pdfBase64 = pdfBase64
    }
}

/// `member.selfRegister`: a member asks for a credential of their own (R-E13), by ID number and name.
public struct SelfRegisterParams: Codable, Sendable {
    public var idNumber: String
    public var name: String
    public init(idNumber: String, name: String) {
        self.idNumber = idNumber
        self.name = name
    }
}

public struct SelfRegisterResult: Codable, Sendable {
    /// The secret, shown once; it works for the system user who asked, once the branch approves it.
    public var credential: String
    public var account: MemberAccountInfo
    public init(credential: String, account: MemberAccountInfo) {
        self.credential = credential
        self.account = account
    }
}
