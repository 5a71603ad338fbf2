import Foundation
import Testing
import ZHTJTestSupport

/// A browser's session with the console, as the tests drive it over plain HTTP: the link from `zhtj console`, the
/// cookie it set, the CSRF token from the pages.
struct ConsoleSessionProbe {
    var base: String
    var cookie: String
    var csrf: String

    /// A fresh link for the admin of `credentials`.
    static func link(_ s: Scenario, _ credentials: String) throws -> String {
        let reply = try jsonObject(try expectOK(s.daemon.cli(["console", "--no-open", "--json"], credentials: credentials)).stdout)
        guard let url = reply["url"] as? String else { throw TestFailure("no url in \(reply)") }
        return url
    }

    /// Opens the link and reads the CSRF token off the queue page.
    static func login(_ s: Scenario, _ credentials: String) throws -> ConsoleSessionProbe {
        let url = try link(s, credentials)
        let opened = try HTTPProbe.send("GET", url)
        guard opened.status == 303, let setCookie = opened.headers["set-cookie"], let pair = setCookie.split(separator: ";").first else {
            throw TestFailure("login: \(opened.status) \(opened.headers)")
        }
        let base = String(url[..<url.range(of: "/login")!.lowerBound])
        var probe = ConsoleSessionProbe(base: base, cookie: String(pair), csrf: "")
        let queue = try probe.get("/queue")
        guard let range = queue.text.range(of: #"data-csrf="([^"]+)""#, options: .regularExpression) else { throw TestFailure("no csrf: \(queue.text.prefix(300))") }
        probe.csrf = String(queue.text[range].dropFirst("data-csrf=\"".count).dropLast())
        return probe
    }

    func get(_ path: String, headers: [String: String] = [:]) throws -> HTTPReply {
        var fields = headers
        fields["Cookie"] = cookie
        return try HTTPProbe.send("GET", base + path, headers: fields)
    }

    /// A form POST; `csrf: nil` leaves the token out, a string sends that one.
    func post(_ path: String, _ fields: [String: String] = [:], csrf: String?? = .none) throws -> HTTPReply {
        var form = fields
        switch csrf {
        case .none: form["csrf"] = self.csrf
        case .some(.none): break
        case .some(.some(let token)): form["csrf"] = token
        }
        let body = form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        return try HTTPProbe.send("POST", base + path, headers: ["Cookie": cookie], body: body)
    }
}
