import CMagic
import Foundation

/// libmagic, wrapped once: a cookie that answers MIME types. Not thread-safe: one per thread or task.
public final class MagicCookie {
    private let cookie: magic_t

    public enum MagicError: Error, CustomStringConvertible {
        case open
        case load(String)
        case check(String)

        public var description: String {
            switch self {
            case .open: "libmagic: magic_open failed (out of memory?)"
            case .load(let detail): "libmagic: cannot load its database (\(detail)): install libmagic-mgc"
            case .check(let detail): "libmagic: \(detail)"
            }
        }
    }

    public init() throws {
        guard let cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS) else { throw MagicError.open }
        guard magic_load(cookie, nil) == 0 else {
            let detail = magic_error(cookie).map { String(cString: $0) } ?? "unknown"
            magic_close(cookie)
            throw MagicError.load(detail)
        }
        self.cookie = cookie
    }

    deinit {
        magic_close(cookie)
    }

    /// The MIME type of `bytes` (e.g. `application/pdf`).
    public func mimeType(of bytes: [UInt8]) throws -> String {
        let result = bytes.withUnsafeBytes { magic_buffer(cookie, $0.baseAddress, $0.count) }
        guard let result else { throw MagicError.check(magic_error(cookie).map { String(cString: $0) } ?? "unknown") }
        return String(cString: result)
    }
}
