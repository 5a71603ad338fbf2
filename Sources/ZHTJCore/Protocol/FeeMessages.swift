/// `fee.record`: one member's payment for one month (R-W4).
public struct FeeRecordParams: Codable, Sendable {
    public var member: String
    /// `YYYY-MM`.
    public var month: String
    /// Yuan as text, `0.20`: parsed by the daemon (at most 2 decimals, more than 0).
    public var amount: String
    public var reference: String?

    public init(member: String, month: String, amount: String, reference: String? = nil) {
        self.member = member
        self.month = month
        self.amount = amount
        self.reference = reference
    }
}

/// `fee.import`: a payment channel's table.
public struct FeeImportParams: Codable, Sendable {
    public var fileName: String
    /// The file's bytes, base64 (UTF-8 or GB18030).
    public var contentBase64: String

    public init(fileName: String, contentBase64: String) {
        self.fileName = fileName
        self.contentBase64 = contentBase64
    }
}

public struct FeeImportReport: Codable, Sendable {
    public var fileName: String
    public var encoding: String
    public var rows: Int
    public var recorded: Int
    public var rejectedRows: Int
    public var issues: [RowIssue]

    public init(fileName: String, encoding: String, rows: Int, recorded: Int, rejectedRows: Int, issues: [RowIssue]) {
        self.fileName = fileName
        self.encoding = encoding
        self.rows = rows
        self.recorded = recorded
        self.rejectedRows = rejectedRows
        self.issues = issues
    }
}

/// `fee.status`: who has not paid a month, per branch.
public struct FeeStatusParams: Codable, Sendable {
    /// An org inside the admin's subtree; default the admin's org.
    public var org: String?
    public var month: String
    /// At most this many unpaid members listed (default 1000, at most 100 000); the counts are always whole.
    public var limit: Int?

    public init(org: String?, month: String, limit: Int? = nil) {
        self.org = org
        self.month = month
        self.limit = limit
    }
}

public struct FeeStatusResult: Codable, Sendable {
    public var orgID: Int64
    public var org: String
    public var month: String
    public var members: Int
    public var paid: Int
    public var unpaid: Int
    public var paidFen: Int
    /// One per direct subordinate of the org (the org itself when it has none).
    public var rows: [FeeOrgStatus]
    /// The unpaid members, by branch then id: the first `limit`.
    public var unpaidMembers: [FeeUnpaidMember]

    public init(orgID: Int64, org: String, month: String, rows: [FeeOrgStatus], unpaidMembers: [FeeUnpaidMember]) {
        self.orgID = orgID
        self.org = org
        self.month = month
        self.members = rows.map(\.members).reduce(0, +)
        self.paid = rows.map(\.paid).reduce(0, +)
        self.unpaid = rows.map(\.unpaid).reduce(0, +)
        self.paidFen = rows.map(\.paidFen).reduce(0, +)
        self.rows = rows
        self.unpaidMembers = unpaidMembers
    }
}
