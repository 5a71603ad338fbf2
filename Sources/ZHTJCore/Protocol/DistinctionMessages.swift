/// `distinction.add`: a reward or sanction of a member, entered by the granting org (R-W2).
public struct DistinctionAddParams: Codable, Sendable {
    public var member: String
    public var kind: DistinctionKind
    public var title: String
    /// An award's level (free text); a sanction's kind (警告, 严重警告, 撤销团内职务, 留团察看, 开除团籍, or the English words).
    public var level: String
    /// The document's date, `YYYY-MM-DD`.
    public var date: String
    public var document: String

    public init(member: String, kind: DistinctionKind, title: String, level: String, date: String, document: String) {
        self.member = member
        self.kind = kind
        self.title = title
        self.level = level
        self.date = date
        self.document = document
    }
}
