import Foundation
import GRDB
import Testing
@testable import ZHTJCore
import ZHTJRegistry
@testable import ZHTJStorage

/// The cadre store on an in-memory database (R-C1, R-C2, seed 001 §2.2–2.3): posts kept, removals final, key-area
/// figures once, staffing counted over a subtree.
@Suite struct CadreStoreTests {
    static let now = AppDatabaseTests.now

    static func draft(_ line: Int, _ name: String, seq: Int, kind: CadreKind) -> CadreDraft {
        let first17 = String(format: "110101198801%02d%03d", 1 + seq % 28, seq)
        return CadreDraft(
            line: line, name: name, idNumber: first17 + String(IDNumber.checkCharacter(for: first17)), birthDate: CivilDate(year: 1988, month: 1, day: 1 + seq % 28)!,
            ethnicity: "汉族", education: "本科", occupation: "教师", politicalStatus: "共青团员", joinDate: JoinDate("2003-05")!,
            post: "团委副书记", postSince: "2024-09", appointedHow: "选举", kind: kind, partyCommitteeMember: false, onDuty: true, mobile: "13800001111",
            partyApplication: false, volunteer: false)
    }

    /// Root 1; university committee 2 (industry 普通高等院校) with branch 3 below it sharing the industry.
    static func seed(_ db: AppDatabase) throws -> Caller {
        let (root, admin) = try AppDatabaseTests.rootWithAdmin(db)
        _ = try db.createOrg(name: "某某大学团委", fullName: nil, category: .committee, industry: "普通高等院校", parentID: root.id, caller: admin, now: now)
        _ = try db.createOrg(name: "一班团支部", fullName: nil, category: .branch, industry: "普通高等院校", parentID: 2, caller: admin, now: now)
        return admin
    }

    // R-C1, R-C2
    @Test func postsAreKeptAndARemovalIsFinal() throws {
        let db = try AppDatabase.inMemory()
        let admin = try Self.seed(db)
        let outcome = try db.addCadres([Self.draft(2, "甲", seq: 1, kind: .fullTime), Self.draft(3, "乙", seq: 2, kind: .partTime), Self.draft(4, "甲", seq: 1, kind: .fullTime)], orgID: 2, caller: admin, now: Self.now)
        #expect(outcome.added.count == 2 && outcome.rejectedLines == [4], "the same person twice in a table")
        let again = try db.addCadres([Self.draft(2, "甲", seq: 1, kind: .fullTime)], orgID: 2, caller: admin, now: Self.now)
        #expect(again.added.isEmpty && again.issues.first?.reason.contains("already a cadre in post here") == true)
        // A branch's cadre must be a member of the branch.
        let branch = try db.addCadres([Self.draft(2, "丙", seq: 3, kind: .partTime)], orgID: 3, caller: admin, now: Self.now)
        #expect(branch.added.isEmpty && branch.issues.first?.column == "身份证号码")

        let id = outcome.added[0].id
        let changed = try db.changeCadrePost(id: id, post: "团委书记", since: "2025-06", how: "任命", caller: admin, now: Self.now)
        #expect(changed.posts?.map(\.post) == ["团委副书记", "团委书记"] && changed.posts?.first?.endedAt != nil)
        let removed = try db.removeCadre(id: id, to: .other, other: "援藏", caller: admin, now: Self.now)
        #expect(removed.removedTo == .other && removed.removedOther == "援藏" && removed.posts?.allSatisfy { $0.endedAt != nil } == true)
        #expect(throws: ZHTJError.self) { try db.removeCadre(id: id, to: .graduated, other: nil, caller: admin, now: Self.now) }
        #expect(throws: (any Error).self) { try db.write { try $0.execute(sql: "UPDATE cadre SET post = 'x' WHERE id = ?", arguments: [id]) } }
        #expect(throws: (any Error).self) { try db.write { try $0.execute(sql: "DELETE FROM cadrePost") } }
        #expect(try db.cadres(within: .everything, includeRemoved: false, limit: 10).map(\.name) == ["乙"])
        #expect(try db.cadres(within: .everything, includeRemoved: true, limit: 10).count == 2)
        #expect(try db.cadre(key: "甲", within: .everything).id == id, "a removed cadre is still found")
        #expect(throws: ZHTJError.cadreNotFound("甲")) { try db.cadre(key: "甲", within: Subtree(path: "/1/3/")) }
    }

    // Seed 001 §2.2, §2.3
    @Test func keyAreaFiguresOnceAndStaffing() throws {
        let db = try AppDatabase.inMemory()
        let admin = try Self.seed(db)
        _ = try db.addCadres([Self.draft(2, "甲", seq: 1, kind: .fullTime), Self.draft(3, "乙", seq: 2, kind: .partTime)], orgID: 2, caller: admin, now: Self.now)
        #expect(try db.staffing(within: .everything, area: nil).first?.base == nil, "no student count yet")
        _ = try db.setKeyArea(orgID: 2, area: .university, students: 1000, level: nil, location: nil, caller: admin, now: Self.now)
        #expect(throws: ZHTJError.self) { try db.setKeyArea(orgID: 2, area: .university, students: 2000, level: nil, location: nil, caller: admin, now: Self.now) }
        #expect(throws: (any Error).self) { try db.write { try $0.execute(sql: "UPDATE orgKeyArea SET studentCount = 5") } }
        let rows = try db.staffing(within: .everything, area: .university)
        #expect(rows.map(\.orgID) == [2], "the branch sharing the industry is not of the university's own level")
        #expect(rows.first?.fullTime == 1 && rows.first?.partTime == 1 && rows.first?.perThousand == 2 && rows.first?.basePerFullTime == 1000)
        #expect(try db.staffing(within: .everything, area: .soe).isEmpty)
    }
}
