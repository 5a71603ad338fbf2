import Foundation
import ZHTJCore
import ZHTJIngest
import ZHTJRegistry
import ZHTJStorage

/// Downloads through the socket (R-E13) and the audit chain's check.
enum ArchiveRoutes: RouteCollection {
    static func register(on routes: inout RouteTable) {
        routes.add(API.ArchiveGet.self, RequestHandler.get)
        routes.add(API.AuditVerify.self, RequestHandler.auditVerify)
    }
}

extension RequestHandler {
    /// `archive.get`: the PDF through the socket; `archive/` stays private to the daemon's user (R-E13).
    func get(_ params: GetParams, _ context: AdminContext) throws -> GetResult {
        let caller = context.caller
        return try database.download(memberKey: params.member, version: params.version, caller: caller, archiveRoot: layout.archive, now: context.now)
    }

    /// `audit.verify`: the operator or an admin of the root org.
    func auditVerify(_: NoParams, _ context: RequestContext) throws -> AuditVerifyResult {
        let root = try database.rootOrg()
        guard context.isOperator || (context.admin != nil && context.admin?.org.id == root?.id) else {
            throw ZHTJError.notAllowed("`audit verify` is for the operator or an admin of the root org")
        }
        let result = try database.verifyAudit(archiveRoot: layout.archive)
        return AuditVerifyResult(rows: result.rows, files: result.files, breaks: result.breaks.map { .init(row: $0.row, sha256: $0.sha256, problem: $0.problem) })
    }
}
