import Foundation
import ZHTJCore
import ZHTJRegistry

/// Members see their own (R-E13): a member asks for a credential by ID number and name, the member's branch
/// approves it, and it then shows, downloads and makes the card of that one member.
enum MemberAccountRoutes: RouteCollection {
    static func register(on routes: inout RouteTable) {
        routes.add(API.MemberSelfRegister.self, RequestHandler.selfRegister)
        routes.add(API.MemberSelfRequests.self, RequestHandler.selfRequests)
        routes.add(API.MemberApproveSelf.self, RequestHandler.approveSelf)
    }
}

extension RequestHandler {
    /// `member.selfRegister`: anyone with the member's ID number and exact name; the credential waits for the branch.
    func selfRegister(_ params: SelfRegisterParams, _ context: RequestContext) throws -> SelfRegisterResult {
        guard context.admin == nil else {
            throw ZHTJError.badRequest("管理员凭据不能用于团员自助注册：请用 --credentials 指定新的凭据文件 / an admin's credential cannot self-register a member: give a new --credentials file")
        }
        let id: IDNumber
        switch IDNumber.parse(params.idNumber) {
        case .success(let value): id = value
        case .failure(let problem): throw ZHTJError.invalidField(field: "身份证号码 ID number", value: IDNumber.masked(params.idNumber), reason: problem.message)
        }
        // The same answer for an unknown ID number and a wrong name, so neither can be probed; both are audited.
        let member = try? database.member(key: id.value, within: .everything)
        guard let member, member.name == params.name.trimmingCharacters(in: .whitespaces) else {
            throw ZHTJError.memberNotFound(IDNumber.masked(id.value))
        }
        var bytes = SystemRandomNumberGenerator()
        let credential = (0..<4).map { _ in String(format: "%016llx", bytes.next() as UInt64) }.joined()
        let account = try database.requestMemberAccount(memberID: member.id, credentialHash: Self.hash(credential), caller: context.caller, now: context.now)
        logger.notice("member self-registration", metadata: ["zhtj.member": "\(member.id)", "zhtj.uid": "\(context.caller.uid)"])
        return SelfRegisterResult(credential: credential, account: account)
    }

    /// `member.selfRequests`: the pending requests of members in the admin's subtree.
    func selfRequests(_: NoParams, _ context: AdminContext) throws -> [MemberAccountInfo] {
        try database.memberAccountRequests(within: context.scope)
    }

    /// `member.approveSelf MEMBER`: by the member's own branch only (R-E13).
    func approveSelf(_ params: MemberKeyParams, _ context: AdminContext) throws -> MemberAccountInfo {
        let member = try database.member(key: params.key, within: context.scope)
        guard context.admin.org.id == member.branchID else {
            throw ZHTJError.notAllowed("团员个人凭据由团员所在团支部（\(member.branch)）批准 / a member's own credential is approved by the member's branch, \(member.branch)")
        }
        return try database.approveMemberAccount(memberID: member.id, caller: context.caller, now: context.now)
    }
}
