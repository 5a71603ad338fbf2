/// Where a removed cadre went (R-C2, seed 001 §2.4.1): a fixed list, or 其他 (other) with the destination in words.
/// The seed shows the list only as a picture, so the list here is the usual one for league cadres.
public enum CadreDestination: String, Codable, Sendable, CaseIterable {
    case leaguePost = "转任团内其他职务"
    case partyGovernment = "交流到党政机关"
    case institution = "交流到企事业单位"
    case graduated = "毕业"
    case ageLimit = "超龄离任"
    case retired = "退休"
    case other = "其他"

    /// The CLI's spelling.
    public var code: String {
        switch self {
        case .leaguePost: "league-post"
        case .partyGovernment: "party-government"
        case .institution: "institution"
        case .graduated: "graduated"
        case .ageLimit: "age-limit"
        case .retired: "retired"
        case .other: "other"
        }
    }

    public var english: String {
        switch self {
        case .leaguePost: "another league post"
        case .partyGovernment: "a party or government body"
        case .institution: "a firm or public institution"
        case .graduated: "graduated"
        case .ageLimit: "over the age limit"
        case .retired: "retired"
        case .other: "other"
        }
    }

    /// The Chinese name or the code (`league-post`, …, `other`).
    public init?(userText: String) {
        let text = userText.trimmingCharacters(in: .whitespaces)
        guard let found = CadreDestination.allCases.first(where: { $0.rawValue == text || $0.code == text.lowercased() }) else { return nil }
        self = found
    }

    /// Every choice, for messages: `转任团内其他职务 (league-post)、…`.
    public static var choices: String {
        allCases.map { "\($0.rawValue) (\($0.code))" }.joined(separator: "、")
    }
}
