import ZHTJCore

/// A reward or sanction as the handler checked it: the working days are counted by the domain's calendar.
public struct NewDistinction: Sendable, Equatable {
    public var memberID: Int64
    public var kind: DistinctionKind
    public var title: String
    public var level: String
    public var date: CivilDate
    public var document: String
    public var workingDays: Int

    public init(memberID: Int64, kind: DistinctionKind, title: String, level: String, date: CivilDate, document: String, workingDays: Int) {
        self.memberID = memberID
        self.kind = kind
        self.title = title
        self.level = level
        self.date = date
        self.document = document
        self.workingDays = workingDays
    }
}
