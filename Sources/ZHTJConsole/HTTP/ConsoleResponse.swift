import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Every response of the console carries the same protections: a Content-Security-Policy that allows no inline
/// script or style and no other origin, no sniffing, no framing, no referrer (a login link never leaks), no caching.
enum ConsoleResponse {
    static let policy = [
        "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:", "connect-src 'self'",
        "worker-src 'self'", "font-src 'self' data:", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'",
    ].joined(separator: "; ")

    static func headers(contentType: String) -> HTTPFields {
        var fields = HTTPFields()
        fields[.contentType] = contentType
        fields[HTTPField.Name("Content-Security-Policy")!] = policy
        fields[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        fields[HTTPField.Name("X-Frame-Options")!] = "DENY"
        fields[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        fields[.cacheControl] = "no-store"
        return fields
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: headers(contentType: "text/html; charset=utf-8"), body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: headers(contentType: "application/json; charset=utf-8"), body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func asset(_ text: String, contentType: String) -> Response {
        var fields = headers(contentType: contentType)
        fields[.cacheControl] = "private, max-age=300"
        return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// 303 See Other: after a POST, the browser GETs `location`.
    static func redirect(_ location: String, cookie: String? = nil) -> Response {
        var fields = headers(contentType: "text/plain; charset=utf-8")
        fields[.location] = location
        if let cookie { fields[.setCookie] = cookie }
        return Response(status: .seeOther, headers: fields, body: .init(byteBuffer: ByteBuffer(string: "→ \(location)\n")))
    }
}
