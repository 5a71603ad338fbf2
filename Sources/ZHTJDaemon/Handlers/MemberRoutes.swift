import Foundation
import ZHTJCore
import ZHTJRegistry

/// Members: import, look-up, search, corrections (R-M3) and history.
enum MemberRoutes: RouteCollection {
    static func register(on routes: inout RouteTable) {
        routes.add(API.MemberImport.self, RequestHandler.memberImport)
        routes.add(API.MemberShow.self, RequestHandler.memberShow)
        routes.add(API.MemberSearch.self, RequestHandler.memberSearch)
        routes.add(API.MemberSetNumber.self, RequestHandler.setNumber)
        routes.add(API.MemberHistory.self, RequestHandler.history)
    }
}

extension RequestHandler {
    /// `member.import`: validates every row, imports the good ones in one transaction, reports each bad one
    /// with its line, column and reason (R-M1, R-M2, R-M5).
    func memberImport(_ params: MemberImportParams, _ context: AdminContext) throws -> ImportReport {
        let caller = context.caller
        let started = Date()
        let (rows, encoding) = try Self.tableRows(base64: params.contentBase64, fileName: params.fileName)
        let header = rows[0]
        let columns: [MemberTable.Column: Int]
        switch MemberTable.columns(header: header.fields) {
        case .success(let map): columns = map
        case .failure(let error): throw error
        }
        let today = CivilDate(context.now)
        var drafts: [MemberDraft] = []
        var issues: [RowIssue] = []
        var rejected = Set<Int>()
        for row in rows.dropFirst() {
            switch MemberTable.validate(row: row, columns: columns, today: today) {
            case .success(let draft): drafts.append(draft)
            case .failure(let problems):
                // Never echo a whole ID number back into a report.
                issues += problems.issues.map { issue in
                    var copy = issue
                    if issue.column == MemberTable.Column.idNumber.rawValue, issue.value.count == 18 { copy.value = IDNumber.masked(issue.value) }
                    return copy
                }
                rejected.insert(row.line)
            }
        }
        let validated = Date()
        let outcome = try database.importMembers(drafts, within: context.scope, caller: caller, now: context.now)
        let stored = Date()
        auditDeniedLines(outcome.deniedLines, command: API.MemberImport.name, fileName: params.fileName, context)
        issues += outcome.issues
        rejected.formUnion(outcome.rejectedLines)
        issues.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        logger.info("members imported", metadata: [
            "zhtj.file": "\(params.fileName)", "zhtj.imported": "\(outcome.imported.count)", "zhtj.rejected": "\(rejected.count)",
            "zhtj.validateSeconds": "\(String(format: "%.2f", validated.timeIntervalSince(started)))",
            "zhtj.storeSeconds": "\(String(format: "%.2f", stored.timeIntervalSince(validated)))",
        ])
        // Compact unless asked: the count of members who need an e-archive and the first few (a province's import of
        // 100 000 rows would otherwise answer with tens of megabytes).
        let need = outcome.imported.filter(\.needsEArchive)
        var report = ImportReport(
            fileName: params.fileName, encoding: encoding.rawValue, rows: rows.count - 1, imported: outcome.imported.count,
            unchanged: outcome.unchanged, rejectedRows: rejected.count, issues: issues,
            needEArchive: (params.details == true ? need[...] : need.prefix(ImportReport.listed)).map(\.masked), needEArchiveCount: need.count)
        if !outcome.imported.isEmpty {
            report.matchedUploads = try database.matchUnmatched(now: context.now).count
        }
        return report
    }

    /// `member.show KEY`: one member, ID number whole.
    func memberShow(_ params: MemberKeyParams, _ context: ViewerContext) throws -> MemberInfo {
        try viewedMember(params.key, context)
    }

    /// The member `key` names inside the caller's subtree; with a member's own credential only that member (any other
    /// is not found, R-E13).
    func viewedMember(_ key: String, _ context: ViewerContext) throws -> MemberInfo {
        let member = try database.member(key: key, within: context.scope)
        if let only = context.onlyMember, member.id != only { throw ZHTJError.memberNotFound(key) }
        return member
    }

    /// `member.search TEXT`: by name, ID number or development number; ID numbers masked.
    func memberSearch(_ params: MemberSearchParams, _ context: AdminContext) throws -> [MemberInfo] {
        let limit = min(max(params.limit ?? settings.searchLimit, 1), 1000)
        return try database.searchMembers(params.text, within: context.scope, limit: limit)
    }

    /// `member.setNumber`: corrects a development number (R-M3); unmatched files that now match are matched.
    func setNumber(_ params: SetNumberParams, _ context: AdminContext) throws -> MemberInfo {
        let member = try database.member(key: params.member, within: context.scope)
        guard !params.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ZHTJError.reasonRequired }
        let number: String
        switch DevelopmentNumber.validate(params.number, currentYear: CivilDate(context.now).year, joinYear: Int(member.joinDate.prefix(4))) {
        case .success(let n): number = n
        case .failure(let p): throw ZHTJError.invalidField(field: "发展团员编号 development number", value: params.number, reason: p.message)
        }
        let branchParent = try database.org(id: member.branchID)?.parentID
        guard MembershipRules.mayCorrectNumber(adminOrg: context.admin.org.id, branch: member.branchID, branchParent: branchParent) else {
            throw ZHTJError.notAllowed("only the member's own org and its direct superior may correct a development number (R-M3)")
        }
        _ = try database.setNumber(
            memberID: member.id, number: number, previous: member.developmentNumber, reason: params.reason, caller: context.caller, now: context.now)
        return try database.member(key: String(member.id), within: context.scope)
    }

    func history(_ params: MemberKeyParams, _ context: AdminContext) throws -> [HistoryEntry] {
        return try database.member(key: params.key, within: context.scope).history ?? []
    }
}
