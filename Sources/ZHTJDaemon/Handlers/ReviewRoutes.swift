import Foundation
import ZHTJCore
import ZHTJIngest
import ZHTJRegistry

#if canImport(Glibc)
    import Glibc
#endif

/// The superior committee's review (R-E4 to R-E8).
enum ReviewRoutes: RouteCollection {
    static func register(on routes: inout RouteTable) {
        routes.add(API.Reviews.self, RequestHandler.reviews)
        routes.add(API.ReviewsOverview.self, RequestHandler.reviewsOverview)
        routes.add(API.ReviewApprove.self, RequestHandler.approve)
        routes.add(API.ReviewReject.self, RequestHandler.reject)
    }
}

extension RequestHandler {
    /// `reviews`: a page of the pending reviews of the caller's org, oldest first (R-E6): the oldest 50 unless the
    /// request asks for another `limit`, for those `after` an id, or for `all` (issue 13).
    func reviews(_ params: ReviewsParams, _ context: AdminContext) throws -> ReviewsPage {
        let limit = try ListPaging.reviewLimit(params)
        return try database.reviewPage(reviewerOrgID: context.admin.org.id, after: params.after, limit: limit, now: context.now)
    }

    /// `reviews.overview`: per direct subordinate, where the e-archives stand (R-E6).
    func reviewsOverview(_: NoParams, _ context: AdminContext) throws -> [ReviewOverviewRow] {
        return try database.reviewOverview(orgID: context.admin.org.id)
    }

    func approve(_ params: DecisionParams, _ context: AdminContext) throws -> MemberInfo {
        try decide(params, approve: true, context)
    }

    func reject(_ params: DecisionParams, _ context: AdminContext) throws -> MemberInfo {
        try decide(params, approve: false, context)
    }

    /// `review.approve` / `review.reject`: a rejection needs a reason, which goes back to the uploading org (R-E6 to R-E8).
    private func decide(_ params: DecisionParams, approve: Bool, _ context: AdminContext) throws -> MemberInfo {
        let caller = context.caller
        if !approve, let code = params.reasonCode, RejectionCode(rawValue: code) == nil {
            throw ZHTJError.invalidField(field: "reason code", value: code, reason: RejectionCode.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let decision: ReviewRules.Decision = approve ? .approve : .reject(reason: params.reason ?? "")
        // Who may decide and what the decision does are the domain's rules; the store reads and writes. The reviewer
        // of a version never changes, and the write only succeeds on a version still pending.
        guard let target = try database.reviewTarget(id: params.id), ReviewRules.mayDecide(reviewerOrg: target.reviewerOrgID, adminOrg: context.admin.org.id)
        else { throw ZHTJError.reviewNotFound(params.id) }
        let next = try Self.nextState(decision, target)
        var reason: String? = nil
        if case .reject(let text) = decision { reason = text }
        guard try database.recordDecision(reviewID: params.id, state: next, reason: reason, reasonCode: approve ? nil : params.reasonCode, caller: caller, now: context.now)
        else {
            // Another reviewer decided between the read and the write: say who and what, as a later request would.
            let now = try database.reviewTarget(id: params.id) ?? target
            throw ZHTJError.alreadyDecided(params.id, by: now.decidedByName ?? "another reviewer", state: now.state.rawValue)
        }
        FaultInjection.point("review.committed")
        if next == .rejected { writeRejectionNote(target, params: params, now: context.now) }
        logger.notice(approve ? "approved" : "rejected", metadata: ["zhtj.review": "\(params.id)", "zhtj.member": "\(target.memberID)"])
        return try database.member(key: String(target.memberID), within: context.scope)
    }

    /// R-E6 to R-E8: the state a decision leads to, or why it cannot be taken.
    private static func nextState(_ decision: ReviewRules.Decision, _ target: ReviewTarget) throws -> ArchiveState {
        switch ReviewRules.decide(decision, current: target.state) {
        case .success(let state): return state
        case .failure(.reasonRequired): throw ZHTJError.reasonRequired
        case .failure(.alreadyDecided(let state)):
            throw ZHTJError.alreadyDecided(target.id, by: target.decidedByName ?? "another reviewer", state: state.rawValue)
        }
    }

    /// `<number>-<name>.rejected.txt` in the uploading org's inbox folder (the watcher ignores such names).
    private func writeRejectionNote(_ outcome: ReviewTarget, params: DecisionParams, now: Date) {
        let name = "\(outcome.developmentNumber ?? "member\(outcome.memberID)")-\(outcome.memberName).rejected.txt"
            .replacingOccurrences(of: "/", with: "_")
        let code = params.reasonCode.flatMap(RejectionCode.init(rawValue:))
        let text = """
            电子档案被退回 / e-archive rejected
            团员 member: \(outcome.memberName) \(outcome.developmentNumber ?? "")
            原因 reason: \(code.map { "[\($0.chinese) \($0.rawValue)] " } ?? "")\(params.reason ?? "")
            时间 time: \(UTCStamp.string(now))
            处理 what to do: 改正后把新的扫描件放入本目录 / fix it and drop the new scan into this folder; it is reviewed again (R-E7).

            """
        let path = layout.inbox + "/" + outcome.uploaderFolder + "/" + name
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            logger.warning("cannot write the rejection note", metadata: ["zhtj.file": "\(path)", "zhtj.error": "\(error)"])
        }
    }

}
