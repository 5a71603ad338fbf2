import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Logging
import Mustache
import NIOPosix
import ZHTJCore

/// The console's routes. Every page and action runs typed commands through the `ConsoleBackend` (the daemon's
/// router, with its scope, authorization and audit) on a thread pool, never on the server's event loops.
struct ConsolePages: Sendable {
    typealias Context = ConsoleContext
    static let cookieName = "zhtj_console"

    let state: ConsoleState
    let backend: any ConsoleBackend
    let pdfjsFolder: String
    let library: MustacheLibrary
    let logger: Logger
    /// The daemon's clock (a test clock in tests): links and idle sessions expire by it.
    let now: @Sendable () -> Date

    init(state: ConsoleState, backend: any ConsoleBackend, pdfjsFolder: String, logger: Logger, now: @escaping @Sendable () -> Date) throws {
        self.now = now
        self.state = state
        self.backend = backend
        self.pdfjsFolder = pdfjsFolder
        self.library = try ConsoleTemplates.library()
        self.logger = logger
    }

    func register(on router: Router<Context>) {
        router.get("/") { _, _ in ConsoleResponse.redirect("/queue") }
        registerLogin(on: router)
        registerReview(on: router)
        registerLists(on: router)
    }

    /// What went wrong, for a person: 401 without a session, the command's own error (in both languages) otherwise.
    enum Failure: Error {
        case noSession
        case badCSRF
        case notFound(String)
    }

    /// Runs a page: finds the session, and turns every error into a page that says what is wrong and what to do.
    func page(_ request: Request, post: Bool = false, _ body: @escaping @Sendable (ConsoleSession, FormFields) async throws -> Response) async -> Response {
        do {
            guard let session = session(request) else { throw Failure.noSession }
            var form = FormFields(request.uri.query ?? "")
            if post {
                let buffer = try await request.body.collect(upTo: 64 * 1024)
                form = FormFields(String(buffer: buffer))
                let sent = form["csrf"] ?? request.headers[HTTPField.Name("X-CSRF-Token")!] ?? ""
                guard Self.same(sent, session.csrf) else { throw Failure.badCSRF }
            }
            return try await body(session, form)
        } catch {
            return failure(error, request: request)
        }
    }

    func session(_ request: Request) -> ConsoleSession? {
        guard let cookie = request.cookies[Self.cookieName]?.value else { return nil }
        return state.sessions.session(cookie: cookie, now: now())
    }

    /// Runs blocking work (the database, files) on NIO's thread pool.
    func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(work)
    }

    func run<C: ZHTJCommand>(_ command: C.Type, _ params: C.Params, _ session: ConsoleSession) async throws -> C.Result {
        let backend = self.backend
        return try await blocking { try backend.run(command, params, for: session) }
    }

    func render(_ template: String, _ values: [String: Any], session: ConsoleSession?, title: String, status: HTTPResponse.Status = .ok) -> Response {
        var values = values
        values["title"] = title
        if let session {
            values["csrf"] = session.csrf
            values["admin"] = ["name": session.admin.name, "org": session.admin.org, "csrf": session.csrf]
        }
        let text = library.render(values, withTemplate: template) ?? "template \(template) failed"
        return ConsoleResponse.html(text, status: status)
    }

    func message(_ heading: String, zh: String, en: String, status: HTTPResponse.Status, session: ConsoleSession?) -> Response {
        render("message", ["heading": heading, "zh": zh, "en": en], session: session, title: heading, status: status)
    }

    func failure(_ error: Error, request: Request) -> Response {
        let wantsJSON = request.headers[.accept]?.contains("application/json") ?? false
        let session = self.session(request)
        let status: HTTPResponse.Status
        let zh: String
        let en: String
        let code: String
        switch error {
        case Failure.noSession:
            (status, code) = (.unauthorized, "no_session")
            zh = "未登录或会话已过期（闲置 30 分钟）。请在终端运行 zhtj console，打开它给出的链接。"
            en = "Not logged in, or the session expired (30 minutes idle). Run `zhtj console` in a terminal and open the link it prints."
        case Failure.badCSRF:
            (status, code) = (.forbidden, "csrf")
            zh = "表单已失效（缺少或错误的 CSRF 令牌）。请刷新页面后重试。"
            en = "The form is stale (a missing or wrong CSRF token). Reload the page and try again."
        case Failure.notFound(let what):
            (status, code) = (.notFound, "not_found")
            zh = "找不到：\(what)"
            en = "Not found: \(what)"
        case let error as ZHTJError:
            status = error.isDenial ? (error == .credentialInvalid || error == .credentialWrongUser ? .unauthorized : .forbidden) : .badRequest
            (code, zh, en) = (error.code, error.chinese, error.english)
        default:
            (status, code) = (.internalServerError, "internal")
            zh = "内部错误，详见 zhtjd 的日志。"
            en = "Internal error: \(error). See zhtjd's log."
            logger.error("console request failed", metadata: ["zhtj.error": "\(error)"])
        }
        if wantsJSON {
            let body = try? JSONSerialization.data(withJSONObject: ["ok": false, "code": code, "message": en, "messageZh": zh])
            return ConsoleResponse.json(String(decoding: body ?? Data(), as: UTF8.self), status: status)
        }
        return message(status == .unauthorized ? "请登录 Log in" : "无法完成 Not done", zh: zh, en: en, status: status, session: session)
    }

    /// Compares in constant time.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
