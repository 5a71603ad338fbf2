import Foundation
import ZHTJCore

#if canImport(Glibc)
    import Glibc
#endif

/// A blocking client for the daemon's Unix socket: one JSON line out, one JSON line back.
public final class SocketClient {
    public let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []

    public init(path: String) throws {
        self.path = path
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw ClientError.cannotConnect(path: path, errno: errno) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            close(fd)
            throw ClientError.cannotConnect(path: path, errno: ENAMETOOLONG)
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw ClientError.cannotConnect(path: path, errno: code)
        }
    }

    deinit {
        close(fd)
    }

    /// Sends one line and reads one line back.
    public func exchange(_ line: [UInt8]) throws -> [UInt8] {
        var out = line
        out.append(UInt8(ascii: "\n"))
        var sent = 0
        while sent < out.count {
            let n = Syscall.retrying { out[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } }
            guard n >= 0 else { throw ClientError.connectionLost(path: path) }
            sent += n
        }
        var chunk = [UInt8](repeating: 0, count: 65536)
        // Only the bytes not yet looked at are searched for the newline: a reply of many megabytes is read in
        // linear time, not rescanned from its start after every chunk.
        var scanned = 0
        while true {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                let reply = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return reply
            }
            scanned = buffer.count
            let n = Syscall.retrying { chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) } }
            guard n > 0 else { throw ClientError.connectionLost(path: path) }
            buffer.append(contentsOf: chunk[0..<n])
        }
    }

    /// Sends a command with its parameters and decodes its result; the reply's JSON is kept for `--json`.
    public func send<C: ZHTJCommand>(_ command: C.Type, _ params: C.Params, credential: String?) throws -> (result: C.Result, json: ReplyJSON) {
        let request = Request(id: 1, command, credential: credential, params: params)
        let reply = Data(try exchange(Array(ProtocolCoding.encoder().encode(request))))
        let decoder = ProtocolCoding.decoder()
        // A success is decoded once, typed; anything else is an error reply or a reply this client cannot read.
        let resultError: any Error
        do {
            let result = try decoder.decode(ResultReply<C.Result>.self, from: reply).result
            return (result, ReplyJSON(result))
        } catch {
            resultError = error
        }
        if let payload = try? decoder.decode(ErrorReply.self, from: reply).error {
            throw ClientError.server(payload)
        }
        if (try? decoder.decode(OKReply.self, from: reply).ok) == true {
            throw ClientError.badReply("\(resultError)")
        }
        throw ClientError.badReply(String(decoding: reply.prefix(200), as: UTF8.self))
    }
}

private struct OKReply: Decodable {
    let ok: Bool
}

private struct ErrorReply: Decodable {
    let error: ErrorPayload
}

private struct ResultReply<R: Decodable>: Decodable {
    let result: R
}
