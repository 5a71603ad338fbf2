import Foundation
import GRDB

extension Generator {
    /// Issue 16's tables at a province's scale, set-based after the members: a fee payment for last month by 80 % of
    /// the members, a reward for 1 %, 0.3 % who left the league after an approved request (through the triggers, so
    /// the counts follow), and 0.1 % each with a leave request and a transfer waiting.
    func insertMemberLife(_ queue: DatabaseQueue) throws {
        let started = Date()
        let month = Self.lastMonth(now)
        try queue.inTransaction { db in
            try db.execute(
                sql: """
                    INSERT INTO feePayment (memberID, month, amountFen, source, reference, recordedAt, recordedByAdmin)
                    SELECT id, ?, 20, 'import', 'WX' || id, ?, 1 FROM member WHERE id % 10 < 8
                    """, arguments: [month, now])
            try db.execute(
                sql: """
                    INSERT INTO distinction (memberID, kind, title, level, date, document, grantingOrgID, enteredAt, enteredByAdmin, workingDays)
                    SELECT id, 'award', '优秀共青团员', '校级', '2026-05-04', '团委发〔2026〕' || (id % 97) || '号', branchID, ?, 1, 5
                    FROM member WHERE id % 100 = 7
                    """, arguments: [now])
            // Leave requests (the deciding org here: the branch's parent): approved ones, then pending ones.
            try db.execute(
                sql: """
                    INSERT INTO leaveRequest (memberID, branchID, kind, reason, meetingDate, deciderOrgID, state, filedAt, filedByAdmin, decidedAt, decidedByAdmin)
                    SELECT m.id, m.branchID, '退团', '本人申请', '2026-10-09', o.parentID,
                        CASE WHEN m.id % 1000 < 3 THEN 'approved' ELSE 'pending' END, ?, 1,
                        CASE WHEN m.id % 1000 < 3 THEN ? END, CASE WHEN m.id % 1000 < 3 THEN 1 END
                    FROM member AS m JOIN org AS o ON o.id = m.branchID WHERE m.id % 1000 < 4
                    """, arguments: [now, now])
            try db.execute(sql: "UPDATE member SET leftAt = ?, leftKind = '退团' WHERE id % 1000 < 3", arguments: [now])
            // Transfers waiting: to the next branch id that is a branch.
            try db.execute(
                sql: """
                    INSERT INTO transferRequest (memberID, fromBranchID, toBranchID, state, filedAt, filedByAdmin)
                    SELECT m.id, m.branchID, (SELECT min(b.id) FROM org AS b WHERE b.category = 'branch' AND b.id > m.branchID), 'pending', ?, 1
                    FROM member AS m WHERE m.id % 1000 = 5
                        AND EXISTS (SELECT 1 FROM org AS b WHERE b.category = 'branch' AND b.id > m.branchID)
                    """, arguments: [now])
            return .commit
        }
        log(String(format: "member life: fees for %@, rewards, leavers, waiting requests in %.1f s", month, Date().timeIntervalSince(started)))
    }

    /// `YYYY-MM` of the month before `date`.
    static func lastMonth(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month], from: date)
        let index = parts.year! * 12 + parts.month! - 2
        return String(format: "%04d-%02d", index / 12, index % 12 + 1)
    }
}
