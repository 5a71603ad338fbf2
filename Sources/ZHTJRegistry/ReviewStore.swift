import Foundation
import ZHTJCore

/// Review of archive versions (R-E4 to R-E8) and change requests (R-E12).
public protocol ReviewStore: Sendable {
    /// What a new file for this member would meet, before anything is archived.
    func dropDecision(memberID: Int64) throws -> ReviewRules.Drop
    /// One page of the pending versions `reviewerOrgID` reviews: at most `limit` (nil: all) with an id greater than `after`, oldest first, with the count of
    /// all of them and of those after the page; reads only the page.
    func reviewPage(reviewerOrgID: Int64, after: Int64?, limit: Int?, now: Date) throws -> ReviewsPage
    /// Per direct subordinate of `orgID`: where the e-archives stand.
    func reviewOverview(orgID: Int64) throws -> [ReviewOverviewRow]
    /// A version as a decision needs it; nil when there is none with that id.
    func reviewTarget(id: Int64) throws -> ReviewTarget?
    /// Moves a version from pending to `state` with its audit row, in one transaction; false when it is no longer
    /// pending (another reviewer decided first: exactly one of two concurrent decisions wins).
    func recordDecision(reviewID: Int64, state: ArchiveState, reason: String?, reasonCode: String?, caller: Caller, now: Date) throws -> Bool
    func requestChange(memberID: Int64, reason: String, caller: Caller, now: Date) throws -> ChangeRequestInfo
    /// The pending change requests `reviewerOrgID` decides.
    func changeRequests(reviewerOrgID: Int64) throws -> [ChangeRequestInfo]
    /// The reviewer org and state of a change request.
    func changeReviewer(id: Int64) throws -> (reviewerOrgID: Int64, state: String)?
    /// Decides a change request that is still pending (`change_request_not_found` otherwise).
    func decideChange(id: Int64, approve: Bool, reason: String?, caller: Caller, now: Date) throws -> ChangeRequestInfo
}
