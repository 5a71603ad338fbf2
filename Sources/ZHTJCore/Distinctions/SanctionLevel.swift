/// The league's disciplinary sanctions (团章 第七章: 警告、严重警告、撤销团内职务、留团察看、开除团籍), lightest first.
/// Recording 开除团籍 does not end the membership: leaving the league is its own procedure (R-M4).
public enum SanctionLevel: String, CaseIterable, Sendable {
    case warning = "警告"
    case seriousWarning = "严重警告"
    case removalFromPost = "撤销团内职务"
    case probation = "留团察看"
    case expulsion = "开除团籍"

    public var english: String {
        switch self {
        case .warning: "warning"
        case .seriousWarning: "serious-warning"
        case .removalFromPost: "removal-from-post"
        case .probation: "probation"
        case .expulsion: "expulsion"
        }
    }

    /// From the Chinese name or the English word (`serious-warning`, case and spaces ignored).
    public init?(userText raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let folded = text.lowercased().replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
        guard let found = Self.allCases.first(where: { $0.rawValue == text || $0.english == folded }) else { return nil }
        self = found
    }

    public static let choices = allCases.map { "\($0.rawValue) (\($0.english))" }.joined(separator: "、")
}
