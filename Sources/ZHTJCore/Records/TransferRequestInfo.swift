import Foundation

/// A transfer (R-W1): filed by the sending side; inside the tree the receiving branch (or a superior of it) checks
/// the record and accepts or refuses it; out of the tree it names the destination and ends at once.
public struct TransferRequestInfo: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable {
        case pending, accepted, refused, cancelled
        /// Out of the tree: recorded, the member is transferred out.
        case out

        public var chinese: String {
            switch self {
            case .pending: "待接收"
            case .accepted: "已接收"
            case .refused: "已退回"
            case .cancelled: "已撤回"
            case .out: "已转出"
            }
        }
    }

    public var id: Int64
    public var memberID: Int64
    public var member: String
    public var from: String
    public var fromBranchID: Int64
    /// The receiving branch (nil out of the tree).
    public var to: String?
    public var toBranchID: Int64?
    /// Out of the tree: where the member went.
    public var destination: String?
    public var note: String?
    public var state: State
    public var filedBy: String
    public var filedAt: Date
    public var decidedBy: String?
    public var decidedAt: Date?
    public var refusal: String?

    public init(
        id: Int64, memberID: Int64, member: String, from: String, fromBranchID: Int64, to: String?, toBranchID: Int64?,
        destination: String?, note: String?, state: State, filedBy: String, filedAt: Date
    ) {
        self.id = id
        self.memberID = memberID
        self.member = member
        self.from = from
        self.fromBranchID = fromBranchID
        self.to = to
        self.toBranchID = toBranchID
        self.destination = destination
        self.note = note
        self.state = state
        self.filedBy = filedBy
        self.filedAt = filedAt
    }
}
