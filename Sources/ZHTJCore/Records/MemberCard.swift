import Foundation

/// What the electronic member card shows (R-W3): identity (the ID number hidden but its last four), join date,
/// development number, branch, authentication status, transfers, the fees of the last 12 months, rewards and
/// sanctions, and when it was made.
public struct MemberCard: Codable, Sendable, Equatable {
    public struct Transfer: Codable, Sendable, Equatable {
        public var at: Date
        public var from: String
        /// The receiving branch, or where the member went out of the tree.
        public var to: String
        public var outOfTree: Bool
        public init(at: Date, from: String, to: String, outOfTree: Bool) {
            self.at = at
            self.from = from
            self.to = to
            self.outOfTree = outOfTree
        }
    }

    public struct Fee: Codable, Sendable, Equatable {
        /// `YYYY-MM`.
        public var month: String
        /// In fen; nil: not paid (or not recorded).
        public var amountFen: Int?
        public init(month: String, amountFen: Int?) {
            self.month = month
            self.amountFen = amountFen
        }
    }

    public struct Distinction: Codable, Sendable, Equatable {
        /// `award` or `sanction`.
        public var kind: String
        public var title: String
        public var level: String
        public var date: String
        public var document: String
        public var grantedBy: String
        public init(kind: String, title: String, level: String, date: String, document: String, grantedBy: String) {
            self.kind = kind
            self.title = title
            self.level = level
            self.date = date
            self.document = document
            self.grantedBy = grantedBy
        }
    }

    public var memberID: Int64
    public var name: String
    /// `**************1234`.
    public var idNumber: String
    public var ethnicity: String
    public var joinDate: String
    public var developmentNumber: String?
    public var branch: String
    public var status: MemberStatus
    public var departure: Departure?
    public var transfers: [Transfer]
    /// The 12 months before the card's month, oldest first.
    public var fees: [Fee]
    public var distinctions: [Distinction]
    public var madeAt: Date

    public init(
        member: MemberInfo, transfers: [Transfer], fees: [Fee], distinctions: [Distinction], madeAt: Date
    ) {
        memberID = member.id
        name = member.name
        idNumber = IDNumber.lastFour(member.idNumber)
        ethnicity = member.ethnicity
        joinDate = member.joinDate
        developmentNumber = member.developmentNumber
        branch = member.branch
        status = member.status ?? ReviewRules.status(needsEArchive: member.needsEArchive, latest: nil)
        departure = member.departure
        self.transfers = transfers
        self.fees = fees
        self.distinctions = distinctions
        self.madeAt = madeAt
    }

    /// The 12 months before `month` (`YYYY-MM`), oldest first: the card's fee lines.
    public static func feeMonths(before today: CivilDate) -> [String] {
        (1...12).reversed().map { back in
            let index = today.year * 12 + (today.month - 1) - back
            return String(format: "%04d-%02d", index / 12, index % 12 + 1)
        }
    }
}
