import Foundation
import ZHTJCore

/// Review of archive versions (R-E4 to R-E8) and change requests (R-E12).
public protocol ReviewStore: Sendable {
    /// What a new file for this member would meet, before anything is archived.
    func dropDecision(memberID: Int64) throws -> ReviewRules.Drop
    func reviewQueue(caller: Caller, now: Date) throws -> [ReviewItem]
    func reviewOverview(caller: Caller) throws -> [ReviewOverviewRow]
    /// Approves or rejects a pending version; exactly one of two concurrent decisions wins.
    func decide(reviewID: Int64, decision: ReviewRules.Decision, reasonCode: String?, caller: Caller, now: Date) throws -> DecisionOutcome
    func requestChange(memberKey: String, reason: String, caller: Caller, now: Date) throws -> ChangeRequestInfo
    func changeRequests(caller: Caller) throws -> [ChangeRequestInfo]
    func decideChange(id: Int64, approve: Bool, reason: String?, caller: Caller, now: Date) throws -> ChangeRequestInfo
}
