/// The key areas whose cadre staffing is monitored (seed 001 §2.2, §2.3): universities and state-owned firms.
public enum KeyArea: String, Codable, Sendable, CaseIterable {
    case university
    case soe

    /// The industries of each area (R-O2's industry category).
    public var industries: [String] {
        switch self {
        case .university: ["普通高等院校", "高等职业（专科）院校"]
        case .soe: ["国有企业"]
        }
    }

    public var chinese: String {
        switch self {
        case .university: "高校"
        case .soe: "国有企业"
        }
    }

    /// The area of an industry, or nil. `高等职业(专科)院校` with ASCII brackets counts too.
    public static func of(industry: String?) -> KeyArea? {
        guard let raw = industry else { return nil }
        let text = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
        return allCases.first { $0.industries.contains(text) }
    }

    /// Seed 001 §3.2: the org of the area's own level (高校本级): the highest org of the area on its path, i.e. one
    /// whose parent is not of the same area. (An org's industry defaults to its parent's, so a university's colleges
    /// and classes share its industry; only the top one records the figures and is monitored.)
    public static func ownLevel(industry: String?, parentIndustry: String?, isRoot: Bool) -> KeyArea? {
        guard let area = of(industry: industry) else { return nil }
        return isRoot || of(industry: parentIndustry) != area ? area : nil
    }

    /// The CLI's spelling (`university`, `soe`) or the Chinese (`高校`, `国企`, `国有企业`).
    public init?(userText: String) {
        switch userText.trimmingCharacters(in: .whitespaces).lowercased() {
        case "university", "universities", "高校": self = .university
        case "soe", "state-firm", "国企", "国有企业": self = .soe
        default: return nil
        }
    }
}

/// The figures a key-area org records once (seed 001 §2.2): a university's student count, a state firm's level and
/// location. "提交成功后不允许修改": once submitted they are not changed.
public enum KeyAreaRules {
    /// 企业层级.
    public static let enterpriseLevels = ["中央企业", "省属企业", "市属企业", "县属企业"]

    public static let maxStudents = 2_000_000

    /// The enterprise level as stored, or nil: `央企` is 中央企业, `省属`/`省管` 省属企业 and so on.
    public static func enterpriseLevel(_ raw: String) -> String? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if enterpriseLevels.contains(text) { return text }
        switch text {
        case "央企", "中央", "central": return "中央企业"
        case "省属", "省管", "省管企业", "province", "provincial": return "省属企业"
        case "市属", "市管", "市管企业", "city", "municipal": return "市属企业"
        case "县属", "县管", "县管企业", "区属企业", "county": return "县属企业"
        default: return nil
        }
    }

    /// Why the given figures do not fit the org's area, or nil: a university gives only a student count (1 to
    /// 2 000 000), a state firm a level and a location and nothing else.
    public static func problem(area: KeyArea, students: Int?, level: String?, location: String?) -> String? {
        switch area {
        case .university:
            guard level == nil, location == nil else {
                return "高校只填写在校学生数 / a university records its student count only (--students N)"
            }
            guard let students else { return "请填写在校学生数 --students N / give the student count: --students N" }
            guard (1...maxStudents).contains(students) else {
                return "在校学生数应为1到\(maxStudents)之间的整数 / the student count must be a whole number from 1 to \(maxStudents)"
            }
        case .soe:
            guard students == nil else { return "国有企业不填写在校学生数 / a state firm records no student count" }
            guard let level, let location else {
                return "请同时填写企业层级和企业所在驻地 / give both --enterprise-level and --location"
            }
            guard enterpriseLevel(level) != nil else {
                return "企业层级应为\(enterpriseLevels.joined(separator: "、")) / the enterprise level is one of \(enterpriseLevels.joined(separator: ", "))"
            }
            let place = location.trimmingCharacters(in: .whitespaces)
            guard !place.isEmpty, place.count <= 100 else {
                return "企业所在驻地应为1到100个字 / the location is 1 to 100 characters"
            }
        }
        return nil
    }
}

extension KeyAreaRules {
    /// The refusal of a second submission (seed 001 §2.2: "提交成功后不允许修改").
    public static func alreadyRecorded(_ found: KeyAreaInfo) -> ZHTJError {
        let value = found.studentCount.map { "在校学生数 \($0)" } ?? "\(found.enterpriseLevel ?? "") \(found.location ?? "")"
        let at = UTCStamp.string(found.recordedAt)
        return ZHTJError.invalidField(
            field: "重点领域信息 key-area figures", value: value,
            reason: "\(found.org)已于\(at)提交，提交后不允许修改 / \(found.org) submitted them on \(at); they are not changed once submitted (seed 001 §2.2)")
    }
}
