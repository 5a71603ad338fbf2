import Crypto
import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// What the shipped migrations need of the application's code, copied as it was when each migration shipped.
/// GRDB's Migrations.md: a migration must not depend on application code, which may change later and would then
/// change what an old migration does to a database that has not run it yet. Never edit these; when the application's
/// rules change, only the application's copies change.
enum FrozenMigrationHelpers {
    // MARK: v3-review-audit

    /// Appends one row to the audit chain, as `AppDatabase.appendAudit` did when v3 shipped.
    static func v3AppendAudit(
        _ db: Database, at: Date, uid: Int64, adminID: Int64?, orgID: Int64?, action: String, target: String, reason: String?
    ) throws {
        let last = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")
        let id: Int64 = (last?["id"] as Int64? ?? 0) + 1
        let prev: String = last?["hash"] ?? String(repeating: "0", count: 64)
        let time = v3Stamp(at)
        let fields = [
            String(id), time, String(uid), adminID.map(String.init) ?? "", orgID.map(String.init) ?? "", action, target,
            reason ?? "", prev,
        ]
        let hash = v3Hex(SHA256.hash(data: Data(fields.joined(separator: "\u{1F}").utf8)))
        try db.execute(
            sql: "INSERT INTO audit (id, at, uid, adminID, orgID, action, target, reason, prevHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [id, time, uid, adminID, orgID, action, target, reason, prev, hash])
    }

    /// Lower-case hexadecimal, as `Hex.string` wrote it.
    private static func v3Hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `2024-05-01T08:30:00.123Z`, as `UTCStamp.string(_:milliseconds: true)` wrote it: the time rounded to the
    /// millisecond, then the seconds cut there.
    private static func v3Stamp(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        var seconds = time_t(interval.rounded(.down))
        var millis = Int(((interval - Double(seconds)) * 1000).rounded())
        if millis >= 1000 {
            seconds += 1
            millis -= 1000
        }
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let day = "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
        let time = "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
        return day + "T" + time + "." + String(String(millis + 1000).dropFirst()) + "Z"
    }

    // MARK: v5-review-states-for-older-versions

    /// The raw values of the org categories that review (R-E4, R-E5), as `OrgCategory.isCommitteeLevel` had them.
    private static let v5CommitteeLevel: Set<String> = ["leading-body", "committee", "working-committee"]

    /// The state a version starts in, as `ReviewRules.initialState` gave it (an unknown category counted as a branch).
    static func v5InitialState(uploaderCategory: String, needsEArchive: Bool) -> (state: String, needsReview: Bool) {
        guard needsEArchive else { return ("approved", false) }
        return v5CommitteeLevel.contains(uploaderCategory) ? ("approved", false) : ("pending", true)
    }

    /// The nearest committee-level ancestor of a branch, as `AppDatabase.reviewerOrg` found it.
    static func v5ReviewerOrg(_ db: Database, branchID: Int64) throws -> Int64? {
        guard let path = try String.fetchOne(db, sql: "SELECT path FROM org WHERE id = ?", arguments: [branchID]) else { return nil }
        let ancestors = path.split(separator: "/").compactMap { Int64($0) }.filter { $0 != branchID }.reversed()
        for id in ancestors {
            let category = try String.fetchOne(db, sql: "SELECT category FROM org WHERE id = ?", arguments: [id])
            if let category, v5CommitteeLevel.contains(category) { return id }
        }
        return nil
    }
}
