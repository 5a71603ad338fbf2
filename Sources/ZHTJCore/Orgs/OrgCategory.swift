import Foundation

/// The five kinds of org in the tree (R-O1).
public enum OrgCategory: String, Codable, Sendable, CaseIterable {
    case leadingBody = "leading-body"
    case committee = "committee"
    case workingCommittee = "working-committee"
    case generalBranch = "general-branch"
    case branch = "branch"

    /// The Chinese name shown to users.
    public var chinese: String {
        switch self {
        case .leadingBody: "团的领导机关"
        case .committee: "团委"
        case .workingCommittee: "团工委"
        case .generalBranch: "团总支"
        case .branch: "团支部"
        }
    }

    /// A leading body, committee or working committee reviews the e-archives of its subtree (R-E4, R-E5).
    public var isCommitteeLevel: Bool {
        switch self {
        case .leadingBody, .committee, .workingCommittee: true
        case .generalBranch, .branch: false
        }
    }

    /// Whether an org of this category may have a child of `child`'s category (R-O1).
    /// A branch has no children; a general branch groups branches only; committees hold
    /// grassroots orgs; a leading body may hold any kind, including lower leading bodies.
    public func mayContain(_ child: OrgCategory) -> Bool {
        switch self {
        case .branch: false
        case .generalBranch: child == .branch
        case .committee, .workingCommittee: child != .leadingBody
        case .leadingBody: true
        }
    }

    /// Parses the CLI spelling (`leading-body`) or the Chinese name (`团支部`).
    public init?(userText: String) {
        let text = userText.trimmingCharacters(in: .whitespaces)
        if let value = OrgCategory(rawValue: text.lowercased()) {
            self = value
            return
        }
        if let value = OrgCategory.allCases.first(where: { $0.chinese == text }) {
            self = value
            return
        }
        switch text {
        case "领导机关", "团委领导机关": self = .leadingBody
        case "工委": self = .workingCommittee
        case "总支": self = .generalBranch
        case "支部": self = .branch
        default: return nil
        }
    }
}
