/// How a member left the registry (R-M4, R-W1): three ways of leaving the league, each a recorded and approved
/// procedure, and a transfer out of the tree. The member's record is kept for ever; a member who has left counts
/// nowhere (statistics, reminders, member counts).
public enum Departure: String, Codable, Sendable, CaseIterable {
    case withdrew = "退团"
    case lapsed = "脱团"
    case expelled = "开除团籍"
    case transferredOut = "转出"

    public var english: String {
        switch self {
        case .withdrew: "withdrew from the league"
        case .lapsed: "lapsed from the league"
        case .expelled: "expelled from the league"
        case .transferredOut: "transferred out of this tree"
        }
    }

    /// The kinds a branch can ask for with `zhtj member leave` (a transfer out is `zhtj transfer --out`).
    public static let leaveKinds: [Departure] = [.withdrew, .lapsed, .expelled]

    /// A leave kind from its Chinese name or an English word (`withdraw`, `lapse`, `expel`).
    public init?(leaveKind text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch t {
        case "退团", "withdraw", "withdrew", "withdrawal": self = .withdrew
        case "脱团", "lapse", "lapsed": self = .lapsed
        case "开除团籍", "expel", "expelled", "expulsion": self = .expelled
        default: return nil
        }
    }

    public var description: String { "\(rawValue) / \(english)" }
}
