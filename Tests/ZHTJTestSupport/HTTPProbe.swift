import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A plain HTTP/1.1 client over a TCP socket for the console's tests and benchmark: one request per connection, no
/// redirect followed, no cookie kept, so every header the console sends can be checked.
public struct HTTPReply: Sendable {
    public var status: Int
    /// Header names in lower case; a repeated header's values joined with ", ".
    public var headers: [String: String]
    public var body: [UInt8]
    public var text: String { String(decoding: body, as: UTF8.self) }
}

public struct HTTPProbeError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

public enum HTTPProbe {
    /// `url`: `http://127.0.0.1:PORT/path?query`.
    public static func send(_ method: String, _ url: String, headers: [String: String] = [:], body: String? = nil) throws -> HTTPReply {
        guard let parsed = URL(string: url), let host = parsed.host, let port = parsed.port else { throw HTTPProbeError("bad url \(url)") }
        let path = parsed.path.isEmpty ? "/" : parsed.path
        let target = parsed.query.map { "\(path)?\($0)" } ?? path
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HTTPProbeError("socket: \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, host, &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw HTTPProbeError("connect \(url): errno \(errno)") }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request = "\(method) \(target) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n"
        var fields = headers
        if let body {
            fields["Content-Length"] = "\(body.utf8.count)"
            if fields["Content-Type"] == nil { fields["Content-Type"] = "application/x-www-form-urlencoded" }
        }
        for (name, value) in fields { request += "\(name): \(value)\r\n" }
        request += "\r\n" + (body ?? "")
        let bytes = Array(request.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw HTTPProbeError("write: errno \(errno)") }
            sent += n
        }
        var reply: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            reply += buffer[0..<n]
        }
        return try parse(reply)
    }

    static func parse(_ reply: [UInt8]) throws -> HTTPReply {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(0, reply.count - 3)).first(where: { Array(reply[$0..<$0 + 4]) == separator }) else {
            throw HTTPProbeError("no HTTP header in \(reply.count) bytes")
        }
        let head = String(decoding: reply[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        var body = Array(reply[(end + 4)...])
        if headers["transfer-encoding"]?.contains("chunked") == true { body = dechunk(body) }
        return HTTPReply(status: status, headers: headers, body: body)
    }

    static func dechunk(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < data.count {
            guard let lineEnd = (i..<data.count - 1).first(where: { data[$0] == 13 && data[$0 + 1] == 10 }) else { break }
            let size = Int(String(decoding: data[i..<lineEnd], as: UTF8.self).split(separator: ";")[0], radix: 16) ?? 0
            if size == 0 { break }
            out += data[(lineEnd + 2)..<min(data.count, lineEnd + 2 + size)]
            i = lineEnd + 2 + size + 2
        }
        return out
    }
}
