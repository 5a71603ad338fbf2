import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

/// Transfers with acceptance (R-W1): the sending side files, the receiving side accepts or refuses; a transfer out
/// of the tree ends at once and leaves the member transferred out. An accepted move is recorded in `transfer` (v4)
/// as before, so the member counts, tallies and due counts follow through their triggers.
extension AppDatabase {
    static let transferSelection = """
        SELECT t.*, m.name AS memberName, fb.fullName AS fromName, tb.fullName AS toName,
            fa.name AS filedByName, da.name AS decidedByName
        FROM transferRequest AS t JOIN member AS m ON m.id = t.memberID JOIN org AS fb ON fb.id = t.fromBranchID
        LEFT JOIN org AS tb ON tb.id = t.toBranchID
        LEFT JOIN admin AS fa ON fa.id = t.filedByAdmin LEFT JOIN admin AS da ON da.id = t.decidedByAdmin
        """

    static func transferInfo(_ row: Row) -> TransferRequestInfo {
        var info = TransferRequestInfo(
            id: row["id"], memberID: row["memberID"], member: row["memberName"], from: row["fromName"], fromBranchID: row["fromBranchID"],
            to: row["toName"], toBranchID: row["toBranchID"], destination: row["destination"], note: row["note"],
            state: TransferRequestInfo.State(rawValue: row["state"]) ?? .pending, filedBy: row["filedByName"] ?? "?", filedAt: row["filedAt"])
        info.decidedBy = row["decidedByName"]
        info.decidedAt = row["decidedAt"]
        info.refusal = row["refusal"]
        return info
    }

    static func transferInfo(_ db: SQLSession, id: Int64) throws -> TransferRequestInfo {
        transferInfo(try required(Row.fetchOne(db, sql: transferSelection + " WHERE t.id = ?", arguments: [id]), "transfer \(id)"))
    }

    public func fileTransfer(
        memberID: Int64, to target: OrgSummary?, destination: String?, note: String?, caller: Caller, now: Date
    ) throws -> TransferRequestInfo {
        try write { db in
            let member = try Self.departure(db, memberID: memberID)
            if let left = member.left { throw ZHTJError.memberLeft(member.name, left) }
            if let open = try Int64.fetchOne(db, sql: "SELECT id FROM transferRequest WHERE memberID = ? AND state = 'pending'", arguments: [memberID]) {
                throw ZHTJError.notAllowed("团员\(member.name)已有待接收的转接\(open)：请等待接收或撤回（zhtj cancel-transfer \(open)） / "
                    + "\(member.name) already has transfer \(open) waiting: wait for it or cancel it (`zhtj cancel-transfer \(open)`)")
            }
            if let open = try Int64.fetchOne(db, sql: "SELECT id FROM leaveRequest WHERE memberID = ? AND state = 'pending'", arguments: [memberID]) {
                throw ZHTJError.notAllowed("团员\(member.name)的离团申请\(open)尚待审批 / \(member.name) has leave request \(open) waiting for a decision")
            }
            let fromID = try required(Int64.fetchOne(db, sql: "SELECT branchID FROM member WHERE id = ?", arguments: [memberID]), "member \(memberID)")
            let out = target == nil
            try db.execute(
                sql: """
                    INSERT INTO transferRequest (memberID, fromBranchID, toBranchID, destination, note, state, filedAt, filedByAdmin, decidedAt, decidedByAdmin)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [memberID, fromID, target?.id, destination, note, out ? "out" : "pending", now, caller.adminID, out ? now : nil, out ? caller.adminID : nil])
            let id = try db.lastInsertedRowID()
            if out {
                try db.execute(sql: "UPDATE member SET leftAt = ?, leftKind = ? WHERE id = ?", arguments: [now, Departure.transferredOut.rawValue, memberID])
            }
            try Self.record(db, caller: caller, action: out ? "transfer.out" : "transfer.request", target: "member:\(memberID)",
                            detail: "#\(id) → \(target?.fullName ?? destination ?? "")\(note.map { ": \($0)" } ?? "")", at: now)
            return try Self.transferInfo(db, id: id)
        }
    }

    public func transferRequest(id: Int64) throws -> TransferRequestInfo? {
        try read { db in try Row.fetchOne(db, sql: Self.transferSelection + " WHERE t.id = ?", arguments: [id]).map(Self.transferInfo) }
    }

    public func transferRequests(within subtree: Subtree, incoming: Bool?, all: Bool) throws -> [TransferRequestInfo] {
        let (lower, upper) = Self.subtreeBounds(subtree.path)
        let into = "(tb.path >= ?1 AND tb.path < ?2)", outOf = "(fb.path >= ?1 AND fb.path < ?2)"
        let side = switch incoming {
        case true?: into
        case false?: outOf
        case nil: "(\(into) OR \(outOf))"
        }
        return try read { db in
            try Row.fetchAll(
                db, sql: Self.transferSelection + " WHERE \(side) \(all ? "" : "AND t.state = 'pending'") ORDER BY t.id LIMIT 1000",
                arguments: [lower, upper]
            ).map(Self.transferInfo)
        }
    }

    public func decideTransfer(id: Int64, to state: TransferRequestInfo.State, reason: String?, caller: Caller, now: Date) throws -> TransferRequestInfo {
        precondition([.accepted, .refused, .cancelled].contains(state), "a transfer ends accepted, refused or cancelled")
        return try write { db in
            guard let row = try Row.fetchOne(db, sql: Self.transferSelection + " WHERE t.id = ?", arguments: [id]), row["state"] as String == "pending"
            else { throw ZHTJError.transferRequestNotFound(id) }
            let memberID: Int64 = row["memberID"]
            if state == .accepted {
                let member = try Self.departure(db, memberID: memberID)
                if let left = member.left { throw ZHTJError.memberLeft(member.name, left) }
                try Self.moveMember(db, memberID: memberID, from: row["fromBranchID"], to: row["toBranchID"], caller: caller, now: now)
            }
            try db.execute(
                sql: "UPDATE transferRequest SET state = ?, decidedAt = ?, decidedByAdmin = ?, refusal = ? WHERE id = ? AND state = 'pending'",
                arguments: [state.rawValue, now, caller.adminID, reason, id])
            let action = switch state {
            case .accepted: "transfer.accept"
            case .refused: "transfer.refuse"
            default: "transfer.cancel"
            }
            try Self.record(db, caller: caller, action: action, target: "member:\(memberID)",
                            detail: "#\(id) \(row["fromName"] as String) → \(row["toName"] as String? ?? "")\(reason.map { ": \($0)" } ?? "")", at: now)
            return try Self.transferInfo(db, id: id)
        }
    }

    /// Ends the member's open transfer, if any, as cancelled (the member left the league).
    static func cancelOpenTransfer(_ db: SQLSession, memberID: Int64, because reason: String, caller: Caller, now: Date) throws {
        guard let open = try Int64.fetchOne(db, sql: "SELECT id FROM transferRequest WHERE memberID = ? AND state = 'pending'", arguments: [memberID]) else { return }
        try db.execute(
            sql: "UPDATE transferRequest SET state = 'cancelled', decidedAt = ?, decidedByAdmin = ?, refusal = ? WHERE id = ?",
            arguments: [now, caller.adminID, reason, open])
        try Self.record(db, caller: caller, action: "transfer.cancel", target: "member:\(memberID)", detail: "#\(open): \(reason)", at: now)
    }

    /// Moves a member to another branch, recording the move in `transfer` and the member's history.
    static func moveMember(_ db: SQLSession, memberID: Int64, from fromID: Int64, to toID: Int64, caller: Caller, now: Date) throws {
        let names = try Row.fetchOne(
            db, sql: "SELECT f.fullName AS fromName, t.fullName AS toName FROM org AS f, org AS t WHERE f.id = ? AND t.id = ?", arguments: [fromID, toID])
        try db.execute(sql: "INSERT INTO transfer (memberID, fromBranchID, toBranchID, byAdmin, at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [memberID, fromID, toID, caller.adminID, now])
        try db.execute(sql: "UPDATE member SET branchID = ? WHERE id = ?", arguments: [toID, memberID])
        try Self.record(db, caller: caller, action: "member.transfer", target: "member:\(memberID)",
                        detail: "\(names?["fromName"] as String? ?? "?") → \(names?["toName"] as String? ?? "?")", at: now)
    }
}
