import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

/// Key-area monitoring (seed 001 §2.2, §2.3): the figures a university or state firm records once, and the staffing
/// of the key-area orgs of a subtree.
extension AppDatabase {
    static func keyAreaInfo(_ row: Row) -> KeyAreaInfo {
        KeyAreaInfo(
            orgID: row["orgID"], org: row["orgName"], area: KeyArea(rawValue: row["area"]) ?? .university, studentCount: row["studentCount"],
            enterpriseLevel: row["enterpriseLevel"], location: row["location"], recordedAt: row["recordedAt"])
    }

    static let keyAreaSelection = "SELECT k.*, o.fullName AS orgName FROM orgKeyArea AS k JOIN org AS o ON o.id = k.orgID"

    public func keyArea(orgID: Int64) throws -> KeyAreaInfo? {
        try read { db in try Row.fetchOne(db, sql: Self.keyAreaSelection + " WHERE k.orgID = ?", arguments: [orgID]).map(Self.keyAreaInfo) }
    }

    public func setKeyArea(orgID: Int64, area: KeyArea, students: Int?, level: String?, location: String?, caller: Caller, now: Date) throws -> KeyAreaInfo {
        try write { db in
            if let found = try Row.fetchOne(db, sql: Self.keyAreaSelection + " WHERE k.orgID = ?", arguments: [orgID]).map(Self.keyAreaInfo) {
                throw KeyAreaRules.alreadyRecorded(found)
            }
            try db.execute(
                sql: "INSERT INTO orgKeyArea (orgID, area, studentCount, enterpriseLevel, location, recordedAt, recordedByAdmin) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [orgID, area.rawValue, students, level, location, now, caller.adminID])
            let detail = students.map { "在校学生数 \($0)" } ?? "企业层级 \(level ?? ""), 企业所在驻地 \(location ?? "")"
            try Self.record(db, caller: caller, action: "org.keyArea", target: "org:\(orgID)", detail: detail, at: now)
            return Self.keyAreaInfo(try required(Row.fetchOne(db, sql: Self.keyAreaSelection + " WHERE k.orgID = ?", arguments: [orgID]), "key area of \(orgID)"))
        }
    }

    public func staffing(within subtree: Subtree, area: KeyArea?) throws -> [StaffingRow] {
        let (lower, upper) = Self.subtreeBounds(subtree.path)
        let areas = area.map { [$0] } ?? KeyArea.allCases
        // Each industry as written, and with ASCII brackets (高等职业(专科)院校).
        let industries = Array(Set(areas.flatMap(\.industries).flatMap { [$0, $0.replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")] })).sorted()
        let list = try Self.jsonArray(industries)
        return try read { db in
            let orgs = try Row.fetchAll(
                db,
                sql: """
                    SELECT o.id, o.fullName, o.industry, o.path, o.parentID, o.memberCount, p.industry AS parentIndustry,
                        k.studentCount, k.enterpriseLevel, k.location
                    FROM org AS o LEFT JOIN org AS p ON p.id = o.parentID LEFT JOIN orgKeyArea AS k ON k.orgID = o.id
                    WHERE o.path >= ? AND o.path < ? AND o.industry IN (SELECT value FROM json_each(?) AS i)
                    ORDER BY o.path, o.id
                    """,
                arguments: [lower, upper, list])
            var rows: [StaffingRow] = []
            for org in orgs {
                guard let kind = KeyArea.ownLevel(industry: org["industry"], parentIndustry: org["parentIndustry"], isRoot: (org["parentID"] as Int64?) == nil)
                else { continue }
                let (orgLower, orgUpper) = Self.subtreeBounds(org["path"])
                var counts: [CadreKind: Int] = [:]
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT c.kind, count(*) AS n FROM cadre AS c JOIN org AS o ON o.id = c.orgID
                        WHERE o.path >= ? AND o.path < ? AND c.removedAt IS NULL GROUP BY c.kind
                        """,
                    arguments: [orgLower, orgUpper])
                {
                    if let k = CadreKind(rawValue: row["kind"]) { counts[k] = row["n"] }
                }
                let base: Int? = kind == .university ? org["studentCount"] : org["memberCount"]
                rows.append(
                    StaffingRow(
                        orgID: org["id"], org: org["fullName"], area: kind, fullTime: counts[.fullTime] ?? 0, seconded: counts[.seconded] ?? 0,
                        partTime: counts[.partTime] ?? 0, base: base, enterpriseLevel: org["enterpriseLevel"], location: org["location"]))
            }
            return rows
        }
    }
}
