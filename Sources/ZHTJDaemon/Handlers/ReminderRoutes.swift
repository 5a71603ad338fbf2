import Foundation
import ZHTJCore
import ZHTJRegistry

/// Reminders of open items (R-E10), the banner and statistics.
enum ReminderRoutes: RouteCollection {
    static func register(on routes: inout RouteTable) {
        routes.add(API.Reminders.self, RequestHandler.reminders)
        routes.add(API.RemindersBanner.self, RequestHandler.banner)
        routes.add(API.Stats.self, RequestHandler.stats)
    }
}

extension RequestHandler {
    /// `reminders [--org ORG] [--all] [--send]` (R-E10): the caller's org's reminder, or one org's of its subtree,
    /// as the daily one (a branch's names; above it counts and the oldest `reminders.oldest`), or with `all` every
    /// open member by name; `--send` delivers the daily one now (at most once per org and day).
    func reminders(_ params: RemindersParams, _ context: AdminContext) throws -> RemindersResult {
        let admin = context.admin
        let org = try params.org.map { try database.resolveOrg($0, within: context.scope) } ?? admin.org
        let reminder = params.all == true
            ? try database.fullReminder(orgID: org.id, now: context.now)
            : try database.reminder(orgID: org.id, now: context.now, oldest: settings.reminderOldest)
        var delivery: [String: String] = [:]
        if params.send {
            delivery[org.displayID] = try self.delivery.deliver(orgID: org.id, now: context.now).rawValue
        }
        return RemindersResult(reminders: [reminder], delivery: delivery)
    }

    /// `reminders.banner`: the one-line prompt the CLI prints before a command (R-E10) for an admin, and for the
    /// operator a line when the last good backup is more than two days old (issue 14). Anyone may ask: a caller who
    /// is neither gets no line.
    func banner(_: NoParams, _ context: RequestContext) throws -> BannerResult {
        var result = BannerResult(line: nil)
        if let admin = context.admin {
            // Counted in SQL: the banner needs no lists (for a province's root, the lists hold every open member).
            let r = try database.reminderCounts(orgID: admin.org.id)
            result.line = ReminderPolicy.banner(notUploaded: r.notUploaded, notAuthenticated: r.notAuthenticated, reviewsWaiting: r.reviewsWaiting)
        }
        if context.isOperator, backups != nil {
            result.operatorLine = try backupWarning(lastGood: try database.lastBackups().lastGood?.startedAt, now: context.now)
        }
        return result
    }
}
