import Foundation
import ZHTJCore
import ZHTJStorage

extension RequestHandler {
    /// `reminders [--org ORG] [--send]` (R-E10): the caller's org's reminder, or one org's of its subtree;
    /// `--send` delivers it now (at most once per org and day).
    func reminders(_ params: RemindersParams, _ context: Context) throws -> RemindersResult {
        let (caller, admin) = try context.requireAdmin()
        let org = try params.org.map { try database.resolveOrg($0, scopePath: caller.orgPath) } ?? admin.org
        let reminder = try database.reminder(orgID: org.id, now: context.now)
        var delivery: [String: String] = [:]
        if params.send {
            delivery[org.displayID] = try self.delivery.deliver(orgID: org.id, now: context.now).rawValue
        }
        return RemindersResult(reminders: [reminder], delivery: delivery)
    }

    /// `reminders.banner`: the one-line prompt the CLI prints before a command (R-E10).
    func banner(_ context: Context) throws -> BannerResult {
        let (_, admin) = try context.requireAdmin()
        // Counted in SQL: the banner needs no lists (for a province's root, the lists hold every open member).
        let r = try database.reminderCounts(orgID: admin.org.id)
        return BannerResult(line: ReminderPolicy.banner(notUploaded: r.notUploaded, notAuthenticated: r.notAuthenticated, reviewsWaiting: r.reviewsWaiting))
    }
}
