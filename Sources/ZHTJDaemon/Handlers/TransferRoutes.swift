import Foundation
import ZHTJCore
import ZHTJRegistry

/// Transfers (R-W1, R-E11): the sending side files; inside the tree the receiving branch or a superior of it
/// checks the record and the e-archive and accepts or refuses; out of the tree the transfer is recorded at once.
enum TransferRoutes: RouteCollection {
    static func register(on routes: inout RouteTable) {
        routes.add(API.Transfer.self, RequestHandler.transfer)
        routes.add(API.TransferList.self, RequestHandler.transferList)
        routes.add(API.TransferAccept.self, RequestHandler.acceptTransfer)
        routes.add(API.TransferRefuse.self, RequestHandler.refuseTransfer)
        routes.add(API.TransferCancel.self, RequestHandler.cancelTransfer)
    }
}

extension RequestHandler {
    /// `transfer MEMBER --to BRANCH | --out DESTINATION`: by an admin of the member's branch or a superior.
    func transfer(_ params: TransferParams, _ context: AdminContext) throws -> TransferRequestInfo {
        let member = try database.member(key: params.member, within: context.scope)
        if let departure = member.departure { throw ZHTJError.memberLeft(member.name, departure) }
        let out = params.out?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (params.to == nil) != (out == nil) else {
            throw ZHTJError.badRequest("给出 --to 接收团支部 或 --out 转往何处，二者取一 / give either --to BRANCH or --out DESTINATION")
        }
        if let out, out.isEmpty {
            throw ZHTJError.invalidField(field: "转往 destination", value: "", reason: "写明转往何处（外省、部队等） / name where the member goes (another province, the army, …)")
        }
        var target: OrgSummary? = nil
        if let to = params.to {
            let org = try database.resolveOrg(to, within: nil)
            guard org.category == .branch else { throw ZHTJError.notBranch(org.fullName) }
            guard org.id != member.branchID else { throw ZHTJError.badRequest("团员已在\(org.fullName) / the member is already in \(org.fullName)") }
            target = org
        }
        let status = member.status ?? .notAuthenticated
        guard MembershipRules.mayTransfer(needsEArchive: member.needsEArchive, status: status) else {
            throw ZHTJError.notAllowed(
                "团员\(member.name)身份\(status.chinese)，认证前不能转接 / \(member.name) is \(status.rawValue): members who need an e-archive are authenticated before a transfer (R-E11)")
        }
        if target != nil, let problem = MemberLifeRules.acceptanceProblem(name: member.name, joinYear: Int(member.joinDate.prefix(4)) ?? 0, developmentNumber: member.developmentNumber) {
            throw ZHTJError.notAllowed(problem)
        }
        return try database.fileTransfer(memberID: member.id, to: target, destination: out, note: params.note, caller: context.caller, now: context.now)
    }

    /// `transfer.list`: transfers into or out of the admin's subtree.
    func transferList(_ params: RequestListParams, _ context: AdminContext) throws -> [TransferRequestInfo] {
        let incoming: Bool? = switch params.direction {
        case "incoming": true
        case "outgoing": false
        case nil, "": nil
        case let other?: throw ZHTJError.badRequest("direction \(other): incoming or outgoing")
        }
        return try database.transferRequests(within: context.scope, incoming: incoming, all: params.all ?? false)
    }

    /// `transfer.accept`: the receiving branch or a superior of it, after checking the record (R-W1) and the
    /// e-archive (R-E11) again.
    func acceptTransfer(_ params: DecisionParams, _ context: AdminContext) throws -> TransferRequestInfo {
        let request = try openTransfer(params.id, receivingSide: true, context)
        let member = try database.member(key: String(request.memberID), within: .everything)
        if let problem = MemberLifeRules.acceptanceProblem(name: member.name, joinYear: Int(member.joinDate.prefix(4)) ?? 0, developmentNumber: member.developmentNumber) {
            throw ZHTJError.notAllowed(problem)
        }
        guard MembershipRules.mayTransfer(needsEArchive: member.needsEArchive, status: member.status ?? .notAuthenticated) else {
            throw ZHTJError.notAllowed("团员\(member.name)尚未认证，不能接收 / \(member.name) is not authenticated and cannot be accepted (R-E11)")
        }
        return try database.decideTransfer(id: params.id, to: .accepted, reason: nil, caller: context.caller, now: context.now)
    }

    /// `transfer.refuse`: the receiving side, with a reason.
    func refuseTransfer(_ params: DecisionParams, _ context: AdminContext) throws -> TransferRequestInfo {
        guard let reason = params.reason, !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ZHTJError.reasonRequired }
        _ = try openTransfer(params.id, receivingSide: true, context)
        return try database.decideTransfer(id: params.id, to: .refused, reason: reason, caller: context.caller, now: context.now)
    }

    /// `transfer.cancel`: the sending side takes back a transfer not yet accepted.
    func cancelTransfer(_ params: DecisionParams, _ context: AdminContext) throws -> TransferRequestInfo {
        _ = try openTransfer(params.id, receivingSide: false, context)
        return try database.decideTransfer(id: params.id, to: .cancelled, reason: params.reason, caller: context.caller, now: context.now)
    }

    /// An open transfer whose receiving (or sending) branch is in the admin's subtree; to anyone else it is not found.
    private func openTransfer(_ id: Int64, receivingSide: Bool, _ context: AdminContext) throws -> TransferRequestInfo {
        guard let request = try database.transferRequest(id: id), request.state == .pending,
            let branch = receivingSide ? request.toBranchID : request.fromBranchID,
            context.scope.contains(path: try database.path(of: branch))
        else { throw ZHTJError.transferRequestNotFound(id) }
        return request
    }
}
