import Foundation
import ZHTJConsole
import ZHTJCore
import ZHTJRegistry

/// The browser console's login over the socket (issue 17): `zhtj console` asks for a one-time link with the admin's
/// credential and the kernel's uid; `--logout-all` ends the admin's sessions.
enum ConsoleRoutes: RouteCollection {
    static func register(on routes: inout RouteTable) {
        routes.add(API.ConsoleLink.self, RequestHandler.consoleLink)
        routes.add(API.ConsoleLogoutAll.self, RequestHandler.consoleLogoutAll)
    }
}

extension RequestHandler {
    /// `console.link`: a link valid 5 minutes that opens one session for this admin, bound to this uid and credential.
    func consoleLink(_: NoParams, _ context: AdminContext) throws -> ConsoleLinkResult {
        guard let console else { throw ZHTJError.consoleOff("this daemon runs without a console / 此守护进程未启用控制台") }
        let base = try console.baseURL()
        guard let hash = context.credentialHash else { throw ZHTJError.credentialRequired }
        let admin = ConsoleSession.Admin(id: context.admin.id, uid: context.caller.uid, credentialHash: hash, name: context.admin.name, org: context.admin.org.fullName)
        let link = console.sessions.makeLink(for: admin, now: context.now)
        // `unix:/path`: behind a reverse proxy without `console.url`, the path is all the link can say.
        let url = base.hasPrefix("unix:") ? "/login?token=\(link.token)" : "\(base)/login?token=\(link.token)"
        try database.recordEvent(caller: context.caller, action: "console.link", target: "admin:\(context.admin.id)", detail: "valid until \(UTCStamp.string(link.expires))", now: context.now)
        return ConsoleLinkResult(url: url, expiresAt: link.expires, listen: console.listen)
    }

    /// `console.logoutAll`: ends every session and unused link of the calling admin.
    func consoleLogoutAll(_: NoParams, _ context: AdminContext) throws -> ConsoleLogoutResult {
        guard let console else { return ConsoleLogoutResult(sessions: 0, links: 0) }
        let ended = console.sessions.endAll(adminID: context.admin.id)
        try database.recordEvent(
            caller: context.caller, action: "console.logoutAll", target: "admin:\(context.admin.id)", detail: "\(ended.sessions) sessions, \(ended.links) links", now: context.now)
        return ConsoleLogoutResult(sessions: ended.sessions, links: ended.links)
    }
}
