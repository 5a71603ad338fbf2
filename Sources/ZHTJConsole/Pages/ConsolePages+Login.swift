import Foundation
import Hummingbird

/// Logging in with a one-time link, logging out, and the console's own files (its script and style, and Debian's
/// pdf.js).
extension ConsolePages {
    func registerLogin(on router: Router<Context>) {
        router.get("/login") { request, context in
            let token = FormFields(request.uri.query ?? "")["token"] ?? ""
            if let refused = wrongUser(token: token, context) { return refused }
            switch state.sessions.exchange(token: token, now: now()) {
            case .success(let opened):
                logger.notice("console session opened", metadata: ["zhtj.admin": "\(opened.session.admin.id)", "zhtj.uid": "\(opened.session.admin.uid)"])
                return ConsoleResponse.redirect("/queue", cookie: cookie(opened.cookie, maxAge: Int(ConsoleSessions.idleSeconds)))
            case .failure(let refusal):
                let (zh, en): (String, String) =
                    switch refusal {
                    case .unknown: ("这个登录链接无效。", "This login link is not valid.")
                    case .used: ("这个登录链接已经用过（每个链接只能用一次）。", "This login link was used already (each link opens one session).")
                    case .expired: ("这个登录链接已过期（5 分钟内有效）。", "This login link expired (links are valid 5 minutes).")
                    }
                return message(
                    "无法登录 Cannot log in", zh: zh + "请在终端重新运行 zhtj console。", en: en + " Run `zhtj console` again in a terminal.",
                    status: .forbidden, session: nil)
            }
        }
        router.post("/logout") { request, _ in
            await page(request, post: true) { _, _ in
                if let value = request.cookies[Self.cookieName]?.value { state.sessions.end(cookie: value) }
                var response = message("已退出 Logged out", zh: "已退出。需要时运行 zhtj console 重新登录。", en: "Logged out. Run `zhtj console` to log in again.", status: .ok, session: nil)
                response.headers[.setCookie] = cookie("", maxAge: 0)
                return response
            }
        }
        router.get("/static/console.js") { _, _ in ConsoleResponse.asset(ConsoleAssets.script, contentType: "text/javascript; charset=utf-8") }
        router.get("/static/console.css") { _, _ in ConsoleResponse.asset(ConsoleAssets.style, contentType: "text/css; charset=utf-8") }
        // Debian's libjs-pdf: the two files the review page needs, nothing else of the folder.
        for name in ["pdf.js", "pdf.worker.js"] {
            router.get("/pdfjs/\(name)") { _, _ in
                let path = pdfjsFolder + "/" + name
                guard let text = try? await blocking({ try String(contentsOfFile: path, encoding: .utf8) }) else {
                    return message(
                        "缺少 pdf.js", zh: "找不到 \(path)：请安装 libjs-pdf（scripts/install-deps）或设置 console.pdfjs。",
                        en: "\(path) is missing: install libjs-pdf (scripts/install-deps) or set console.pdfjs.", status: .notFound, session: nil)
                }
                return ConsoleResponse.asset(text, contentType: "text/javascript; charset=utf-8")
            }
        }
    }

    /// Over loopback without a reverse proxy (no `console.url`), a link opens only in a program of the user who
    /// asked for it: the kernel's socket table names the browser's uid. Such a refusal leaves the link unused, so
    /// another user who read it (from a process list) cannot spoil it either.
    func wrongUser(token: String, _ context: Context) -> Response? {
        guard state.publicURL == nil, let peer = context.peer?.port, let server = context.local?.port,
            let link = state.sessions.linkOwner(token: token)
        else { return nil }
        guard let uid = LoopbackPeer.uid(peerPort: peer, serverPort: server), uid != link.uid else { return nil }
        logger.warning("console link refused: opened by another system user", metadata: ["zhtj.uid": "\(uid)", "zhtj.admin": "\(link.id)"])
        return message(
            "无法登录 Cannot log in", zh: "这个登录链接属于另一个系统用户（uid \(link.uid)），在你的浏览器中不能使用。请用你自己的账户运行 zhtj console。",
            en: "This login link belongs to another system user (uid \(link.uid)) and does not open in your browser (uid \(uid)). Run `zhtj console` as yourself.",
            status: .forbidden, session: nil)
    }

    /// The session cookie: HttpOnly, SameSite=Strict, Secure behind TLS (`console.url` with `https:`).
    func cookie(_ value: String, maxAge: Int) -> String {
        "\(Self.cookieName)=\(value); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(maxAge)" + (state.behindTLS ? "; Secure" : "")
    }
}
