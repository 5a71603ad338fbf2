import Foundation
import ZHTJCore
import ZHTJRegistry

/// The org tree: creation, the tree, secretaries, imports and progress.
enum OrgRoutes: RouteCollection {
    static func register(on routes: inout RouteTable) {
        routes.add(API.OrgCreate.self, RequestHandler.orgCreate)
        routes.add(API.OrgTree.self, RequestHandler.orgTree)
        routes.add(API.OrgUpdate.self, RequestHandler.orgUpdate)
        routes.add(API.OrgSecretary.self, RequestHandler.orgSecretary)
        routes.add(API.OrgImport.self, RequestHandler.orgImport)
        routes.add(API.OrgProgress.self, RequestHandler.orgProgress)
    }
}

extension RequestHandler {
    /// `org.create`: inside the caller's subtree only; the parent defaults to the caller's org (R-O1, R-O2, R-O3).
    func orgCreate(_ params: OrgCreateParams, _ context: AdminContext) throws -> OrgCreateResult {
        let caller = context.caller
        let admin = context.admin
        let name = try OrgNaming.validatedShortName(params.name)
        guard let category = OrgCategory(userText: params.category) else { throw ZHTJError.invalidCategory(params.category) }
        let parent = try params.parent.map { try database.resolveOrg($0, within: context.scope) } ?? admin.org
        let fullName = try params.fullName.map { try OrgNaming.validatedShortName($0) }
        let industry = params.industry.flatMap { $0.isEmpty ? nil : $0 } ?? parent.industry
        let org = try database.createOrg(
            name: name, fullName: fullName, category: category, industry: industry, parentID: parent.id, caller: caller, now: context.now)
        ensureFolder(org)
        logger.info("org created", metadata: ["zhtj.org": "\(org.id)", "zhtj.parent": "\(parent.id)"])
        return OrgCreateResult(org: org, warnings: OrgNaming.warning(shortName: name, category: category).map { [$0] } ?? [])
    }

    /// `org.tree [ORG]`: the subtree of ORG (default: the caller's org; for the operator, the root), two levels deep
    /// when it holds 500 orgs or more, unless the request asks for a `depth` or `all` (issue 13).
    func orgTree(_ params: OrgTreeParams, _ context: RequestContext) throws -> OrgTreePage {
        let top: OrgSummary
        if let admin = context.admin {
            top = try params.org.map { try database.resolveOrg($0, within: context.scope) } ?? admin.org
        } else {
            guard let root = try database.rootOrg() else { throw ZHTJError.noRoot }
            top = try params.org.map { try database.resolveOrg($0, within: nil) } ?? root
        }
        let depth = try ListPaging.treeDepth(params, subtreeSize: try database.subtreeSize(of: top.id, upTo: ListPaging.largeTree))
        return try database.subtree(of: top.id, depth: depth)
    }

    /// `org.update`: short name, full name, category and industry are fixed at creation (R-O2): every attempt
    /// is refused with the reason and recorded.
    func orgUpdate(_ params: OrgUpdateParams, _ context: AdminContext) throws -> OrgSummary {
        let caller = context.caller
        let org = try database.resolveOrg(params.org, within: context.scope)
        let fields = [
            ("简称 short name", params.name), ("全称 full name", params.fullName), ("类别 category", params.category),
            ("行业类别 industry", params.industry),
        ].filter { $0.1 != nil }.map(\.0)
        guard !fields.isEmpty else { throw ZHTJError.badRequest("nothing to change: give --name, --full-name, --category or --industry") }
        auditRefusal(caller: caller, action: "org.update.refused", target: "org:\(org.id)", detail: fields.joined(separator: ", "), now: context.now)
        throw ZHTJError.orgImmutable(field: fields.joined(separator: "、"))
    }

    /// `org.secretary`: records the org's secretary (R-O5).
    func orgSecretary(_ params: OrgSecretaryParams, _ context: AdminContext) throws -> OrgSummary {
        let caller = context.caller
        let admin = context.admin
        let org = try params.org.map { try database.resolveOrg($0, within: context.scope) } ?? admin.org
        let name = params.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw ZHTJError.invalidField(field: "姓名 name", value: "", reason: "必填 / required") }
        guard case .success(let id) = IDNumber.parse(params.idNumber) else {
            throw ZHTJError.invalidField(field: "身份证号码 ID number", value: IDNumber.masked(params.idNumber), reason: "无效 / not a valid ID number")
        }
        guard Mobile.isValid(params.mobile) else {
            throw ZHTJError.invalidField(field: "手机号码 mobile", value: params.mobile, reason: Mobile.problem)
        }
        return try database.setSecretary(orgID: org.id, name: name, idNumber: id.value, mobile: params.mobile, caller: caller, now: context.now)
    }
}
