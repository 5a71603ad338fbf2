import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

/// A cadre's posts (R-C1) and removal (R-C2): each change ends the current post and starts the next, a removal ends
/// the last and records where the person went; nothing is deleted.
extension AppDatabase {
    /// The cadre's row for a change, refused once removed.
    private static func cadreInPost(_ db: SQLSession, id: Int64) throws -> Row {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM cadre WHERE id = ?", arguments: [id]) else { throw ZHTJError.cadreNotFound("#\(id)") }
        if let removedAt = row["removedAt"] as Date? {
            throw ZHTJError.invalidField(
                field: "团干部 cadre", value: "#\(id) \(row["name"] as String)",
                reason: "已于\(UTCStamp.string(removedAt))移除，记录保留、不再变更 / removed on \(UTCStamp.string(removedAt)); the record is kept and not changed (R-C2)")
        }
        return row
    }

    public func changeCadrePost(id: Int64, post: String, since: String, how: String, caller: Caller, now: Date) throws -> CadreInfo {
        try write { db in
            let row = try Self.cadreInPost(db, id: id)
            try db.execute(sql: "UPDATE cadrePost SET endedAt = ? WHERE cadreID = ? AND endedAt IS NULL", arguments: [now, id])
            try db.execute(
                sql: "INSERT INTO cadrePost (cadreID, post, since, appointedHow, recordedAt, recordedByAdmin) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [id, post, since, how, now, caller.adminID])
            try db.execute(sql: "UPDATE cadre SET post = ?, postSince = ?, appointedHow = ? WHERE id = ?", arguments: [post, since, how, id])
            let detail = "\(row["post"] as String) → \(post) since \(since) (\(how))"
            try Self.record(db, caller: caller, action: "cadre.changePost", target: "cadre:\(id)", detail: detail, at: now)
            if let memberID = row["memberID"] as Int64? {
                try Self.record(db, caller: caller, action: "cadre.changePost", target: "member:\(memberID)", detail: "cadre #\(id): " + detail, at: now)
            }
            return try Self.cadre(db, id: id)
        }
    }

    public func removeCadre(id: Int64, to destination: CadreDestination, other: String?, caller: Caller, now: Date) throws -> CadreInfo {
        try write { db in
            let row = try Self.cadreInPost(db, id: id)
            try db.execute(sql: "UPDATE cadrePost SET endedAt = ? WHERE cadreID = ? AND endedAt IS NULL", arguments: [now, id])
            try db.execute(
                sql: "UPDATE cadre SET removedAt = ?, removedTo = ?, removedOther = ?, removedByAdmin = ? WHERE id = ? AND removedAt IS NULL",
                arguments: [now, destination.rawValue, other, caller.adminID, id])
            let detail = "\(row["post"] as String) ended; to \(destination.rawValue)\(other.map { ": \($0)" } ?? "")"
            try Self.record(db, caller: caller, action: "cadre.remove", target: "cadre:\(id)", detail: detail, at: now)
            if let memberID = row["memberID"] as Int64? {
                // 是否为团干部 goes back to 否 once the member holds no post in the branch.
                try db.execute(
                    sql: "UPDATE member SET isCadre = 0 WHERE id = ? AND NOT EXISTS (SELECT 1 FROM cadre WHERE memberID = ? AND removedAt IS NULL)",
                    arguments: [memberID, memberID])
                try Self.record(db, caller: caller, action: "cadre.remove", target: "member:\(memberID)", detail: "cadre #\(id): " + detail, at: now)
            }
            return try Self.cadre(db, id: id)
        }
    }
}
