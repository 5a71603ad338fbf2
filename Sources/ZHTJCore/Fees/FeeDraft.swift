/// One validated row of a fee table: who paid (as the table names the member), for which month, how much.
public struct FeeDraft: Equatable, Sendable {
    public enum Key: Hashable, Sendable {
        case idNumber(String)
        case developmentNumber(String)

        /// The key as a report shows it (an ID number masked).
        public var shown: String {
            switch self {
            case .idNumber(let v): v.count == 18 ? IDNumber.masked(v) : v
            case .developmentNumber(let v): v
            }
        }

        public var column: String {
            switch self {
            case .idNumber: FeeTable.Column.idNumber.rawValue
            case .developmentNumber: FeeTable.Column.developmentNumber.rawValue
            }
        }
    }

    public var line: Int
    public var key: Key
    public var month: String
    public var amountFen: Int
    public var reference: String?

    public init(line: Int, key: Key, month: String, amountFen: Int, reference: String?) {
        self.line = line
        self.key = key
        self.month = month
        self.amountFen = amountFen
        self.reference = reference
    }
}
