import Foundation
import ZHTJCore
import ZHTJRegistry

/// Cadres (R-C1, R-C2, seed 001 §2.1, §2.4): entered one at a time or from a table by their own org (a branch's also
/// by its direct superior), listed, moved to a new post with the history kept, and removed by a leading body or
/// grassroots committee, the record kept. The key-area figures and staffing are in `CadreRoutes+KeyArea.swift`.
enum CadreRoutes: RouteCollection {
    static func register(on routes: inout RouteTable) {
        routes.add(API.CadreAdd.self, RequestHandler.cadreAdd)
        routes.add(API.CadreImport.self, RequestHandler.cadreImport)
        routes.add(API.CadreList.self, RequestHandler.cadreList)
        routes.add(API.CadreChangePost.self, RequestHandler.cadreChangePost)
        routes.add(API.CadreRemove.self, RequestHandler.cadreRemove)
        routes.add(API.OrgKeyArea.self, RequestHandler.orgKeyArea)
        routes.add(API.CadreStaffing.self, RequestHandler.cadreStaffing)
        routes.add(API.CadreArchives.self, RequestHandler.cadreArchives)
    }
}

extension RequestHandler {
    /// The cadres listed at most in one answer.
    static let cadreListLimit = 1000

    /// Seed 001 §2.1: the org whose cadres the caller enters; its own, or a branch directly below it.
    private func enteringOrg(_ org: OrgSummary, _ context: AdminContext) throws -> OrgSummary {
        guard CadreRules.mayEnter(adminOrg: context.admin.org.id, target: org.id, targetCategory: org.category, targetParent: org.parentID) else {
            throw ZHTJError.notAllowed(
                "\(org.fullName)的团干部由本组织录入，团支部的也可由其直接上级录入 / the cadres of \(org.fullName) are entered by that org itself, a branch's also by its direct superior (R-C1, seed 001 §2.1)")
        }
        return org
    }

    private func orgOf(_ cadre: CadreInfo) throws -> OrgSummary {
        guard let org = try database.org(id: cadre.orgID) else { throw ZHTJError.orgNotFound(String(cadre.orgID)) }
        return org
    }

    /// Every problem of one cadre as one error.
    private static func cadreProblems(_ issues: [RowIssue]) -> ZHTJError {
        ZHTJError.invalidField(
            field: issues.map(\.column).joined(separator: "、"), value: issues.first?.value ?? "",
            reason: issues.map { "\($0.column): \($0.reason)" }.joined(separator: "；"))
    }

    /// `cadre.add`: one cadre, checked as a table row is (R-C1).
    func cadreAdd(_ params: CadreAddParams, _ context: AdminContext) throws -> CadreInfo {
        let org = try enteringOrg(org(params.org, context), context)
        let draft: CadreDraft
        switch CadreTable.validate(cells: params.cells, line: 0, today: CivilDate(context.now)) {
        case .success(let valid): draft = valid
        case .failure(let problems): throw Self.cadreProblems(problems.issues)
        }
        let outcome = try database.addCadres([draft], orgID: org.id, caller: context.caller, now: context.now)
        guard let cadre = outcome.added.first else { throw Self.cadreProblems(outcome.issues) }
        return cadre
    }

    /// `cadre.import`: every row checked; the good ones go in together, each bad one is reported with its reason.
    func cadreImport(_ params: CadreImportParams, _ context: AdminContext) throws -> CadreImportReport {
        let org = try enteringOrg(org(params.org, context), context)
        guard let bytes = Data(base64Encoded: params.contentBase64) else { throw ZHTJError.badRequest("contentBase64 is not base64") }
        guard let (text, encoding) = TextDecoding.decode(Array(bytes)) else {
            throw ZHTJError.importFailed("“\(params.fileName)”既不是UTF-8也不是GB18030编码 / \"\(params.fileName)\" is neither UTF-8 nor GB18030: save it as CSV UTF-8")
        }
        let rows = CSVParser.parse(text)
        guard let header = rows.first else { throw ZHTJError.importFailed("“\(params.fileName)”是空的 / \"\(params.fileName)\" is empty") }
        let columns: [CadreTable.Column: Int]
        switch CadreTable.columns(header: header.fields) {
        case .success(let map): columns = map
        case .failure(let error): throw error
        }
        let today = CivilDate(context.now)
        var drafts: [CadreDraft] = []
        var issues: [RowIssue] = []
        var rejected = Set<Int>()
        for row in rows.dropFirst() {
            switch CadreTable.validate(row: row, columns: columns, today: today) {
            case .success(let draft): drafts.append(draft)
            case .failure(let problems):
                issues += problems.issues
                rejected.insert(row.line)
            }
        }
        let outcome = drafts.isEmpty ? CadreAddOutcome() : try database.addCadres(drafts, orgID: org.id, caller: context.caller, now: context.now)
        issues += outcome.issues
        rejected.formUnion(outcome.rejectedLines)
        issues.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        logger.info("cadres imported", metadata: [
            "zhtj.file": "\(params.fileName)", "zhtj.org": "\(org.id)", "zhtj.added": "\(outcome.added.count)", "zhtj.rejected": "\(rejected.count)",
        ])
        return CadreImportReport(
            fileName: params.fileName, encoding: encoding.rawValue, org: org.fullName, rows: rows.count - 1, added: outcome.added.count,
            rejectedRows: rejected.count, issues: issues, cadres: outcome.added.prefix(CadreImportReport.listed).map(\.masked))
    }

    /// `cadre.list`: the cadres of an org's subtree, ID numbers masked; with `allPosts` also the removed ones and
    /// every post held.
    func cadreList(_ params: CadreListParams, _ context: AdminContext) throws -> [CadreInfo] {
        let org = try org(params.org, context)
        return try database.cadres(within: Subtree(path: try database.path(of: org.id)), includeRemoved: params.allPosts ?? false, limit: Self.cadreListLimit)
    }

    /// `cadre.changePost`: by the org that enters the cadre; the old post stays in the history (R-C1).
    func cadreChangePost(_ params: CadreChangePostParams, _ context: AdminContext) throws -> CadreInfo {
        let cadre = try database.cadre(key: params.cadre, within: context.scope)
        _ = try enteringOrg(try orgOf(cadre), context)
        let since = params.since.trimmingCharacters(in: .whitespaces)
        if let problem = CadreTable.postProblem(post: params.post, since: since, how: params.how, today: CivilDate(context.now)) {
            throw ZHTJError.invalidField(field: "任职 post", value: "\(params.post) \(since)", reason: problem)
        }
        let month = JoinDate(since).map(\.description) ?? since
        return try database.changeCadrePost(
            id: cadre.id, post: params.post.trimmingCharacters(in: .whitespaces), since: month, how: params.how.trimmingCharacters(in: .whitespaces),
            caller: context.caller, now: context.now)
    }

    /// `cadre.remove`: by a leading body or grassroots committee, of its own cadres (R-C2, seed 001 §2.4).
    func cadreRemove(_ params: CadreRemoveParams, _ context: AdminContext) throws -> CadreInfo {
        let cadre = try database.cadre(key: params.cadre, within: context.scope)
        let org = try orgOf(cadre)
        let committee = org.category.isCommitteeLevel ? nil : try database.deciderOrg(branchID: org.id)
        guard CadreRules.mayRemove(
            adminOrg: context.admin.org.id, adminCategory: context.admin.org.category, cadreOrg: org.id, cadreOrgCategory: org.category,
            cadreOrgCommittee: committee)
        else {
            throw ZHTJError.notAllowed(
                "只有团的领导机关、基层团委有权移除本组织的团干部（\(cadre.name)属于\(org.fullName)）/ only a leading body or grassroots committee removes its own cadres; \(cadre.name) is a cadre of \(org.fullName) (R-C2, seed 001 §2.4)")
        }
        guard let destination = CadreDestination(userText: params.to) else {
            throw ZHTJError.invalidField(field: "移除去向 destination", value: params.to, reason: "应为 / one of: \(CadreDestination.choices)")
        }
        let other = params.other?.trimmingCharacters(in: .whitespacesAndNewlines)
        if destination == .other, (other ?? "").isEmpty || (other ?? "").count > 100 {
            throw ZHTJError.invalidField(field: "具体去向 --other", value: other ?? "", reason: "选“其他”须写明具体去向（1到100个字）/ with 其他 (other) write where the person went (--other TEXT, 1 to 100 characters) (R-C2)")
        }
        if destination != .other, !(other ?? "").isEmpty {
            throw ZHTJError.badRequest("--other 只与“其他”同用 / --other goes with --to 其他 (other) only")
        }
        return try database.removeCadre(
            id: cadre.id, to: destination, other: destination == .other ? other : nil, caller: context.caller, now: context.now)
    }
}
