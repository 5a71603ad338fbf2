import Foundation
import ZHTJCore
import ZHTJIngest
import ZHTJStorage

#if canImport(Glibc)
    import Glibc
#endif

extension RequestHandler {
    /// `reviews`: the pending reviews of the caller's org, oldest first (R-E6).
    func reviews(_ context: Context) throws -> [ReviewItem] {
        let (caller, _) = try context.requireAdmin()
        return try database.reviewQueue(caller: caller, now: context.now)
    }

    /// `reviews.overview`: per direct subordinate, where the e-archives stand (R-E6).
    func reviewsOverview(_ context: Context) throws -> [ReviewOverviewRow] {
        let (caller, _) = try context.requireAdmin()
        return try database.reviewOverview(caller: caller)
    }

    /// `review.approve` / `review.reject`: a rejection needs a reason, which goes back to the uploading org (R-E6 to R-E8).
    func decide(_ params: DecisionParams, approve: Bool, _ context: Context) throws -> MemberInfo {
        let (caller, _) = try context.requireAdmin()
        if !approve, let code = params.reasonCode, RejectionCode(rawValue: code) == nil {
            throw ZHTJError.invalidField(field: "reason code", value: code, reason: RejectionCode.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let decision: ReviewRules.Decision = approve ? .approve : .reject(reason: params.reason ?? "")
        let outcome = try database.decide(reviewID: params.id, decision: decision, reasonCode: approve ? nil : params.reasonCode, caller: caller, now: context.now)
        FaultInjection.point("review.committed")
        if outcome.state == .rejected { writeRejectionNote(outcome, params: params, now: context.now) }
        logger.notice(approve ? "approved" : "rejected", metadata: ["zhtj.review": "\(params.id)", "zhtj.member": "\(outcome.memberID)"])
        return try database.member(key: String(outcome.memberID), caller: caller)
    }

    /// `<number>-<name>.rejected.txt` in the uploading org's inbox folder (the watcher ignores such names).
    private func writeRejectionNote(_ outcome: AppDatabase.DecisionOutcome, params: DecisionParams, now: Date) {
        let name = "\(outcome.developmentNumber ?? "member\(outcome.memberID)")-\(outcome.memberName).rejected.txt"
            .replacingOccurrences(of: "/", with: "_")
        let code = params.reasonCode.flatMap(RejectionCode.init(rawValue:))
        let text = """
            电子档案被退回 / e-archive rejected
            团员 member: \(outcome.memberName) \(outcome.developmentNumber ?? "")
            原因 reason: \(code.map { "[\($0.chinese) \($0.rawValue)] " } ?? "")\(params.reason ?? "")
            时间 time: \(UTCStamp.string(now))
            处理 what to do: 改正后把新的扫描件放入本目录 / fix it and drop the new scan into this folder; it is reviewed again (R-E7).

            """
        let path = layout.inbox + "/" + outcome.uploaderFolder + "/" + name
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            logger.warning("cannot write the rejection note", metadata: ["zhtj.file": "\(path)", "zhtj.error": "\(error)"])
        }
    }

    /// `change.request`: by the member's org or a superior (R-E12).
    func changeRequest(_ params: ChangeRequestParams, _ context: Context) throws -> ChangeRequestInfo {
        let (caller, _) = try context.requireAdmin()
        return try database.requestChange(memberKey: params.member, reason: params.reason, caller: caller, now: context.now)
    }

    func changeList(_ context: Context) throws -> [ChangeRequestInfo] {
        let (caller, _) = try context.requireAdmin()
        return try database.changeRequests(caller: caller)
    }

    func decideChange(_ params: DecisionParams, approve: Bool, _ context: Context) throws -> ChangeRequestInfo {
        let (caller, _) = try context.requireAdmin()
        return try database.decideChange(id: params.id, approve: approve, reason: params.reason, caller: caller, now: context.now)
    }

    /// `member.setNumber`: corrects a development number (R-M3); unmatched files that now match are matched.
    func setNumber(_ params: SetNumberParams, _ context: Context) throws -> MemberInfo {
        let (caller, _) = try context.requireAdmin()
        return try database.setNumber(memberKey: params.member, number: params.number, reason: params.reason, caller: caller, now: context.now)
    }

    func history(_ params: MemberKeyParams, _ context: Context) throws -> [HistoryEntry] {
        let (caller, _) = try context.requireAdmin()
        return try database.member(key: params.key, caller: caller).history ?? []
    }

    /// `archive.get`: the PDF through the socket; `archive/` stays private to the daemon's user (R-E13).
    func get(_ params: GetParams, _ context: Context) throws -> GetResult {
        let (caller, _) = try context.requireAdmin()
        let download = try database.downloadVersion(memberKey: params.member, version: params.version, caller: caller)
        let file = download.version
        guard let bytes = ContentArchive(root: layout.archive).read(file.sha256) else {
            throw ZHTJError.storage("the archive file of version \(file.version) is missing or damaged: run `zhtj audit verify`")
        }
        try database.recordDownload(download, caller: caller, now: context.now)
        return GetResult(version: file.version, sha256: file.sha256, fileName: file.fileName, contentBase64: Data(bytes).base64EncodedString())
    }

    /// `audit.verify`: the operator or an admin of the root org.
    func auditVerify(_ context: Context) throws -> AuditVerifyResult {
        let root = try database.rootOrg()
        guard context.isOperator || (context.admin != nil && context.admin?.org.id == root?.id) else {
            throw ZHTJError.notAllowed("`audit verify` is for the operator or an admin of the root org")
        }
        let chain = try database.verifyAuditChain()
        var breaks = chain.breaks.map { AuditVerifyResult.Break(row: $0.row, sha256: $0.sha256, problem: $0.problem) }
        // The files are hashed after the chain's read transaction, so the WAL can checkpoint meanwhile.
        let archive = ContentArchive(root: layout.archive)
        for sha in chain.documentHashes {
            switch archive.check(sha) {
            case .intact: continue
            case .missing: breaks.append(.init(row: nil, sha256: sha, problem: "the archive file is missing"))
            case .damaged: breaks.append(.init(row: nil, sha256: sha, problem: "the archive file's content does not match its hash"))
            }
        }
        return AuditVerifyResult(rows: chain.rows, files: chain.documentHashes.count, breaks: breaks)
    }
}
