import Foundation
import ZHTJClient
import ZHTJCore

/// The load client's helpers: requests as JSON lines, timing, the figures.
enum Load {
    static func fail(_ text: String) -> Never {
        FileHandle.standardError.write(Data((text + "\n").utf8))
        exit(2)
    }

    static func load(_ path: String) -> Credentials {
        guard let credentials = try? Credentials.load(path: path) else { Load.fail("cannot read the credentials \(path)") }
        return credentials
    }

    static func samples(_ path: String) -> [(id: String, name: String)] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { Load.fail("cannot read \(path)") }
        return text.split(separator: "\n").map { line in
            let parts = line.split(separator: "\t")
            return (String(parts[0]), String(parts[1]))
        }
    }

    /// One request line.
    static func line(_ command: String, _ credential: String, _ params: [String: Any]) -> [UInt8] {
        let object: [String: Any] = ["id": 1, "command": command, "credential": credential, "params": params]
        return Array(try! JSONSerialization.data(withJSONObject: object))
    }

    /// Sends `request` and checks the reply is `ok`; returns the seconds it took and the reply.
    static func timed(_ client: SocketClient, _ request: [UInt8]) -> (Double, [UInt8]) {
        let start = DispatchTime.now().uptimeNanoseconds
        guard let reply = try? client.exchange(request) else { Load.fail("the connection was lost") }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if !reply.starts(with: Array(#"{"ok":true"#.utf8)) && !String(decoding: reply.prefix(40), as: UTF8.self).contains(#""ok":true"#) {
            Load.fail("request failed: \(String(decoding: reply.prefix(300), as: UTF8.self))")
        }
        return (seconds, reply)
    }

    static func report(_ label: String, _ latencies: [Double], wall: Double) {
        let sorted = latencies.sorted()
        func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] * 1000 }
        print(String(format: "%-44@ n=%-6d p50=%9.3f ms  p99=%9.3f ms  max=%9.3f ms  %9.1f req/s", label as NSString, sorted.count, at(0.5), at(0.99),
                     sorted.last! * 1000, Double(sorted.count) / wall))
    }

    static func client(_ credentials: Credentials) -> SocketClient {
        guard let client = try? SocketClient(path: credentials.socket) else { Load.fail("cannot connect to \(credentials.socket)") }
        return client
    }
}

/// The latencies of each client thread.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var latencies: [[Double]] = []

    func add(_ values: [Double]) {
        lock.lock()
        latencies.append(values)
        lock.unlock()
    }

    var all: [Double] { lock.lock(); defer { lock.unlock() }; return latencies.flatMap { $0 } }
}
