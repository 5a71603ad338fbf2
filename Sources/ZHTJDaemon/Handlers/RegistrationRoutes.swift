import Foundation
import ZHTJCore
import ZHTJRegistry

/// Who is calling, the operator's init, registration codes and an admin's registration (R-O6, R-O7).
enum RegistrationRoutes: RouteCollection {
    static func register(on routes: inout RouteTable) {
        routes.add(API.Whoami.self, RequestHandler.whoami)
        routes.add(API.Init.self, RequestHandler.initialise)
        routes.add(API.Register.self, RequestHandler.register)
        routes.add(API.OrgCode.self, RequestHandler.orgCode)
        routes.add(API.OrgCodes.self, RequestHandler.orgCodes)
    }
}

extension RequestHandler {
    func whoami(_: NoParams, _ context: RequestContext) throws -> WhoAmIResult {
        WhoAmIResult(uid: context.caller.uid, isOperator: context.isOperator, admin: context.admin, initialised: try database.rootOrg() != nil, member: context.member)
    }

    /// `init`: the operator creates the root org, once, and gets a code for its admin.
    func initialise(_ params: InitParams, _ context: RequestContext) throws -> InitResult {
        guard context.isOperator else { throw ZHTJError.notOperator(uid: context.caller.uid) }
        let name = try OrgNaming.validatedShortName(params.rootName)
        guard let category = OrgCategory(userText: params.category) else { throw ZHTJError.invalidCategory(params.category) }
        let industry = params.industry.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let (org, code) = try database.createRoot(name: name, category: category, industry: industry, caller: context.caller, now: context.now)
        ensureFolder(org)
        logger.notice("root org created", metadata: ["zhtj.org": "\(org.id)"])
        return InitResult(org: org, code: code, warnings: OrgNaming.warning(shortName: name, category: category).map { [$0] } ?? [])
    }

    /// `register`: redeems a code and returns the credential (R-O6, R-O7).
    func register(_ params: RegisterParams, _ context: RequestContext) throws -> RegisterResult {
        let name = params.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 50 else {
            throw ZHTJError.invalidField(field: "姓名 name", value: params.name, reason: "必填，至多50字 / required, at most 50 characters")
        }
        let id: IDNumber
        switch IDNumber.parse(params.idNumber) {
        case .success(let value): id = value
        case .failure(let problem): throw ZHTJError.invalidField(field: "身份证号码 ID number", value: IDNumber.masked(params.idNumber), reason: problem.message)
        }
        guard let joined = JoinDate(params.joinDate) else {
            throw ZHTJError.invalidField(field: "入团年月 join date", value: params.joinDate, reason: "应为 YYYY-MM / expected YYYY-MM")
        }
        if joined.firstDay > CivilDate(context.now) {
            throw ZHTJError.invalidField(field: "入团年月 join date", value: params.joinDate, reason: "在未来 / it is in the future")
        }
        if let problem = MembershipRules.ageProblem(birth: id.birthDate, joined: joined) {
            throw ZHTJError.invalidField(field: "入团年月 join date", value: params.joinDate, reason: problem)
        }
        if let mobile = params.mobile, !Mobile.isValid(mobile) {
            throw ZHTJError.invalidField(field: "手机号码 mobile", value: mobile, reason: Mobile.problem)
        }
        if let email = params.email, !email.contains("@") || email.contains(where: \.isWhitespace) {
            throw ZHTJError.invalidField(field: "电子邮箱 email", value: email, reason: "不是电子邮箱地址 / not an email address")
        }
        var bytes = SystemRandomNumberGenerator()
        let credential = (0..<4).map { _ in String(format: "%016llx", bytes.next() as UInt64) }.joined()
        let admin = try database.redeem(
            code: params.code.trimmingCharacters(in: .whitespaces), requestedOrg: params.org,
            admin: .init(name: name, idNumber: id.value, joinDate: joined.description, mobile: params.mobile, email: params.email,
                         credentialHash: Self.hash(credential)),
            caller: context.caller, throttle: settings.throttle, now: context.now)
        logger.notice("admin registered", metadata: ["zhtj.admin": "\(admin.id)", "zhtj.org": "\(admin.org.id)", "zhtj.uid": "\(context.caller.uid)"])
        return RegisterResult(credential: credential, admin: admin)
    }

    /// `org.code ORG`: a code for a direct subordinate of the caller's org; the operator may issue one for the root.
    func orgCode(_ params: OrgRefParams, _ context: RequestContext) throws -> CodeInfo {
        guard let ref = params.org else { throw ZHTJError.badRequest("params.org is required") }
        if let admin = context.admin {
            let target = try database.resolveOrg(ref, within: context.scope)
            guard target.parentID == admin.org.id else {
                throw ZHTJError.notAllowed(
                    "注册码只能由上级组织的管理员为直属下级签发 / codes are issued by the admin of the org's direct parent (R-O6): \(target.fullName)")
            }
            return try database.issueCode(orgID: target.id, caller: context.caller, now: context.now)
        }
        guard context.isOperator else { throw ZHTJError.credentialRequired }
        guard let root = try database.rootOrg() else { throw ZHTJError.noRoot }
        let target = try database.resolveOrg(ref, within: nil)
        guard target.id == root.id else {
            throw ZHTJError.invalidField(
                field: "组织 org", value: target.fullName,
                reason: "运维人员只能为根组织签发注册码 / the operator issues codes for the root org only; its admin issues the rest")
        }
        return try database.issueCode(orgID: root.id, caller: context.caller, now: context.now)
    }

    /// `org.codes`: one new code for each direct subordinate (R-O6, "all at once").
    func orgCodes(_: NoParams, _ context: AdminContext) throws -> [CodeInfo] {
        let caller = context.caller
        let admin = context.admin
        return try database.issueCodesForChildren(of: admin.org.id, caller: caller, now: context.now)
    }

    /// Creates the org's inbox folder; a failure is logged and retried at the next start.
    func ensureFolder(_ org: OrgSummary) {
        do {
            try layout.ensureInboxFolder(org.folder, groupID: groupID)
        } catch {
            logger.warning("cannot create the inbox folder", metadata: ["zhtj.org": "\(org.id)", "zhtj.error": "\(error)"])
        }
    }
}
