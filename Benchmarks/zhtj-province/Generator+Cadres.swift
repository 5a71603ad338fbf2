import Foundation
import GRDB
import ZHTJCore

extension Generator {
    /// Three cadres per leading body and committee (专职 secretary, 挂职 deputy, 兼职 member; R-C1), each with its post,
    /// and the key-area figures of the universities and state firms of their own level (seed 001 §2.2), so that
    /// `cadre list` and `cadre staffing` have a province to read.
    func insertCadres(_ db: Database, _ tree: ProvinceTree) throws {
        let cadre = try db.makeStatement(
            sql: """
                INSERT INTO cadre (orgID, name, idNumber, birthDate, ethnicity, education, occupation, politicalStatus, joinDate, post,
                    postSince, appointedHow, kind, partyCommitteeMember, onDuty, mobile, partyApplication, volunteer, createdAt, createdByUID)
                VALUES (?, ?, ?, ?, '汉族', '本科', ?, ?, ?, ?, '2023-09', ?, ?, ?, 1, '13800001234', ?, 0, ?, ?)
                """)
        let post = try db.makeStatement(
            sql: "INSERT INTO cadrePost (cadreID, post, since, appointedHow, recordedAt) VALUES (?, ?, '2023-09', ?, ?)")
        let keyArea = try db.makeStatement(
            sql: "INSERT INTO orgKeyArea (orgID, area, studentCount, enterpriseLevel, location, recordedAt) VALUES (?, ?, ?, ?, ?, ?)")
        var people = People(seed: 16)
        var index = 9_000_000
        let industries = Dictionary(tree.orgs.map { ($0.id, $0.industry) }, uniquingKeysWith: { a, _ in a })
        let birth = CivilDate(year: 1992, month: 6, day: 1)!
        for org in tree.orgs where org.category.isCommitteeLevel {
            let roles: [(String, CadreKind, String, String)] = [
                ("书记", .fullTime, "中共党员", "任命"), ("副书记", .seconded, "共青团员", "任命"), ("委员", .partTime, "共青团员", "选举"),
            ]
            for (role, kind, status, how) in roles {
                index += 1
                try cadre.execute(arguments: [
                    org.id, people.name(), People.idNumber(index: index, birth: birth), birth.description, kind == .partTime ? "职员" : "团干部",
                    status, "2007-05", role, how, kind.rawValue, role == "书记", status == "中共党员" ? nil : false, now, uid,
                ])
                try post.execute(arguments: [db.lastInsertedRowID, role, how, now])
            }
            let parent = org.parentID.flatMap { industries[$0] } ?? nil
            switch KeyArea.ownLevel(industry: org.industry, parentIndustry: parent, isRoot: org.parentID == nil) {
            case .university?: try keyArea.execute(arguments: [org.id, "university", 5000 + Int(org.id % 30_000), nil, nil, now])
            case .soe?: try keyArea.execute(arguments: [org.id, "soe", nil, "市属企业", "某某市", now])
            case nil: break
            }
        }
    }
}
