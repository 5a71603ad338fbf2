import Foundation
import ZHTJCore

/// Reminders of open items (R-E10): what each org has open, and what was sent when.
public protocol ReminderStore: Sendable {
    /// A branch's open members by name; above branch level the counts per subordinate and the `oldest`
    /// longest-overdue members of the subtree; at most `oldest` of the reviews waiting (from the kept tallies).
    func reminder(orgID: Int64, now: Date, oldest: Int) throws -> Reminder
    /// Every open member of the subtree by name (`reminders --all`, `--csv`): reads them all.
    func fullReminder(orgID: Int64, now: Date) throws -> Reminder
    func reminderCounts(orgID: Int64) throws -> (notUploaded: Int, notAuthenticated: Int, reviewsWaiting: Int)
    /// Every org's reminder from one pass over the open e-archives (the daily sweep), except the `skipping` orgs.
    func forEachReminder(now: Date, oldest: Int, skipping: Set<Int64>, _ body: (Reminder) throws -> Void) throws
    func remindersSent(day: String) throws -> Set<Int64>
    func markRemindersSent(_ sent: [(orgID: Int64, file: String)], day: String, now: Date) throws -> [Int64]
    func markReminderSent(orgID: Int64, day: String, file: String, now: Date) throws -> Bool
    func reminderSent(orgID: Int64, day: String) throws -> Bool
    func recordHookDelivery(orgID: Int64, adminID: Int64, day: String, attempts: Int, ok: Bool, detail: String?, now: Date) throws
}
