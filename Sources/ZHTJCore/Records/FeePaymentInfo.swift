import Foundation

/// One recorded league-fee payment (R-W4): a member, a month, an amount; kept for ever, never changed.
public struct FeePaymentInfo: Codable, Sendable, Equatable {
    public var id: Int64
    public var memberID: Int64
    public var member: String
    /// `YYYY-MM`.
    public var month: String
    public var amountFen: Int
    /// The amount in yuan, `0.20`.
    public var amount: String
    /// `manual` (`fee.record`) or `import` (`fee.import`).
    public var source: String
    /// The payment channel's reference (流水号), if given.
    public var reference: String?
    public var recordedAt: Date
    public var recordedBy: String

    public init(
        id: Int64, memberID: Int64, member: String, month: String, amountFen: Int, source: String, reference: String?, recordedAt: Date,
        recordedBy: String
    ) {
        self.id = id
        self.memberID = memberID
        self.member = member
        self.month = month
        self.amountFen = amountFen
        self.amount = FeeAmount.yuan(amountFen)
        self.source = source
        self.reference = reference
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}
