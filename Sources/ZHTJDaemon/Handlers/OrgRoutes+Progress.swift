import Foundation
import ZHTJCore
import ZHTJRegistry

extension RequestHandler {
    /// `org.progress [ORG]`: per direct subordinate, admin registered, data complete, own subordinates, codes (R-O8).
    func orgProgress(_ params: OrgRefParams, _ context: AdminContext) throws -> ProgressResult {
        let admin = context.admin
        let org = try params.org.map { try database.resolveOrg($0, within: context.scope) } ?? admin.org
        let progress = try database.progress(orgID: org.id, now: context.now)
        return ProgressResult(rows: progress.rows, totals: progress.totals)
    }

    /// `org.import`: subordinate orgs from a table (R-O9). Headers: 组织简称 and 组织类别 required; 上级组织 (default:
    /// the caller's org), 行业类别 and 组织全称 optional. Each bad row is reported; the good rows are created in order,
    /// so a row may name a parent created by an earlier row.
    func orgImport(_ params: OrgImportParams, _ context: AdminContext) throws -> OrgImportReport {
        let caller = context.caller
        let admin = context.admin
        let rows = try Self.tableRows(base64: params.contentBase64, fileName: params.fileName).rows
        let header = rows[0].fields.map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{FEFF}", with: "") }
        func column(_ names: [String]) -> Int? { header.firstIndex { names.contains($0) } }
        guard let nameColumn = column(["组织简称", "简称", "组织名称"]), let categoryColumn = column(["组织类别", "类别"]) else {
            throw ZHTJError.importFailed("表头须有“组织简称”和“组织类别” / the header needs 组织简称 (short name) and 组织类别 (category)")
        }
        let parentColumn = column(["上级组织", "上级"]), industryColumn = column(["行业类别", "行业"]), fullColumn = column(["组织全称", "全称"])
        var created: [OrgSummary] = [], issues: [RowIssue] = [], warnings: [String] = [], denied: [Int] = []
        for row in rows.dropFirst() {
            func cell(_ i: Int?) -> String { i.flatMap { $0 < row.fields.count ? row.fields[$0].trimmingCharacters(in: .whitespaces) : nil } ?? "" }
            do {
                let name = try OrgNaming.validatedShortName(cell(nameColumn))
                guard let category = OrgCategory(userText: cell(categoryColumn)) else { throw ZHTJError.invalidCategory(cell(categoryColumn)) }
                let parent = cell(parentColumn).isEmpty ? admin.org : try database.resolveOrg(cell(parentColumn), within: context.scope)
                let industry = cell(industryColumn).isEmpty ? parent.industry : cell(industryColumn)
                let fullName = cell(fullColumn).isEmpty ? nil : try OrgNaming.validatedShortName(cell(fullColumn))
                let org = try database.createOrg(
                    name: name, fullName: fullName, category: category, industry: industry,
                    parentID: parent.id, caller: caller, now: context.now)
                ensureFolder(org)
                created.append(org)
                if let warning = OrgNaming.warning(shortName: name, category: category) { warnings.append("第\(row.line)行 line \(row.line): \(warning)") }
            } catch let error as ZHTJError {
                issues.append(RowIssue(line: row.line, column: "组织简称", value: cell(nameColumn), reason: error.description))
                if error.isDenial { denied.append(row.line) }
            }
        }
        if !denied.isEmpty {
            auditRefusal(
                caller: caller, action: "denied", target: API.OrgImport.name,
                detail: "outside_subtree lines \(denied.map(String.init).joined(separator: ",")) of \(params.fileName)", now: context.now)
        }
        return OrgImportReport(rows: rows.count - 1, created: created, issues: issues, warnings: warnings)
    }
}
