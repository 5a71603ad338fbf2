import Foundation

/// The member import table: the Chinese headers of the real template (R-M1, R-M2) and the checks on each row.
public enum MemberTable {
    public enum Column: String, TableColumn, Sendable {
        case name = "姓名"
        case idNumber = "身份证号码"
        case ethnicity = "民族"
        case politicalStatus = "政治面貌"
        case joinDate = "入团年月"
        case branch = "所在团支部"
        case isCadre = "是否为团干部"
        case developmentNumber = "发展团员编号"
        case mobile = "手机号码"
        case education = "学历"
        case occupation = "职业"

        public static let required: [Column] = [.name, .idNumber, .ethnicity, .politicalStatus, .joinDate, .branch, .isCadre]

        /// Other spellings seen in real tables.
        public var aliases: [String] {
            switch self {
            case .idNumber: ["身份证号", "公民身份号码", "身份证"]
            case .joinDate: ["入团时间", "入团日期"]
            case .branch: ["团支部", "所在支部", "所在团组织"]
            case .isCadre: ["是否团干部"]
            case .developmentNumber: ["发展编号", "团员编号"]
            case .mobile: ["手机号", "联系电话"]
            default: []
            }
        }
    }

    /// The header of the template, in order.
    public static let templateHeader = Column.allCases.prefix(9).map(\.rawValue)

    /// Maps each known column to its index; fails naming the required headers that are missing.
    public static func columns(header: [String]) -> Result<[Column: Int], ZHTJError> {
        TableHeader.columns(header, required: Column.required, template: templateHeader)
    }

    /// Validates one row; returns the draft, or every problem found in the row.
    public static func validate(row: CSVParser.Row, columns: [Column: Int], today: CivilDate) -> Result<MemberDraft, RowIssues> {
        let currentYear = today.year
        var issues: [RowIssue] = []
        func cell(_ c: Column) -> String {
            guard let i = columns[c], i < row.fields.count else { return "" }
            return row.fields[i].trimmingWhitespace
        }
        func fail(_ c: Column, _ reason: String) {
            issues.append(RowIssue(line: row.line, column: c.rawValue, value: cell(c), reason: reason))
        }
        for c in Column.required where cell(c).isEmpty {
            fail(c, "必填项为空 / required, but empty")
        }

        var birth: CivilDate? = nil
        if !cell(.idNumber).isEmpty {
            switch IDNumber.parse(cell(.idNumber)) {
            case .success(let id): birth = id.birthDate
            case .failure(let p): fail(.idNumber, p.message)
            }
        }
        var joined: JoinDate? = nil
        if !cell(.joinDate).isEmpty {
            joined = JoinDate(cell(.joinDate))
            if joined == nil {
                fail(.joinDate, "应为 YYYY-MM 或 YYYY-MM-DD / expected YYYY-MM or YYYY-MM-DD")
            } else if joined!.firstDay > today {
                fail(.joinDate, "入团日期在未来 / the join date is in the future")
                joined = nil
            }
        }
        if let birth, let joined, let problem = MembershipRules.ageProblem(birth: birth, joined: joined) {
            fail(.joinDate, problem)
        }
        var devNumber: String? = nil
        let rawDev = cell(.developmentNumber)
        if !rawDev.isEmpty {
            switch DevelopmentNumber.validate(rawDev, currentYear: currentYear, joinYear: joined?.year) {
            case .success(let n): devNumber = n
            case .failure(let p): fail(.developmentNumber, p.message)
            }
        } else if let joined, MembershipRules.needsDevelopmentNumber(joined: joined) {
            fail(.developmentNumber, "\(joined.year)年入团（2016年及以后）必须填写发展团员编号 / required for members who joined in 2016 or later (R-M2)")
        }
        var isCadre = false
        let cadreText = cell(.isCadre)
        if !cadreText.isEmpty {
            switch cadreText.lowercased() {
            case "是", "y", "yes", "true", "1": isCadre = true
            case "否", "n", "no", "false", "0": isCadre = false
            default: fail(.isCadre, "应为“是”或“否” / expected 是 (yes) or 否 (no)")
            }
        }
        let mobile = cell(.mobile)
        if !mobile.isEmpty, !Mobile.isValid(mobile) {
            fail(.mobile, Mobile.problem)
        }
        if cell(.name).count > 50 { fail(.name, "姓名过长 / longer than 50 characters") }

        guard issues.isEmpty, let birth, let joined else { return .failure(RowIssues(issues: issues)) }
        return .success(
            MemberDraft(
                line: row.line, name: cell(.name), idNumber: cell(.idNumber).uppercased(), birthDate: birth,
                ethnicity: cell(.ethnicity), politicalStatus: cell(.politicalStatus), joinDate: joined,
                branch: cell(.branch), isCadre: isCadre, developmentNumber: devNumber,
                mobile: mobile.isEmpty ? nil : mobile,
                education: cell(.education).isEmpty ? nil : cell(.education),
                occupation: cell(.occupation).isEmpty ? nil : cell(.occupation)))
    }
}
