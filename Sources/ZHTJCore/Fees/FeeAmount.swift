/// A league fee in fen (分), read from yuan text (R-W4): `0.20`, `0.2`, `1`, `¥0.50`, `0.50元`. Refused: zero,
/// negatives, more than two decimals, and more than `maxFen` (a typing error, not a monthly fee).
public enum FeeAmount {
    /// 10 000 yuan: the most one month's payment may be.
    public static let maxFen = 1_000_000

    /// The fen in `raw`, or a bilingual reason.
    public static func parse(_ raw: String) -> Result<Int, FeeProblem> {
        var text = raw.trimmingCharacters(in: .whitespaces)
        for mark in ["¥", "￥", "元", "RMB", "rmb"] { text = text.replacingOccurrences(of: mark, with: "") }
        text = text.trimmingCharacters(in: .whitespaces)
        let bad = FeeProblem(field: "金额 amount", value: raw, reason: "应为以元为单位、最多两位小数的正数 / expected a positive amount in yuan with at most 2 decimals, e.g. 0.20")
        if text.hasPrefix("-") {
            return .failure(FeeProblem(field: "金额 amount", value: raw, reason: "不能为负数 / must not be negative"))
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty || parts.count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return .failure(bad) }
        let decimals = parts.count == 2 ? String(parts[1]) : ""
        guard decimals.count <= 2, parts.count == 1 || !decimals.isEmpty else {
            return .failure(FeeProblem(field: "金额 amount", value: raw, reason: "最多两位小数（分） / at most 2 decimals (fen)"))
        }
        let whole = String(parts[0].drop { $0 == "0" })
        guard whole.count <= 7, let yuan = Int(whole.isEmpty ? "0" : whole) else { return .failure(tooLarge(raw)) }
        let fen = yuan * 100 + (Int(decimals.padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0)
        guard fen > 0 else { return .failure(FeeProblem(field: "金额 amount", value: raw, reason: "不能为零 / must not be zero")) }
        guard fen <= maxFen else { return .failure(tooLarge(raw)) }
        return .success(fen)
    }

    private static func tooLarge(_ raw: String) -> FeeProblem {
        FeeProblem(field: "金额 amount", value: raw, reason: "超过\(maxFen / 100)元，应为一个月的团费 / more than \(maxFen / 100) yuan: one month's fee is expected")
    }

    /// `20` → `0.20`.
    public static func yuan(_ fen: Int) -> String {
        let cents = fen % 100
        return "\(fen / 100)." + (cents < 10 ? "0" : "") + "\(cents)"
    }
}

/// A value of a fee payment that is not accepted, with the field and a bilingual reason.
public struct FeeProblem: Error, Equatable, Sendable {
    public var field: String
    public var value: String
    public var reason: String

    public init(field: String, value: String, reason: String) {
        self.field = field
        self.value = value
        self.reason = reason
    }
}
