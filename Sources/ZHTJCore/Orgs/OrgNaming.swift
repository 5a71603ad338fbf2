import Foundation

/// The naming conventions of R-O3, and the names derived from them.
public enum OrgNaming {
    /// A warning when `shortName` does not follow R-O3's pattern for `category`; nil when it does.
    /// Names that break the pattern are accepted: the warning is advice, not a refusal.
    public static func warning(shortName: String, category: OrgCategory) -> String? {
        let expected: String
        let ok: Bool
        switch category {
        case .leadingBody:
            ok = shortName.hasPrefix("团") && shortName.hasSuffix("委") && shortName.count >= 3
            expected = "“团” + 地区 + “委”，如 团济南市委 / \"团\" + region + \"委\", e.g. 团济南市委"
        case .committee:
            ok = shortName.hasSuffix("团委") && shortName.count > 2
            expected = "单位或地区 + “团委”，如 某某大学团委 / unit or region + \"团委\""
        case .workingCommittee:
            ok = shortName.hasSuffix("团工委") && shortName.count > 3
            expected = "单位或地区 + “团工委” / unit or region + \"团工委\""
        case .generalBranch:
            ok = shortName.hasSuffix("团总支") && shortName.count > 3
            expected = "单位 + “团总支” / unit + \"团总支\""
        case .branch:
            ok = shortName.hasSuffix("团支部") && shortName.count > 3
            expected = "单位 + “团支部”，如 包装车间团支部、计算机专业2017级3班团支部 / unit + \"团支部\""
        }
        if ok { return nil }
        return "名称“\(shortName)”不符合命名规范（\(expected)）/ the name \"\(shortName)\" does not follow the naming rule (R-O3)"
    }

    /// The full name: the parent's full name followed by the short name; a top org's full name is its short name.
    public static func fullName(shortName: String, parentFullName: String?) -> String {
        guard let parent = parentFullName else { return shortName }
        return parent + shortName
    }

    /// Checks a short name given by a user; returns the trimmed name.
    public static func validatedShortName(_ raw: String) throws(ZHTJError) -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { throw .invalidOrgName(raw, reason: "empty") }
        if name.count > 60 { throw .invalidOrgName(raw, reason: "longer than 60 characters") }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "/" }) {
            throw .invalidOrgName(raw, reason: "contains '/' or a control character")
        }
        return name
    }

    /// The name of the org's inbox folder: its 4-digit identifier and its short name, e.g. `0042-包装车间团支部`.
    public static func folderName(id: Int64, shortName: String) -> String {
        var safe = ""
        for scalar in shortName.unicodeScalars {
            if scalar == "/" || scalar.properties.generalCategory == .control {
                safe.unicodeScalars.append("_")
            } else {
                safe.unicodeScalars.append(scalar)
            }
        }
        // Keep the folder name within 255 bytes.
        while ("0000-" + safe).utf8.count > 200 { safe.removeLast() }
        return "\(OrgNaming.displayID(id))-\(safe)"
    }

    /// The identifier as users see it: at least 4 digits, zero-padded.
    public static func displayID(_ id: Int64) -> String {
        let digits = String(id)
        return digits.count >= 4 ? digits : String(repeating: "0", count: 4 - digits.count) + digits
    }
}
