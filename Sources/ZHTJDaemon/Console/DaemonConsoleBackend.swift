import Foundation
import ZHTJConsole
import ZHTJCore
import ZHTJIngest
import ZHTJRegistry

/// The console's commands, run through the daemon's route table as the session's admin: the credential is looked
/// up again on every request (a revoked credential ends the console too), the handler is the socket's, and every
/// audit row says `[via console]`; a denial is audited as on the socket.
struct DaemonConsoleBackend: ConsoleBackend {
    let handler: RequestHandler

    func run<C: ZHTJCommand>(_ command: C.Type, _ params: C.Params, for session: ConsoleSession) throws -> C.Result {
        let context = try context(for: session)
        guard let route = handler.routes.route(C.name) else { throw ZHTJError.unknownCommand(C.name) }
        do {
            guard let result = try route.typed(handler, params, context) as? C.Result else { throw ZHTJError.internalError("result of \(C.name)") }
            return result
        } catch let error as ZHTJError {
            if error.isDenial {
                handler.auditRefusal(caller: context.caller, action: "denied", target: C.name, detail: "\(error.code) [via console]", now: context.now)
            }
            throw error
        }
    }

    func archiveFile(member: String, version: Int?, for session: ConsoleSession, audit: Bool) throws -> ConsoleFile {
        let request = try context(for: session)
        guard let viewer = ViewerContext(request) else { throw ZHTJError.credentialRequired }
        let found = try handler.viewedMember(member, viewer)
        let versions = found.archives ?? []
        guard let file = version == nil ? versions.last : versions.first(where: { $0.version == version }) else {
            throw ZHTJError.versionNotFound(found.name, version)
        }
        let path = ContentArchive(root: handler.layout.archive).path(for: file.sha256)
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil else {
            throw ZHTJError.storage("the archive file of version \(file.version) is missing: run `zhtj audit verify`")
        }
        if audit { try handler.database.recordDownload(memberID: found.id, version: file.version, caller: request.caller, now: request.now) }
        return ConsoleFile(path: path, size: size, fileName: file.fileName, version: file.version, sha256: file.sha256)
    }

    func revealIDNumber(member: String, for session: ConsoleSession) throws -> String {
        let request = try context(for: session)
        guard let viewer = ViewerContext(request) else { throw ZHTJError.credentialRequired }
        let found = try handler.viewedMember(member, viewer)
        try handler.database.recordEvent(caller: request.caller, action: "member.reveal", target: "member:\(found.id)", detail: "ID number", now: request.now)
        return found.idNumber
    }

    /// The admin behind the session, as the socket's router would establish it for the same credential and uid.
    func context(for session: ConsoleSession) throws -> RequestContext {
        guard let found = try handler.database.admin(credentialHash: session.admin.credentialHash), found.info.id == session.admin.id else {
            throw ZHTJError.credentialInvalid
        }
        guard found.uid == session.admin.uid else { throw ZHTJError.credentialWrongUser }
        let caller = Caller(uid: session.admin.uid, adminID: found.info.id, orgID: found.info.org.id, via: "console")
        return RequestContext(
            caller: caller, admin: found.info, scope: Subtree(path: found.orgPath), isOperator: false, now: handler.clock.now(),
            credentialHash: session.admin.credentialHash)
    }
}
