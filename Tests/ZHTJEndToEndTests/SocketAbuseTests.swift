import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Socket abuse (issue 6): silent clients, endless lines, a thousand connections.
@Suite struct SocketAbuseTests {
    /// A raw connection to the daemon's socket.
    final class RawConnection {
        let fd: Int32

        init(path: String) throws {
            fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            let result = withUnixAddress(path) { connect(fd, $0, $1) }
            guard result == 0 else {
                close(fd)
                throw TestFailure("connect: \(String(cString: strerror(errno)))")
            }
            var timeout = timeval(tv_sec: 20, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        deinit { close(fd) }

        /// Everything the daemon sends until it closes (or the receive timeout).
        func readToEnd() -> String {
            var out = [UInt8]()
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n <= 0 { break }
                out += buffer[0..<n]
            }
            return String(decoding: out, as: UTF8.self)
        }

        func send(_ bytes: [UInt8]) {
            var sent = 0
            while sent < bytes.count {
                let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, min($0.count, 1 << 20), Int32(MSG_NOSIGNAL)) }
                if n <= 0 { return }
                sent += n
            }
        }
    }

    @Test func aSilentClientIsTimedOut() throws {
        let daemon = try TestDaemon(extraEnvironment: ["ZHTJD_SOCKET_IDLE_TIMEOUT_SECONDS": "1"])
        try daemon.start()
        let connection = try RawConnection(path: daemon.socket)
        let started = Date()
        #expect(connection.readToEnd().isEmpty)
        let waited = Date().timeIntervalSince(started)
        #expect(waited > 0.5 && waited < 10)
        try expectOK(daemon.cli(["whoami"], credentials: nil))
    }

    @Test func anEndlessLineIsCutAtTheRequestLimit() throws {
        let daemon = try TestDaemon()
        try daemon.start()
        let connection = try RawConnection(path: daemon.socket)
        nonisolated(unsafe) let writer = connection
        let sending = Thread { writer.send([UInt8](repeating: UInt8(ascii: "a"), count: 100 * 1024 * 1024)) }
        sending.start()
        let reply = connection.readToEnd()
        #expect(reply.contains("request longer than"))
        #expect(reply.contains("bad_request"))
        try expectOK(daemon.cli(["whoami"], credentials: nil))
    }

    @Test func aThousandConnectionsAreBoundedAndTheDaemonStillAnswers() throws {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        limit.rlim_cur = max(limit.rlim_cur, min(limit.rlim_max, 4096))
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        let daemon = try TestDaemon(extraEnvironment: ["ZHTJD_SOCKET_MAX_CONNECTIONS": "200"])
        try daemon.start()
        var connections: [RawConnection] = []
        for _ in 0..<1000 { connections.append(try RawConnection(path: daemon.socket)) }
        // One more, past the bound: told so at once, and closed.
        let extra = try RawConnection(path: daemon.socket)
        let started = Date()
        let reply = extra.readToEnd()
        #expect(reply.contains("too many connections"))
        #expect(Date().timeIntervalSince(started) < 10)
        connections.removeAll()
        try daemon.waitUntil("the daemon answers again", timeout: 30) { (try? daemon.cli(["whoami"], credentials: nil))?.status == 0 }
    }
}
