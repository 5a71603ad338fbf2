import Foundation
import Logging
import ServiceLifecycle

#if canImport(Glibc)
    import Glibc
#endif

/// systemd's notify protocol (for `Type=notify` units): READY=1 once the daemon serves, WATCHDOG=1 at half the
/// `WATCHDOG_USEC` interval, STOPPING=1 on shutdown. Without `NOTIFY_SOCKET` it does nothing.
public struct SystemdNotifier: Service {
    let socketPath: String?
    let watchdogInterval: Duration?
    let logger: Logger

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, logger: Logger) {
        socketPath = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
        watchdogInterval = environment["WATCHDOG_USEC"].flatMap(Int64.init).map { .microseconds($0 / 2) }
        self.logger = logger
    }

    public func run() async throws {
        guard socketPath != nil else { return }
        send("READY=1\nSTATUS=serving")
        logger.info("notified systemd: ready")
        do {
            try await cancelWhenGracefulShutdown {
                while true {
                    try await Task.sleep(for: watchdogInterval ?? .seconds(3600))
                    if watchdogInterval != nil { send("WATCHDOG=1") }
                }
            }
        } catch is CancellationError {}
        send("STOPPING=1")
    }

    /// One datagram to `NOTIFY_SOCKET` (a path, or `@name` in the abstract namespace).
    func send(_ message: String) {
        guard let socketPath else { return }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(socketPath.utf8)
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (bytes.first == 0 ? 0 : 1))
        _ = message.withCString { text in
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { sendto(fd, text, strlen(text), 0, $0, length) }
            }
        }
    }
}
