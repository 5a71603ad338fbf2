import Foundation
import ZHTJCore

/// League-fee payments (R-W4): one per member and month, kept for ever, never changed. A member who has left
/// (`leftAt`) pays nothing and counts nowhere.
public protocol FeeStore: Sendable {
    /// Records one payment (`source` `manual`) of a member the handler found in the caller's subtree; refused when
    /// the member has left or the month is paid already. Audited as `fee.record` on `member:ID`.
    func recordFee(memberID: Int64, month: String, amountFen: Int, reference: String?, caller: Caller, now: Date) throws -> FeePaymentInfo
    /// Records a table's checked rows (`source` `import`) in one transaction with one audit row (`fee.import`): each
    /// row's member must be in `subtree` and not have left, its month not be paid already (in the database or by an
    /// earlier row); other rows are reported.
    func importFees(_ drafts: [FeeDraft], within subtree: Subtree, caller: Caller, now: Date) throws -> FeeImportOutcome
    /// A member's payments, by month.
    func feePayments(memberID: Int64) throws -> [FeePaymentInfo]
    /// For `month`, per direct subordinate of `orgID` (or `orgID` itself when it has none), from the kept tallies:
    /// members who have not left and had joined by that month, and who of them paid; and the first `limit` unpaid
    /// members of the subtree, branch by branch (ID numbers masked).
    func feeStatus(orgID: Int64, month: String, limit: Int) throws -> (rows: [FeeOrgStatus], unpaid: [FeeUnpaidMember])
}
