/// A reward (表彰奖励) or a sanction (纪律处分) of a member (R-W2).
public enum DistinctionKind: String, Codable, Sendable, CaseIterable {
    case award
    case sanction

    public var chinese: String {
        switch self {
        case .award: "表彰奖励"
        case .sanction: "纪律处分"
        }
    }
}
