import Foundation
import ZHTJCore

/// The org tree (R-O1 to R-O5): orgs, their paths and secretaries.
public protocol OrgStore: Sendable {
    func rootOrg() throws -> OrgSummary?
    func org(id: Int64) throws -> OrgSummary?
    func createRoot(name: String, category: OrgCategory, industry: String?, caller: Caller, now: Date) throws -> (OrgSummary, CodeInfo)
    func createOrg(
        name: String, fullName: String?, category: OrgCategory, industry: String?, parentID: Int64, caller: Caller, now: Date
    ) throws -> OrgSummary
    /// An org by identifier or name; with a subtree, one inside it (`outside_subtree` otherwise).
    func resolveOrg(_ ref: String, within subtree: Subtree?) throws -> OrgSummary
    /// The whole subtree of `orgID`, depth-first.
    func subtree(of orgID: Int64) throws -> [OrgTreeNode]
    /// The subtree down to `depth` levels below `orgID` (nil: all), with the count of all its orgs; reads only the
    /// levels shown.
    func subtree(of orgID: Int64, depth: Int?) throws -> OrgTreePage
    /// The orgs in the subtree of `orgID`, itself included, counted up to `cap` (cheap however large the subtree).
    func subtreeSize(of orgID: Int64, upTo cap: Int) throws -> Int
    func children(of orgID: Int64) throws -> [OrgSummary]
    func path(of orgID: Int64) throws -> String
    func orgPathAndCategory(_ id: Int64) throws -> (path: String, category: OrgCategory)?
    func setSecretary(orgID: Int64, name: String, idNumber: String, mobile: String, caller: Caller, now: Date) throws -> OrgSummary
    /// Per subordinate org: where its members' e-archives stand.
    func progress(orgID: Int64, now: Date) throws -> (rows: [ProgressRow], totals: [ProgressTotal])
    func stats(orgID: Int64, year: Int?) throws -> [StatsRow]
}
