import Foundation

/// The cadre table (R-C1, seed 001 §2.1.3): the template's Chinese headers, in order, and how a header maps to a
/// column. The checks on a row are in `CadreTable+Validation.swift`.
public enum CadreTable {
    public enum Column: String, TableColumn, Sendable {
        case name = "姓名"
        case idNumber = "身份证号码"
        case ethnicity = "民族"
        case education = "学历"
        case occupation = "职业"
        case politicalStatus = "政治面貌"
        case joinDate = "入团时间"
        case developmentNumber = "发展团员编号"
        case partyJoinDate = "入党时间"
        case post = "团内现任职务"
        case postSince = "任现职年月"
        case appointedHow = "任现职方式"
        case kind = "团干部性质"
        case partyCommitteeMember = "是否同级党组织委员"
        case onDuty = "在岗状态"
        case mobile = "手机号码"
        case partyApplication = "是否递交入党申请书"
        case partyApplicationDate = "递交入党申请书时间"
        case volunteer = "是否注册志愿者"
        case volunteerDate = "注册志愿者时间"

        /// Always required; the others depend on the row (R-C1).
        public static let required: [Column] = [
            .name, .idNumber, .ethnicity, .education, .occupation, .politicalStatus, .joinDate, .post, .postSince, .appointedHow,
            .kind, .partyCommitteeMember, .onDuty, .mobile, .volunteer,
        ]

        /// Other spellings seen in real tables (seed 001 §2.1.3 spells some out in full).
        public var aliases: [String] {
            switch self {
            case .idNumber: ["身份证号", "公民身份号码"]
            case .occupation: ["在读状况/具体职业", "职业/在读状况"]
            case .joinDate: ["入团年月", "入团日期"]
            case .partyCommitteeMember: ["是否同级党（工）委（党支部）委员", "是否同级党委委员"]
            case .mobile: ["手机号", "联系电话"]
            case .partyApplicationDate: ["递交入党申请书日期"]
            case .volunteer: ["是否成为注册志愿者"]
            case .volunteerDate: ["成为注册志愿者的时间", "成为注册志愿者时间"]
            default: []
            }
        }
    }

    /// The header of the template, in order.
    public static let templateHeader = Column.allCases.map(\.rawValue)

    /// Maps each known column to its index; fails naming the required headers that are missing.
    public static func columns(header: [String]) -> Result<[Column: Int], ZHTJError> {
        TableHeader.columns(header, required: Column.required, template: templateHeader)
    }

    /// The cells of one CSV row by column.
    public static func cells(row: CSVParser.Row, columns: [Column: Int]) -> [Column: String] {
        var cells: [Column: String] = [:]
        for (column, index) in columns where index < row.fields.count { cells[column] = row.fields[index] }
        return cells
    }

    /// Validates one CSV row (R-C1).
    public static func validate(row: CSVParser.Row, columns: [Column: Int], today: CivilDate) -> Result<CadreDraft, RowIssues> {
        validate(cells: cells(row: row, columns: columns), line: row.line, today: today)
    }
}
