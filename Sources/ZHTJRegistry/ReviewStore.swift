import Foundation
import ZHTJCore

/// Review of archive versions (R-E4 to R-E8) and change requests (R-E12).
public protocol ReviewStore: Sendable {
    /// What a new file for this member would meet, before anything is archived.
    func dropDecision(memberID: Int64) throws -> ReviewRules.Drop
    func reviewQueue(caller: Caller, now: Date) throws -> [ReviewItem]
    func reviewOverview(caller: Caller) throws -> [ReviewOverviewRow]
    /// A version as a decision needs it; nil when there is none with that id.
    func reviewTarget(id: Int64) throws -> ReviewTarget?
    /// Moves a version from pending to `state` with its audit row, in one transaction; false when it is no longer
    /// pending (another reviewer decided first: exactly one of two concurrent decisions wins).
    func recordDecision(reviewID: Int64, state: ArchiveState, reason: String?, reasonCode: String?, caller: Caller, now: Date) throws -> Bool
    func requestChange(memberKey: String, reason: String, caller: Caller, now: Date) throws -> ChangeRequestInfo
    func changeRequests(caller: Caller) throws -> [ChangeRequestInfo]
    func decideChange(id: Int64, approve: Bool, reason: String?, caller: Caller, now: Date) throws -> ChangeRequestInfo
}
