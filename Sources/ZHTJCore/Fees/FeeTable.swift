/// A payment channel's table of fee payments (R-W4), as `fee.import` reads it: the member by 身份证号码 or
/// 发展团员编号 (one of them per row, either column may be there), 月份, 金额(元), and 流水号 optional. Pure: rows
/// in, drafts and problems out; which member a key names is the store's to find.
public enum FeeTable {
    public enum Column: String, TableColumn, Sendable {
        case idNumber = "身份证号码"
        case developmentNumber = "发展团员编号"
        case month = "月份"
        case amount = "金额(元)"
        case reference = "流水号"

        /// Other header spellings accepted for the column.
        public var aliases: [String] {
            switch self {
            case .idNumber: ["身份证号", "公民身份号码"]
            case .developmentNumber: ["团员编号", "入团编号"]
            case .month: ["缴费月份", "交费月份", "所属月份"]
            case .amount: ["金额（元）", "金额", "缴费金额", "交费金额"]
            case .reference: ["交易流水号", "订单号"]
            }
        }
    }

    public static let templateHeader = ["身份证号码", "发展团员编号", "月份", "金额(元)", "流水号"]

    /// Where each column is; an error when neither member column or no month or amount is there.
    public static func columns(header: [String]) -> Result<[Column: Int], FeeProblem> {
        let map: [Column: Int] = TableHeader.columns(header)
        guard map[.idNumber] != nil || map[.developmentNumber] != nil, map[.month] != nil, map[.amount] != nil else {
            return .failure(FeeProblem(
                field: "表头 header", value: header.map { $0.replacingOccurrences(of: "\u{FEFF}", with: "").trimmingCharacters(in: .whitespaces) }.joined(separator: ","),
                reason: "须有“身份证号码”或“发展团员编号”，以及“月份”和“金额(元)” / needs 身份证号码 or 发展团员编号, and 月份 and 金额(元)"))
        }
        return .success(map)
    }

    /// One row: its member key, month and amount checked, or each problem of the row.
    public static func validate(row: CSVParser.Row, columns: [Column: Int], today: CivilDate) -> Result<FeeDraft, RowIssues> {
        func cell(_ c: Column) -> String {
            guard let i = columns[c], i < row.fields.count else { return "" }
            return row.fields[i].trimmingCharacters(in: .whitespaces)
        }
        var issues: [RowIssue] = []
        let id = cell(.idNumber).uppercased(), number = cell(.developmentNumber)
        var key: FeeDraft.Key?
        if !id.isEmpty {
            key = .idNumber(id)
        } else if !number.isEmpty {
            key = .developmentNumber(number)
        } else {
            issues.append(RowIssue(line: row.line, column: Column.idNumber.rawValue, value: "",
                                   reason: "须填身份证号码或发展团员编号 / give the ID number or the development number"))
        }
        var month = "", fen = 0
        switch FeeMonth.parse(cell(.month), today: today) {
        case .success(let m): month = m
        case .failure(let p): issues.append(RowIssue(line: row.line, column: Column.month.rawValue, value: p.value, reason: p.reason))
        }
        switch FeeAmount.parse(cell(.amount)) {
        case .success(let f): fen = f
        case .failure(let p): issues.append(RowIssue(line: row.line, column: Column.amount.rawValue, value: p.value, reason: p.reason))
        }
        let reference = String(cell(.reference).prefix(100))
        guard issues.isEmpty, let key else { return .failure(RowIssues(issues: issues)) }
        return .success(FeeDraft(line: row.line, key: key, month: month, amountFen: fen, reference: reference.isEmpty ? nil : reference))
    }
}
