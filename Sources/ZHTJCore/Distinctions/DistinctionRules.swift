import Foundation

/// What a reward or sanction must say before it is recorded (R-W2), as pure functions: each check returns the
/// cleaned value or a bilingual problem naming the field.
public enum DistinctionRules {
    /// The longest title, level or document reference accepted.
    public static let maxLength = 200

    public struct Problem: Error, Equatable, Sendable {
        public var field: String
        public var value: String
        public var reason: String
    }

    /// A validated entry: the level normalised (a sanction's Chinese name), the document's date parsed.
    public struct Checked: Equatable, Sendable {
        public var kind: DistinctionKind
        public var title: String
        public var level: String
        public var date: CivilDate
        public var document: String
    }

    /// Checks an entry made on `today`: a title, a level (for a sanction one of the league's five), a document date
    /// `YYYY-MM-DD` not after today, and the document's reference.
    public static func check(kind: DistinctionKind, title: String, level: String, date: String, document: String, today: CivilDate)
        -> Result<Checked, Problem>
    {
        func text(_ value: String, _ field: String) -> Result<String, Problem> {
            let t = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if t.isEmpty { return .failure(Problem(field: field, value: value, reason: "不能为空 / must not be empty")) }
            if t.count > maxLength {
                return .failure(Problem(field: field, value: String(t.prefix(20)) + "…", reason: "超过\(maxLength)个字 / longer than \(maxLength) characters"))
            }
            return .success(t)
        }
        let cleanTitle: String, cleanDocument: String, cleanLevel: String
        switch text(title, "名称 title") {
        case .success(let t): cleanTitle = t
        case .failure(let p): return .failure(p)
        }
        switch text(document, "文件 document") {
        case .success(let t): cleanDocument = t
        case .failure(let p): return .failure(p)
        }
        switch kind {
        case .award:
            switch text(level, "级别 level") {
            case .success(let t): cleanLevel = t
            case .failure(let p): return .failure(p)
            }
        case .sanction:
            guard let sanction = SanctionLevel(userText: level) else {
                return .failure(Problem(field: "处分 level", value: level, reason: "应为 / one of: \(SanctionLevel.choices)"))
            }
            cleanLevel = sanction.rawValue
        }
        guard let parsed = JoinDate(date), let day = parsed.date else {
            return .failure(Problem(field: "文件日期 date", value: date, reason: "应为年-月-日 / expected YYYY-MM-DD, e.g. 2024-03-15"))
        }
        guard day <= today else {
            return .failure(Problem(field: "文件日期 date", value: date, reason: "晚于今天（\(today)） / after today (\(today))"))
        }
        return .success(Checked(kind: kind, title: cleanTitle, level: cleanLevel, date: day, document: cleanDocument))
    }
}
