/// The month a league fee is paid for (R-W4): `YYYY-MM` (also `2024/3`, `2024年3月`, `202403`), from 2000 up to the
/// current month: a month still to come is not paid yet.
public enum FeeMonth {
    public static let firstYear = 2000

    /// `YYYY-MM`, or a bilingual reason.
    public static func parse(_ raw: String, today: CivilDate) -> Result<String, FeeProblem> {
        guard let date = JoinDate(raw), !date.hasDay, date.year >= firstYear else {
            return .failure(FeeProblem(field: "月份 month", value: raw, reason: "应为年-月 / expected YYYY-MM, e.g. 2024-03"))
        }
        guard (date.year, date.month) <= (today.year, today.month) else {
            return .failure(FeeProblem(field: "月份 month", value: raw, reason: "还未到该月 / a month still to come (today is \(today))"))
        }
        return .success(date.description)
    }
}
