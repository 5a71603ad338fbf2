import Foundation

/// A join date as members' tables give it: `YYYY-MM` (入团年月) or `YYYY-MM-DD`.
/// Separators `-`, `/`, `.` and the forms `2019年5月` / `2019年5月4日` are accepted.
public struct JoinDate: Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    /// nil when only the month is known.
    public let day: Int?

    public init?(_ raw: String) {
        var text = raw.trimmingCharacters(in: .whitespaces)
        text = text.replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "-")
            .replacingOccurrences(of: "日", with: "").replacingOccurrences(of: "/", with: "-")
            .replacingOccurrences(of: ".", with: "-")
        if text.hasSuffix("-") { text.removeLast() }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        // 201905 / 20190504 without separators
        if parts.count == 1, text.allSatisfy(\.isASCIIDigit), text.count == 6 || text.count == 8 {
            let chars = Array(text)
            let y = Int(String(chars[0..<4]))!, m = Int(String(chars[4..<6]))!
            let d = text.count == 8 ? Int(String(chars[6..<8]))! : nil
            self.init(year: y, month: m, day: d)
            return
        }
        guard parts.count == 2 || parts.count == 3,
            parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }),
            parts[0].count == 4,
            let y = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        let d = parts.count == 3 ? Int(parts[2]) : nil
        self.init(year: y, month: m, day: d)
    }

    public init?(year: Int, month: Int, day: Int?) {
        guard (1900...9999).contains(year), (1...12).contains(month) else { return nil }
        if let day, CivilDate(year: year, month: month, day: day) == nil { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public var hasDay: Bool { day != nil }

    /// The exact date, or nil when only the month is known.
    public var date: CivilDate? { day.flatMap { CivilDate(year: year, month: month, day: $0) } }

    /// The earliest and latest day the join date can mean.
    public var firstDay: CivilDate { CivilDate(year: year, month: month, day: day ?? 1)! }
    public var lastDay: CivilDate {
        CivilDate(year: year, month: month, day: day ?? CivilDate.daysIn(year: year, month: month))!
    }

    /// `YYYY-MM` or `YYYY-MM-DD`.
    public var description: String {
        if let day { return String(format: "%04d-%02d-%02d", year, month, day) }
        return String(format: "%04d-%02d", year, month)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
