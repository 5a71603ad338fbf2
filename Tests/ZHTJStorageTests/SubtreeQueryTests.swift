import Foundation
import GRDB
import Testing
@testable import ZHTJCore
import ZHTJRegistry
@testable import ZHTJStorage

/// The subtree queries rewritten for a province-sized registry (migration v6): path ranges instead of `LIKE`,
/// member counts kept by triggers, name search through name suffixes, the one-pass reminder sweep.
@Suite struct SubtreeQueryTests {
    static let now = AppDatabaseTests.now

    static func draft(_ line: Int, _ name: String, seq: Int, joined: String, branch: Int64, number: String?) -> MemberDraft {
        let first17 = String(format: "110101199801%02d%03d", 1 + seq % 28, seq)
        return MemberDraft(
            line: line, name: name, idNumber: first17 + String(IDNumber.checkCharacter(for: first17)),
            birthDate: CivilDate(year: 1998, month: 1, day: 1 + seq % 28)!, ethnicity: "汉族", politicalStatus: "共青团员",
            joinDate: JoinDate(joined)!, branch: String(branch), isCadre: false, developmentNumber: number, mobile: nil,
            education: nil, occupation: nil)
    }

    /// Root 1, committees 2 … 23 under it, branch 24 under 2 and branch 25 under 23; an admin of the root.
    static func seed(_ db: AppDatabase) throws -> Caller {
        let (root, admin) = try AppDatabaseTests.rootWithAdmin(db)
        for i in 2...23 {
            _ = try db.createOrg(name: "第\(i)团委", fullName: nil, category: .committee, industry: nil, parentID: root.id, caller: admin, now: now)
        }
        _ = try db.createOrg(name: "一班团支部", fullName: nil, category: .branch, industry: nil, parentID: 2, caller: admin, now: now)
        _ = try db.createOrg(name: "二班团支部", fullName: nil, category: .branch, industry: nil, parentID: 23, caller: admin, now: now)
        return admin
    }

    @Test func subtreeBoundsSeparateSiblingsThatSharePrefixes() {
        let (lower, upper) = AppDatabase.subtreeBounds("/1/2/")
        for inside in ["/1/2/", "/1/2/7/", "/1/2/99/100/"] { #expect(inside >= lower && inside < upper, "\(inside)") }
        for outside in ["/1/23/", "/1/20/", "/1/3/", "/1/", "/1/2"] { #expect(!(outside >= lower && outside < upper), "\(outside)") }
    }

    // R-O8: counts and trees of org /1/2/ leave out org /1/23/ and its members.
    @Test func countsAndTreesKeepToTheirSubtree() throws {
        try AppDatabaseTests.withDatabase { db, _ in
            let admin = try Self.seed(db)
            let outcome = try db.importMembers(
                [
                    Self.draft(2, "李明", seq: 1, joined: "2015-05", branch: 24, number: nil),
                    Self.draft(3, "张强", seq: 2, joined: "2022-05", branch: 25, number: "202244010001"),
                    Self.draft(4, "赵丽", seq: 3, joined: "2022-05", branch: 25, number: "202244010002"),
                ], within: .everything, caller: admin, now: Self.now)
            #expect(outcome.imported.count == 3)
            #expect(try db.org(id: 2)?.memberCount == 1)
            #expect(try db.org(id: 23)?.memberCount == 2)
            #expect(try db.org(id: 1)?.memberCount == 3)
            #expect(try db.subtree(of: 2).map(\.org.id) == [2, 24])
            #expect(try db.subtree(of: 23).map(\.org.id) == [23, 25])
            let scoped = Subtree(path: "/1/2/")
            #expect(try db.searchMembers("1101", within: scoped, limit: 50).map(\.name) == ["李明"])
            #expect(try db.searchMembers("1101", within: .everything, limit: 50).count == 3)
            #expect(throws: ZHTJError.self) { try db.member(key: "张强", within: scoped) }
            // A transfer moves the count with the member (trigger member_count_move).
            let li = try db.member(key: "李明", within: .everything)
            let to = try #require(try db.org(id: 25))
            try db.transfer(memberID: li.id, to: to, caller: admin, now: Self.now)
            #expect(try db.org(id: 2)?.memberCount == 0)
            #expect(try db.org(id: 23)?.memberCount == 3)
            #expect(try db.org(id: 1)?.memberCount == 3)
            let stats = try db.stats(orgID: 1, year: nil)
            #expect(stats.filter { $0.orgID == 23 }.map(\.notAuthenticated).reduce(0, +) == 2)
            #expect(stats.filter { $0.orgID == 23 }.map(\.notRequired).reduce(0, +) == 1)
            #expect(stats.filter { $0.orgID == 2 }.isEmpty)
        }
    }

    // R-E13: search by a part of the name, or the start of an ID number or development number; `%` and `_` are
    // plain characters; ASCII letters match in any case, as LIKE did.
    @Test func searchMatchesNamePartsAndNumberPrefixes() throws {
        try AppDatabaseTests.withDatabase { db, _ in
            let admin = try Self.seed(db)
            _ = try db.importMembers(
                [
                    Self.draft(2, "欧阳小明", seq: 4, joined: "2022-05", branch: 24, number: "202244010003"),
                    Self.draft(3, "Anna_Li", seq: 5, joined: "2022-05", branch: 24, number: "202344010004"),
                    Self.draft(4, "王100%", seq: 6, joined: "2022-05", branch: 25, number: "202244010005"),
                ], within: .everything, caller: admin, now: Self.now)
            func names(_ text: String) throws -> [String] { try db.searchMembers(text, within: .everything, limit: 50).map(\.name) }
            #expect(try names("小明") == ["欧阳小明"])
            #expect(try names("阳小") == ["欧阳小明"])
            #expect(try names("欧阳小明") == ["欧阳小明"])
            #expect(try names("ANNA") == ["Anna_Li"])
            #expect(try names("a_l") == ["Anna_Li"])
            #expect(try names("0%") == ["王100%"])
            #expect(try names("%").count == 1)
            #expect(try names("_").count == 1)
            #expect(try names("2023").map { $0 } == ["Anna_Li"])
            #expect(try names("20224401000") == ["欧阳小明", "王100%"])
            #expect(try names("110101199801").count == 3)
            #expect(try names("明小").isEmpty)
            #expect(try db.searchMembers("1101", within: .everything, limit: 2).count == 2)
        }
    }

    // R-E10: the one-pass sweep gives each org the reminder that `reminder(orgID:)` gives it.
    @Test func sweepEqualsEachOrgsReminder() throws {
        try AppDatabaseTests.withDatabase { db, _ in
            let admin = try Self.seed(db)
            _ = try db.importMembers(
                [
                    Self.draft(2, "李明", seq: 7, joined: "2022-05", branch: 24, number: "202244010006"),
                    Self.draft(3, "张强", seq: 8, joined: "2021-05", branch: 25, number: "202144010007"),
                    Self.draft(4, "赵丽", seq: 9, joined: "2012-05", branch: 25, number: nil),
                ], within: .everything, caller: admin, now: Self.now)
            var seen = 0
            try db.forEachReminder(now: Self.now, oldest: 20, skipping: [3]) { reminder in
                seen += 1
                #expect(reminder.org.id != 3)
                let single = try db.reminder(orgID: reminder.org.id, now: Self.now, oldest: 20)
                #expect(reminder == single)
            }
            #expect(seen == 24)
            // The banner's counts are the reminder's (R-E10).
            for org: Int64 in [1, 2, 23, 25] {
                let counts = try db.reminderCounts(orgID: org)
                let reminder = try db.reminder(orgID: org, now: Self.now, oldest: 20)
                #expect(counts.notUploaded == reminder.counts.notUploaded)
                #expect(counts.notAuthenticated == reminder.counts.notAuthenticated)
                #expect(counts.reviewsWaiting == reminder.reviewsWaitingCount)
            }
            #expect(try db.reminderCounts(orgID: 1).notUploaded == 2)
            #expect(try db.markRemindersSent([(1, "a"), (2, "b")], day: "2026-09-21", now: Self.now) == [1, 2])
            #expect(try db.markRemindersSent([(2, "b"), (3, "c")], day: "2026-09-21", now: Self.now) == [3])
            #expect(try db.remindersSent(day: "2026-09-21") == [1, 2, 3])
        }
    }
}
