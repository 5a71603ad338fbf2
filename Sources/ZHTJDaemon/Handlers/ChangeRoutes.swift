import Foundation
import ZHTJCore
import ZHTJRegistry

/// Change requests: a new file after an upload needs one (R-E12).
enum ChangeRoutes: RouteCollection {
    static func register(on routes: inout RouteTable) {
        routes.add(API.ChangeRequest.self, RequestHandler.changeRequest)
        routes.add(API.ChangeList.self, RequestHandler.changeList)
        routes.add(API.ChangeApprove.self, RequestHandler.approveChange)
        routes.add(API.ChangeReject.self, RequestHandler.rejectChange)
    }
}

extension RequestHandler {
    /// `change.request`: by the member's org or a superior (R-E12).
    func changeRequest(_ params: ChangeRequestParams, _ context: AdminContext) throws -> ChangeRequestInfo {
        let caller = context.caller
        return try database.requestChange(memberKey: params.member, reason: params.reason, caller: caller, now: context.now)
    }

    func changeList(_: NoParams, _ context: AdminContext) throws -> [ChangeRequestInfo] {
        let caller = context.caller
        return try database.changeRequests(caller: caller)
    }

    func approveChange(_ params: DecisionParams, _ context: AdminContext) throws -> ChangeRequestInfo {
        try decideChange(params, approve: true, context)
    }

    func rejectChange(_ params: DecisionParams, _ context: AdminContext) throws -> ChangeRequestInfo {
        try decideChange(params, approve: false, context)
    }

    private func decideChange(_ params: DecisionParams, approve: Bool, _ context: AdminContext) throws -> ChangeRequestInfo {
        let caller = context.caller
        return try database.decideChange(id: params.id, approve: approve, reason: params.reason, caller: caller, now: context.now)
    }
}
