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
        let member = try database.member(key: params.member, within: context.scope)
        guard !params.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ZHTJError.reasonRequired }
        return try database.requestChange(memberID: member.id, reason: params.reason, caller: context.caller, now: context.now)
    }

    func changeList(_: NoParams, _ context: AdminContext) throws -> [ChangeRequestInfo] {
        return try database.changeRequests(reviewerOrgID: context.admin.org.id)
    }

    func approveChange(_ params: DecisionParams, _ context: AdminContext) throws -> ChangeRequestInfo {
        try decideChange(params, approve: true, context)
    }

    func rejectChange(_ params: DecisionParams, _ context: AdminContext) throws -> ChangeRequestInfo {
        try decideChange(params, approve: false, context)
    }

    private func decideChange(_ params: DecisionParams, approve: Bool, _ context: AdminContext) throws -> ChangeRequestInfo {
        if !approve, (params.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ZHTJError.reasonRequired }
        // Only the reviewer org decides (R-E12); to anyone else, and once decided, the request is not found.
        guard let found = try database.changeReviewer(id: params.id), found.state == "pending",
            ReviewRules.mayDecide(reviewerOrg: found.reviewerOrgID, adminOrg: context.admin.org.id)
        else { throw ZHTJError.changeRequestNotFound(params.id) }
        return try database.decideChange(id: params.id, approve: approve, reason: params.reason, caller: context.caller, now: context.now)
    }
}
