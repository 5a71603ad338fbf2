import Foundation
import GRDB
import Testing
@testable import ZHTJCore
import ZHTJRegistry
@testable import ZHTJStorage

/// Issue 13: reminders read from the kept tallies (v7, v8) say what a count of the members themselves says, on
/// random histories (`TallyPropertyTests.randomWrites`) and on several days, so the 30-day line (R-E2) moves with the
/// date without a row rewritten; the daily sweep gives each org the reminder `zhtj reminders` gives it (R-E10).
@Suite struct ReminderPropertyTests {
    static let days = ["2019-06-01", "2022-03-15", "2024-02-29", "2026-09-21", "2027-01-01"]

    static func noon(_ day: String) -> Date { ISO8601DateFormatter().date(from: day + "T12:00:00Z")! }

    /// What a reminder should say, from the members and their archive versions, by the domain's rules in Swift (a
    /// member who has left the league or the tree is reminded of nothing, R-M4).
    static func oracle(_ db: AppDatabase, orgID: Int64, today: CivilDate) throws -> (counts: ReminderCounts, overdue: [Int64]) {
        try db.read { db in
            let path = try String.fetchOne(db, sql: "SELECT path FROM org WHERE id = ?", arguments: [orgID])!
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.id, m.joinDate, b.path,
                    (SELECT state FROM archiveVersion WHERE memberID = m.id ORDER BY version DESC LIMIT 1) AS latest
                FROM member AS m JOIN org AS b ON b.id = m.branchID
                WHERE m.leftAt IS NULL
                """)
            var counts = ReminderCounts()
            var overdue: [(CivilDate, Int64)] = []
            for row in rows where (row["path"] as String).hasPrefix(path) {
                let joined = JoinDate(row["joinDate"])!
                let latest = (row["latest"] as String?).flatMap(ArchiveState.init(rawValue:))
                guard MembershipRules.needsEArchive(joined: joined), latest != .approved else { continue }
                switch latest {
                case .pending: counts.waitingForReview += 1
                case .rejected: counts.rejected += 1
                default: counts.notUploaded += 1
                }
                let due = ReminderPolicy.dueDate(joined: joined)
                if due < today {
                    counts.overdue += 1
                    overdue.append((due, row["id"]))
                }
            }
            return (counts, overdue.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.1))
        }
    }

    @Test(arguments: [UInt64(4), 5])
    func remindersAgreeWithACountOfTheMembers(seed: UInt64) throws {
        let db = try AppDatabaseTests.fresh()
        var checked = 0
        try TallyPropertyTests.randomWrites(db, seed: seed, steps: 160) { step, _ in
            guard step % 40 == 39 else { return true }
            let orgs = try db.read { try Int64.fetchAll($0, sql: "SELECT id FROM org ORDER BY id") }
            // Also the very days some open members' e-archives fall due: the line itself (due today is not overdue).
            let dueDays = try db.read {
                try String.fetchAll($0, sql: "SELECT dueDate FROM member WHERE joinYear >= 2020 GROUP BY dueDate ORDER BY min(id) LIMIT 2")
            }
            #expect(dueDays.count == 2)
            for day in Self.days + dueDays {
                let now = Self.noon(day)
                let today = CivilDate(year: Int(day.prefix(4))!, month: Int(day.dropFirst(5).prefix(2))!, day: Int(day.suffix(2))!)!
                var swept: [Int64: Reminder] = [:]
                try db.forEachReminder(now: now, oldest: 3) { swept[$0.org.id] = $0 }
                for org in orgs {
                    let expected = try Self.oracle(db, orgID: org, today: today)
                    let reminder = try db.reminder(orgID: org, now: now, oldest: 3)
                    #expect(reminder.counts == expected.counts, "seed \(seed) step \(step) \(day) org \(org)")
                    let names = reminder.listing == .members ? expected.overdue : Array(expected.overdue.prefix(3))
                    #expect(reminder.overdue.map(\.memberID) == names, "seed \(seed) step \(step) \(day) org \(org)")
                    #expect(swept[org] == reminder, "seed \(seed) step \(step) \(day) org \(org): the sweep differs")
                    if reminder.listing == .oldestOverdue {
                        #expect(reminder.subordinates.reduce(ReminderCounts()) { $0 + $1.counts } == reminder.counts)
                        let path = try db.path(of: org)
                        for walking in [true, false] {
                            let listed = try db.read {
                                try AppDatabase.oldestOverdue($0, path: path, counts: reminder.counts, today: day, limit: 3, walking: walking)
                            }
                            #expect(listed.map(\.memberID) == names, "walking \(walking)")
                        }
                    } else {
                        #expect(reminder.listedMembers.count == expected.counts.notAuthenticated)
                    }
                    let full = try db.fullReminder(orgID: org, now: now)
                    #expect(full.overdue.map(\.memberID) == expected.overdue)
                    #expect(full.listedMembers.count == expected.counts.notAuthenticated)
                    #expect(full.counts == expected.counts)
                    checked += 1
                }
            }
            return true
        }
        #expect(checked == 4 * (Self.days.count + 2) * 8)
    }

    // R-E2: the due date of a month-only join date counts from the month's last day; the store's generated column and
    // the domain's rule agree on every day of four years (leap years, month ends).
    @Test func theStoredDueDateIsTheDomainsOnEveryDay() throws {
        let db = try AppDatabase.inMemory()  // SQLite's date functions and its schema's text
        var day = CivilDate(year: 2023, month: 1, day: 1)!
        var dates: [String] = []
        while day.year < 2027 {
            dates.append(day.description)
            if day.day == 1 { dates.append(String(day.description.prefix(7))) }
            day = day.adding(days: 1)
        }
        let stored = try db.read { db in
            try dates.map { date in
                try String.fetchOne(
                    db, sql: """
                        SELECT CASE WHEN length(?1) = 7 THEN date(?1 || '-01', '+1 month', '-1 day', '+30 days')
                        ELSE date(?1, '+30 days') END
                        """, arguments: [date])!
            }
        }
        let columnSQL = try db.read { try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE name = 'member'")! }
        #expect(columnSQL.contains("date(joinDate || '-01', '+1 month', '-1 day', '+30 days')"))
        for (date, due) in zip(dates, stored) {
            #expect(ReminderPolicy.dueDate(joined: JoinDate(date)!).description == due, "\(date)")
        }
        #expect(CivilDate(year: 2024, month: 2, day: 28)!.adding(days: 2).description == "2024-03-01")
        #expect(CivilDate(year: 2024, month: 3, day: 1)!.adding(days: -1).description == "2024-02-29")
        #expect(CivilDate(year: 2026, month: 12, day: 31)!.adding(days: 1).description == "2027-01-01")
    }
}
