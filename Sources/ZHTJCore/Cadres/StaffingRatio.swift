/// The staffing figures of one key-area org (seed 001 §2.3): cadres in post by kind, and their ratio to the org's
/// students (a university) or members (a state firm).
public enum StaffingRatio {
    /// Cadres in post per 1000 of `base`, to one decimal; nil without a base.
    public static func perThousand(cadres: Int, base: Int?) -> Double? {
        guard let base, base > 0 else { return nil }
        return (Double(cadres) * 10000 / Double(base)).rounded() / 10
    }

    /// How many of `base` there are per full-time cadre (专职 and 挂职 together), to one decimal: "one full-time
    /// cadre per N students". nil without a base or without a full-time cadre.
    public static func basePerFullTime(fullTime: Int, seconded: Int, base: Int?) -> Double? {
        guard let base, base > 0, fullTime + seconded > 0 else { return nil }
        return (Double(base) * 10 / Double(fullTime + seconded)).rounded() / 10
    }

    /// `1:250.0`, or `—`.
    public static func text(_ value: Double?) -> String {
        guard let value else { return "—" }
        return "1:\(value)"
    }
}
