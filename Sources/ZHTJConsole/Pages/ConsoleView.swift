import Foundation
import ZHTJCore

/// The pages' values from the commands' results: plain dictionaries for the templates, texts in Chinese and English.
/// Pure: tested without a server.
enum ConsoleView {
    /// `2026-12-04 08:32 UTC`, from `UTCStamp` (a `DateFormatter` a row cost the 200-row queue page a quarter of its time: p50 28 → 20 ms).
    static func stamp(_ date: Date) -> String {
        let iso = UTCStamp.string(date)
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5)) + " UTC"
    }

    static func source(_ item: ReviewItem) -> String {
        guard let source = item.numberSource else { return "—" }
        if let confidence = item.numberConfidence { return "\(source) \(confidence)%" }
        return source
    }

    static func queueRow(_ item: ReviewItem) -> [String: Any] {
        [
            "id": item.id, "member": item.member, "number": item.developmentNumber ?? "—", "branch": item.branch, "pages": item.pages,
            "version": item.version, "source": source(item), "fileName": item.fileName, "received": stamp(item.receivedAt),
            "waitingDays": item.waitingDays, "overdue": item.waitingDays > 30, "uploadedBy": item.uploadedBy,
        ]
    }

    static func overviewRow(_ row: ReviewOverviewRow) -> [String: Any] {
        ["org": row.org.fullName, "pending": row.pending, "approved": row.approved, "rejected": row.rejected, "notUploaded": row.notUploaded]
    }

    static func status(_ status: MemberStatus?) -> String {
        switch status {
        case .notRequired: "无需电子档案 not required"
        case .notAuthenticated: "未认证 not authenticated"
        case .authenticationFailed: "认证失败 authentication failed"
        case .authenticated: "已认证 authenticated"
        case nil: "—"
        }
    }

    static func state(_ state: ArchiveState) -> String {
        switch state {
        case .pending: "待审核 pending"
        case .approved: "已通过 approved"
        case .rejected: "已驳回 rejected"
        case .superseded: "已替换 superseded"
        }
    }

    static func member(_ member: MemberInfo) -> [String: Any] {
        [
            "id": member.id, "name": member.name, "idMasked": IDNumber.masked(member.idNumber), "joinDate": member.joinDate,
            "number": member.developmentNumber ?? "—", "branch": member.branch, "ethnicity": member.ethnicity,
            "politicalStatus": member.politicalStatus, "status": status(member.status),
        ]
    }

    static func versions(_ member: MemberInfo) -> [[String: Any]] {
        (member.archives ?? []).reversed().map { v in
            let reason = [v.reasonCode.flatMap(RejectionCode.init(rawValue:)).map { "\($0.chinese) \($0.rawValue)" }, v.reason].compactMap { $0 }
            return [
                "version": v.version, "state": state(v.state), "uploaded": "\(stamp(v.createdAt)) · \(v.uploadedBy)",
                "reviewer": [v.reviewedBy, v.reviewedAt.map(stamp)].compactMap { $0 }.joined(separator: " · "),
                "reason": reason.joined(separator: "：") as String,
            ]
        }
    }

    static var reasonCodes: [[String: Any]] { RejectionCode.allCases.map { ["code": $0.rawValue, "zh": $0.chinese] } }

    static func upload(_ upload: UploadInfo, refused: Bool) -> [String: Any] {
        let detail: String
        if refused {
            detail = [upload.reasonCode, upload.reason].compactMap { $0 }.joined(separator: "：")
        } else {
            var parts: [String] = []
            if let n = upload.developmentNumber { parts.append("编号 number \(n)") }
            if let s = upload.suggestion { parts.append("OCR 读到 read \(s)" + (upload.numberConfidence.map { " (\($0)%)" } ?? "")) }
            if let r = upload.reason { parts.append(r) }
            detail = parts.isEmpty ? "未读到编号 no number read" : parts.joined(separator: " · ")
        }
        let suggestion = upload.suggestion.flatMap { $0.count == 12 && $0.allSatisfy(\.isNumber) ? $0 : nil } ?? upload.developmentNumber ?? ""
        return [
            "id": upload.id, "name": upload.name, "folder": upload.folder, "received": stamp(upload.receivedAt), "detail": detail,
            "suggestion": suggestion, "unmatched": !refused, "refused": refused,
        ]
    }

    static func searchRow(_ member: MemberInfo) -> [String: Any] {
        var row = Self.member(member)
        row["idMasked"] = IDNumber.masked(member.idNumber)
        return row
    }

    static func reminder(_ reminder: Reminder) -> [String: Any] {
        func counts(_ c: ReminderCounts) -> [String: Any] {
            ["notUploaded": c.notUploaded, "waitingForReview": c.waitingForReview, "waiting": c.waitingForReview, "rejected": c.rejected, "overdue": c.overdue]
        }
        let subordinates: [[String: Any]] = reminder.subordinates.map { s in
            var row = counts(s.counts)
            row["org"] = s.name
            return row
        }
        var seen = Set<Int64>()
        let listed = reminder.listing == .members ? reminder.listedMembers : reminder.overdue
        let members: [[String: Any]] = listed.compactMap { item in
            guard seen.insert(item.memberID).inserted else { return nil }
            return ["name": item.name, "branch": item.branch, "what": item.stateText, "due": item.dueDate + (item.overdue ? " 逾期 overdue" : "")]
        }
        return [
            "org": reminder.org.fullName, "date": reminder.date, "counts": counts(reminder.counts), "reviewsWaiting": reminder.reviewsWaitingCount,
            "hasSubordinates": !subordinates.isEmpty, "subordinates": subordinates, "members": members,
        ]
    }
}
