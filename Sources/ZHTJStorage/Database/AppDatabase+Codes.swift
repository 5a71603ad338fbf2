import Foundation
import GRDB
import ZHTJCore
import ZHTJRegistry

extension AppDatabase {
    static func issueCode(_ db: SQLSession, orgID: Int64, caller: Caller, now: Date) throws -> CodeInfo {
        var code = RegistrationCode.generate()
        while try required(Int.fetchOne(db, sql: "SELECT count(*) FROM registrationCode WHERE code = ?", arguments: [code]), "the count of codes") > 0 {
            code = RegistrationCode.generate()
        }
        let expires = RegistrationCode.expiry(issuedAt: now)
        try db.execute(
            sql: "INSERT INTO registrationCode (code, orgID, issuedAt, expiresAt, issuedByUID, issuedByAdmin) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [code, orgID, now, expires, Int64(caller.uid), caller.adminID])
        try record(db, caller: caller, action: "code.issue", target: "org:\(orgID)", at: now)
        return CodeInfo(code: code, org: try required(orgRow(db, id: orgID), "org \(orgID)").summary, issuedAt: now, expiresAt: expires)
    }

    /// Issues a code for `orgID` (R-O6). The caller checks that the issuer administers the parent.
    public func issueCode(orgID: Int64, caller: Caller, now: Date) throws -> CodeInfo {
        try write { db in try Self.issueCode(db, orgID: orgID, caller: caller, now: now) }
    }

    /// Issues one code for each direct subordinate of `orgID`, in one transaction.
    public func issueCodesForChildren(of orgID: Int64, caller: Caller, now: Date) throws -> [CodeInfo] {
        try write { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM org WHERE parentID = ? ORDER BY id", arguments: [orgID])
            return try ids.map { try Self.issueCode(db, orgID: $0, caller: caller, now: now) }
        }
    }


    /// Redeems `code` (R-O6, R-O7): throttled per uid, single use, 20 days, for its own org only.
    /// Each failure is recorded for the throttle, in its own transaction.
    public func redeem(
        code: String, requestedOrg: String?, admin: NewAdmin, caller: Caller, throttle: RedemptionThrottle, now: Date
    ) throws -> AdminInfo {
        let failures = try read { db in
            try Date.fetchAll(
                db, sql: "SELECT at FROM redemptionFailure WHERE uid = ? AND at > ?",
                arguments: [Int64(caller.uid), now.addingTimeInterval(-throttle.window)])
        }
        if let until = throttle.blockedUntil(failures: failures, now: now) { throw ZHTJError.tooManyFailures(until: until) }
        do {
            return try write { db in
                guard RegistrationCode.isWellFormed(code) else { throw ZHTJError.codeMalformed(code) }
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM registrationCode WHERE code = ?", arguments: [code]) else {
                    throw ZHTJError.codeUnknown(code)
                }
                if let problem = RegistrationCode.redemptionProblem(code: code, expiresAt: row["expiresAt"], usedAt: row["usedAt"], now: now) {
                    throw problem
                }
                let orgID: Int64 = row["orgID"]
                let org = try required(Self.orgRow(db, id: orgID), "the code's org \(orgID)")
                if let requestedOrg {
                    let wanted = try? Self.resolveOrg(db, requestedOrg, scopePath: nil)
                    if wanted?.org.id != orgID {
                        throw ZHTJError.codeWrongOrg(code, codeOrg: org.org.fullName, requested: wanted?.org.fullName ?? requestedOrg)
                    }
                }
                try db.execute(
                    sql: """
                        INSERT INTO admin (orgID, name, idNumber, joinDate, mobile, email, uid, credentialHash, createdAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [orgID, admin.name, admin.idNumber, admin.joinDate, admin.mobile, admin.email, Int64(caller.uid), admin.credentialHash, now])
                let adminID = try db.lastInsertedRowID()
                try db.execute(sql: "UPDATE registrationCode SET usedAt = ?, usedByAdmin = ? WHERE code = ?", arguments: [now, adminID, code])
                var actor = caller
                actor.adminID = adminID
                try Self.record(db, caller: actor, action: "register", target: "org:\(orgID)", detail: admin.name, at: now)
                return AdminInfo(id: adminID, name: admin.name, org: try required(Self.orgRow(db, id: orgID), "org \(orgID)").summary)
            }
        } catch let error as ZHTJError {
            switch error {
            case .codeMalformed, .codeUnknown, .codeUsed, .codeExpired, .codeWrongOrg:
                try write { db in
                    try db.execute(
                        sql: "INSERT INTO redemptionFailure (uid, at, reason) VALUES (?, ?, ?)",
                        arguments: [Int64(caller.uid), now, error.code])
                    try Self.record(db, caller: caller, action: "register.refused", target: "code", detail: error.code, at: now)
                }
            default: break
            }
            throw error
        }
    }

    /// The admin whose credential hashes to `hash`, with the uid that registered it.
    public func admin(credentialHash hash: String) throws -> (info: AdminInfo, uid: UInt32, orgPath: String)? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM admin WHERE credentialHash = ?", arguments: [hash]) else { return nil }
            let orgID: Int64 = row["orgID"]
            guard let org = try Self.orgRow(db, id: orgID) else { return nil }
            let uid: Int64 = row["uid"]
            return (AdminInfo(id: row["id"], name: row["name"], org: org.summary), UInt32(uid), org.org.path)
        }
    }
}
