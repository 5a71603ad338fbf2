import Foundation

/// A reward or sanction as recorded (R-W2): by the granting org, with the working days from the document's date to
/// the entry, and the warning when that was more than 20.
public struct DistinctionInfo: Codable, Sendable, Equatable {
    public var id: Int64
    public var memberID: Int64
    public var member: String
    public var kind: DistinctionKind
    public var title: String
    /// An award's level (free text, e.g. 市级); a sanction's kind (警告 … 开除团籍).
    public var level: String
    /// The document's date, `YYYY-MM-DD`.
    public var date: String
    /// The document's reference, e.g. 团粤发〔2024〕15号.
    public var document: String
    public var grantingOrgID: Int64
    public var grantingOrg: String
    public var enteredAt: Date
    public var enteredBy: String
    /// Working days after `date` up to the day of entry (R-W2).
    public var workingDays: Int
    /// More than 20 working days (R-W2).
    public var late: Bool
    /// Present when `late`: what the entry is told.
    public var warning: String?

    public init(
        id: Int64, memberID: Int64, member: String, kind: DistinctionKind, title: String, level: String, date: String, document: String,
        grantingOrgID: Int64, grantingOrg: String, enteredAt: Date, enteredBy: String, workingDays: Int
    ) {
        self.id = id
        self.memberID = memberID
        self.member = member
        self.kind = kind
        self.title = title
        self.level = level
        self.date = date
        self.document = document
        self.grantingOrgID = grantingOrgID
        self.grantingOrg = grantingOrg
        self.enteredAt = enteredAt
        self.enteredBy = enteredBy
        self.workingDays = workingDays
        self.late = WorkingDays.isLate(workingDays: workingDays)
        self.warning = WorkingDays.lateWarning(workingDays: workingDays)
    }
}
