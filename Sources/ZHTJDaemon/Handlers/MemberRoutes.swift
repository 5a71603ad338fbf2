import Foundation
import ZHTJCore
import ZHTJRegistry

/// Members: import, look-up, search, corrections (R-M3), history and transfers.
enum MemberRoutes: RouteCollection {
    static func register(on routes: inout RouteTable) {
        routes.add(API.MemberImport.self, RequestHandler.memberImport)
        routes.add(API.MemberShow.self, RequestHandler.memberShow)
        routes.add(API.MemberSearch.self, RequestHandler.memberSearch)
        routes.add(API.MemberSetNumber.self, RequestHandler.setNumber)
        routes.add(API.MemberHistory.self, RequestHandler.history)
        routes.add(API.Transfer.self, RequestHandler.transfer)
    }
}

extension RequestHandler {
    /// `member.import`: validates every row, imports the good ones in one transaction, reports each bad one
    /// with its line, column and reason (R-M1, R-M2, R-M5).
    func memberImport(_ params: MemberImportParams, _ context: AdminContext) throws -> ImportReport {
        let caller = context.caller
        guard let bytes = Data(base64Encoded: params.contentBase64) else { throw ZHTJError.badRequest("contentBase64 is not base64") }
        guard let (text, encoding) = TextDecoding.decode(Array(bytes)) else {
            throw ZHTJError.importFailed("“\(params.fileName)”既不是UTF-8也不是GB18030编码 / \"\(params.fileName)\" is neither UTF-8 nor GB18030: save it as CSV UTF-8")
        }
        let rows = CSVParser.parse(text)
        guard let header = rows.first else { throw ZHTJError.importFailed("“\(params.fileName)”是空的 / \"\(params.fileName)\" is empty") }
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
        let outcome = try database.importMembers(drafts, caller: caller, now: context.now)
        if !outcome.deniedLines.isEmpty {
            auditRefusal(
                caller: caller, action: "denied", target: API.MemberImport.name,
                detail: "outside_subtree lines \(outcome.deniedLines.map(String.init).joined(separator: ",")) of \(params.fileName)", now: context.now)
        }
        issues += outcome.issues
        rejected.formUnion(outcome.rejectedLines)
        issues.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        logger.info("members imported", metadata: [
            "zhtj.file": "\(params.fileName)", "zhtj.imported": "\(outcome.imported.count)", "zhtj.rejected": "\(rejected.count)",
        ])
        var report = ImportReport(
            fileName: params.fileName, encoding: encoding.rawValue, rows: rows.count - 1, imported: outcome.imported.count,
            unchanged: outcome.unchanged, rejectedRows: rejected.count, issues: issues,
            needEArchive: outcome.imported.filter(\.needsEArchive).map(\.masked))
        if !outcome.imported.isEmpty {
            report.matchedUploads = try database.matchUnmatched(now: context.now).count
        }
        return report
    }

    /// `member.show KEY`: one member, ID number whole.
    func memberShow(_ params: MemberKeyParams, _ context: AdminContext) throws -> MemberInfo {
        let caller = context.caller
        return try database.member(key: params.key, caller: caller)
    }

    /// `member.search TEXT`: by name, ID number or development number; ID numbers masked.
    func memberSearch(_ params: MemberSearchParams, _ context: AdminContext) throws -> [MemberInfo] {
        let caller = context.caller
        let limit = min(max(params.limit ?? settings.searchLimit, 1), 1000)
        return try database.searchMembers(params.text, caller: caller, limit: limit)
    }

    /// `member.setNumber`: corrects a development number (R-M3); unmatched files that now match are matched.
    func setNumber(_ params: SetNumberParams, _ context: AdminContext) throws -> MemberInfo {
        let caller = context.caller
        return try database.setNumber(memberKey: params.member, number: params.number, reason: params.reason, caller: caller, now: context.now)
    }

    func history(_ params: MemberKeyParams, _ context: AdminContext) throws -> [HistoryEntry] {
        let caller = context.caller
        return try database.member(key: params.key, caller: caller).history ?? []
    }

    /// `transfer MEMBER --to BRANCH`: by an admin of the member's org or an ancestor (R-E11, R-W1).
    func transfer(_ params: TransferParams, _ context: AdminContext) throws -> MemberInfo {
        let caller = context.caller
        return try database.transfer(memberKey: params.member, to: params.to, caller: caller, now: context.now)
    }
}
