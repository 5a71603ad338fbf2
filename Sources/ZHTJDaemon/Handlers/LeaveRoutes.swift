import Foundation
import ZHTJCore
import ZHTJRegistry

/// Leaving the league (R-M4): the member's branch files, the superior committee approves or rejects; the member's
/// record is kept for ever, out of every count.
enum LeaveRoutes: RouteCollection {
    static func register(on routes: inout RouteTable) {
        routes.add(API.MemberLeave.self, RequestHandler.memberLeave)
        routes.add(API.LeaveList.self, RequestHandler.leaveList)
        routes.add(API.LeaveApprove.self, RequestHandler.approveLeave)
        routes.add(API.LeaveReject.self, RequestHandler.rejectLeave)
    }
}

extension RequestHandler {
    /// `member.leave`: by the member's own branch (R-M4).
    func memberLeave(_ params: LeaveParams, _ context: AdminContext) throws -> LeaveRequestInfo {
        let member = try database.member(key: params.member, within: context.scope)
        if let departure = member.departure { throw ZHTJError.memberLeft(member.name, departure) }
        guard let kind = Departure(leaveKind: params.kind) else {
            throw ZHTJError.invalidField(
                field: "离团方式 kind", value: params.kind,
                reason: "应为 退团、脱团 或 开除团籍 / one of 退团 (withdraw), 脱团 (lapse), 开除团籍 (expel)")
        }
        guard MemberLifeRules.mayFileLeave(adminOrg: context.admin.org.id, branch: member.branchID) else {
            throw ZHTJError.notAllowed(
                "离团申请由团员所在团支部（\(member.branch)）提出 / a leave request is filed by the member's own branch, \(member.branch) (R-M4)")
        }
        if let problem = MemberLifeRules.leaveProblem(reason: params.reason, meetingDate: params.meetingDate, joined: member.joinDate, today: CivilDate(context.now)) {
            throw ZHTJError.invalidField(field: "离团申请 leave request", value: params.meetingDate, reason: problem)
        }
        let decider = try database.deciderOrg(branchID: member.branchID)
        return try database.fileLeave(
            memberID: member.id, kind: kind, reason: params.reason, meetingDate: params.meetingDate, deciderOrgID: decider,
            caller: context.caller, now: context.now)
    }

    /// `leave.list`: the requests of the admin's subtree, each marked when the admin decides it.
    func leaveList(_ params: RequestListParams, _ context: AdminContext) throws -> [LeaveRequestInfo] {
        try database.leaveRequests(within: context.scope, all: params.all ?? false).map { request in
            var copy = request
            copy.yoursToDecide = request.state == "pending" && request.deciderOrgID == context.admin.org.id
            return copy
        }
    }

    func approveLeave(_ params: DecisionParams, _ context: AdminContext) throws -> LeaveRequestInfo {
        try decideLeave(params, approve: true, context)
    }

    func rejectLeave(_ params: DecisionParams, _ context: AdminContext) throws -> LeaveRequestInfo {
        try decideLeave(params, approve: false, context)
    }

    /// Only the superior committee named on the request decides it (R-M4); to anyone else it is not found.
    private func decideLeave(_ params: DecisionParams, approve: Bool, _ context: AdminContext) throws -> LeaveRequestInfo {
        if !approve, (params.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ZHTJError.reasonRequired }
        guard let found = try database.leaveRequest(id: params.id), found.state == "pending", found.deciderOrgID == context.admin.org.id
        else { throw ZHTJError.leaveRequestNotFound(params.id) }
        return try database.decideLeave(id: params.id, approve: approve, reason: params.reason, caller: context.caller, now: context.now)
    }
}
