import Foundation
import ZHTJCore
import ZHTJIngest
import ZHTJRegistry

/// Downloads through the socket (R-E13) and the audit chain's check.
enum ArchiveRoutes: RouteCollection {
    static func register(on routes: inout RouteTable) {
        routes.add(API.ArchiveGet.self, RequestHandler.get)
        routes.add(API.AuditVerify.self, RequestHandler.auditVerify)
        routes.add(API.AuditAnchor.self, RequestHandler.auditAnchor)
    }
}

extension RequestHandler {
    /// `archive.get`: the PDF through the socket; `archive/` stays private to the daemon's user (R-E13).
    func get(_ params: GetParams, _ context: ViewerContext) throws -> GetResult {
        let caller = context.caller
        let member = try viewedMember(params.member, context)
        let versions = member.archives ?? []
        // The version asked for, or the latest.
        guard let file = params.version == nil ? versions.last : versions.first(where: { $0.version == params.version }) else {
            throw ZHTJError.versionNotFound(member.name, params.version)
        }
        guard let bytes = ContentArchive(root: layout.archive).read(file.sha256) else {
            throw ZHTJError.storage("the archive file of version \(file.version) is missing or damaged: run `zhtj audit verify`")
        }
        try database.recordDownload(memberID: member.id, version: file.version, caller: caller, now: context.now)
        return GetResult(version: file.version, sha256: file.sha256, fileName: file.fileName, contentBase64: Data(bytes).base64EncodedString())
    }

    /// `audit.verify`: the operator or an admin of the root org.
    func auditVerify(_: NoParams, _ context: RequestContext) throws -> AuditVerifyResult {
        try requireOperatorOrRootAdmin(context, "audit verify")
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
        // The anchors written outside the database: a chain cut short or rewritten after one of them.
        let anchors = try AuditAnchors(layout: layout, backupDir: settings.backupDir).check(database)
        breaks += anchors.breaks
        var result = AuditVerifyResult(rows: chain.rows, files: chain.documentHashes.count, breaks: breaks, schemaRepairs: chain.schemaRepairs)
        result.anchorsLeftOut = anchors.leftOut
        return result
    }

    /// `audit.anchor`: appends the chain's head to `outbox/audit-anchors.txt` now; the operator or an admin of the root.
    func auditAnchor(_: NoParams, _ context: RequestContext) throws -> AuditAnchorResult {
        try requireOperatorOrRootAdmin(context, "audit anchor")
        let anchors = AuditAnchors(layout: layout)
        let line = try anchors.append(database, now: context.now) ?? ""
        logger.notice("audit anchor written", metadata: ["zhtj.anchor": "\(line)"])
        if !line.isEmpty { AuditAnchors.witness(line, settings: settings, logger: logger) }
        return AuditAnchorResult(line: line, file: anchors.file)
    }

    private func requireOperatorOrRootAdmin(_ context: RequestContext, _ command: String) throws {
        let root = try database.rootOrg()
        guard context.isOperator || (context.admin != nil && context.admin?.org.id == root?.id) else {
            throw ZHTJError.notAllowed("`\(command)` is for the operator or an admin of the root org")
        }
    }
}
