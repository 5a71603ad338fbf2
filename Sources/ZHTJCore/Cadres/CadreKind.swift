/// The kind of a cadre (R-C1, seed 001 §3.3): full-time (专职), seconded (挂职) or part-time (兼职). Student cadres
/// are always part-time (seed 001 §3.4).
public enum CadreKind: String, Codable, Sendable, CaseIterable {
    case fullTime = "专职"
    case seconded = "挂职"
    case partTime = "兼职"

    public var english: String {
        switch self {
        case .fullTime: "full-time"
        case .seconded: "seconded"
        case .partTime: "part-time"
        }
    }

    /// The Chinese name or the English one (`full-time`, `seconded`, `part-time`).
    public init?(userText: String) {
        let text = userText.trimmingCharacters(in: .whitespaces)
        if let kind = CadreKind(rawValue: text) {
            self = kind
            return
        }
        guard let kind = CadreKind.allCases.first(where: { $0.english == text.lowercased() }) else { return nil }
        self = kind
    }
}
