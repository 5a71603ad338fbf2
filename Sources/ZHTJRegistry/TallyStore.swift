import Foundation
import ZHTJCore

/// Per-org tallies of the members below each org, by join year and by where their e-archive stands, kept exact in
/// the transaction of every write that changes them (issue 13). Reading them is cheap; recounting is not.
public protocol TallyStore: Sendable {
    /// Where the kept tallies and a recount from the base tables differ (nothing, if all is well).
    func tallyDifferences() throws -> [TallyDifference]
    /// Recounts every tally from the base tables and keeps the recount, in one transaction; returns what differed.
    func rebuildTallies() throws -> (rows: Int, differences: [TallyDifference])
}
