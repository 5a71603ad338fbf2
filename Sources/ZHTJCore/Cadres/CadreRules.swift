/// Who enters and removes cadres, and the cadre-specific readings of a row (R-C1, R-C2, seed 001 §2.1, §2.4, §3.4),
/// as pure functions.
public enum CadreRules {
    /// Under this age the party-application fields are optional (R-C1).
    public static let partyApplicationAge = 18

    /// Seed 001 §2.1: a leading body, committee, working committee or general branch enters its own level's cadres;
    /// a branch's cadres are entered by the branch or its direct superior.
    public static func mayEnter<ID: Equatable>(adminOrg: ID, target: ID, targetCategory: OrgCategory, targetParent: ID?) -> Bool {
        if adminOrg == target { return true }
        return targetCategory == .branch && targetParent != nil && adminOrg == targetParent
    }

    /// R-C2, seed 001 §2.4: only a leading body or a grassroots committee (团委, 团工委) removes cadres: its own org's,
    /// and those of the general branches and branches whose superior committee it is (`cadreOrgCommittee`: the
    /// nearest committee-level ancestor of the cadre's org).
    public static func mayRemove<ID: Equatable>(adminOrg: ID, adminCategory: OrgCategory, cadreOrg: ID, cadreOrgCategory: OrgCategory, cadreOrgCommittee: ID?) -> Bool {
        guard adminCategory.isCommitteeLevel else { return false }
        if adminOrg == cadreOrg { return true }
        return !cadreOrgCategory.isCommitteeLevel && cadreOrgCommittee == adminOrg
    }

    /// 中共党员 and 中共预备党员 (and their longer spellings): only they have a party join date.
    public static func isPartyMember(_ politicalStatus: String) -> Bool {
        let text = politicalStatus.trimmingCharacters(in: .whitespaces)
        return text.contains("党员") && !text.contains("非")
    }

    /// A student cadre (seed 001 §3.4): the occupation says a student (学生, 在读, 在校).
    public static func isStudent(occupation: String) -> Bool {
        ["学生", "在读", "在校"].contains { occupation.contains($0) }
    }

    /// Why a student cadre's kind is wrong, or nil: student cadres are part-time (seed 001 §3.4).
    public static func kindProblem(kind: CadreKind, occupation: String) -> String? {
        guard isStudent(occupation: occupation), kind != .partTime else { return nil }
        return "学生团干部均按兼职录入（职业：\(occupation)）/ student cadres are part-time (兼职), not \(kind.english) (seed 001 §3.4)"
    }

    /// 是/否 (and yes/no, y/n, true/false, 1/0); nil when neither.
    public static func yesNo(_ raw: String) -> Bool? {
        switch raw.trimmingCharacters(in: .whitespaces).lowercased() {
        case "是", "y", "yes", "true", "1": true
        case "否", "n", "no", "false", "0": false
        default: nil
        }
    }

    /// 在岗 / 不在岗 (or 是 / 否); nil when neither.
    public static func onDuty(_ raw: String) -> Bool? {
        switch raw.trimmingCharacters(in: .whitespaces) {
        case "在岗": true
        case "不在岗", "离岗": false
        default: yesNo(raw)
        }
    }
}
