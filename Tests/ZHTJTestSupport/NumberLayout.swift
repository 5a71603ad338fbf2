/// How page 1 of a scanned form shows the 12-digit development number (see `ScanBuilder`).
public enum NumberLayout: String, CaseIterable, Sendable {
    /// "发展团员编号：202344010123" on one line.
    case plain
    /// The label "发展团员编号：", then the digits written on an underline.
    case underlined
    /// "团员编号：2023 4401 0123".
    case grouped
    /// The label "发展团员编号", then 12 printed boxes with one digit centred in each.
    case boxed
    /// "编号：202344010123" in a smaller font at the page's top right, as on a file cover.
    case cover
}
