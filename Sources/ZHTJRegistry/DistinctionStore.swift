import Foundation
import ZHTJCore

/// Rewards and sanctions (R-W2): kept for ever, never changed.
public protocol DistinctionStore: Sendable {
    /// Records a checked reward or sanction of a member the handler found in the caller's subtree, granted by the
    /// caller's org, with its audit row (`distinction.award` / `distinction.sanction` on `member:ID`).
    func addDistinction(_ entry: NewDistinction, caller: Caller, now: Date) throws -> DistinctionInfo
    /// A member's rewards and sanctions, oldest entry first.
    func distinctions(memberID: Int64) throws -> [DistinctionInfo]
}
