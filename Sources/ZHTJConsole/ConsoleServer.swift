import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The review console's HTTP listener (issue 17), one of zhtjd's services: `console.listen` is `HOST:PORT`
/// (`127.0.0.1:8640` by default; port 0 picks a free one) or a Unix socket's path for a reverse proxy. A listener
/// that cannot start is logged and reported by `zhtj console`; the daemon goes on without it.
public struct ConsoleServer: Service {
    let state: ConsoleState
    let pages: ConsolePages
    let logger: Logger

    public init(
        state: ConsoleState, backend: any ConsoleBackend, pdfjsFolder: String, logger: Logger, now: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.state = state
        self.logger = logger
        self.pages = try ConsolePages(state: state, backend: backend, pdfjsFolder: pdfjsFolder, logger: logger, now: now)
    }

    /// `HOST:PORT` or a path (anything with a `/`).
    public static func address(_ listen: String) -> BindAddress? {
        if listen.contains("/") { return .unixDomainSocket(path: listen) }
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65535).contains(port) else { return nil }
        var host = String(listen[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return .hostname(host.isEmpty ? "127.0.0.1" : host, port: port)
    }

    public func run() async throws {
        guard !state.listen.isEmpty else {
            logger.notice("the browser console is off (console.listen is empty)")
            try? await gracefulShutdown()
            return
        }
        guard let address = Self.address(state.listen) else {
            let why = "console.listen = \"\(state.listen)\" is neither HOST:PORT nor a socket path / console.listen 的值无效"
            logger.critical("the browser console cannot start", metadata: ["zhtj.error": "\(why)"])
            state.set(.failed(why))
            try? await gracefulShutdown()
            return
        }
        // A socket file left by an earlier run (the instance lock says no other zhtjd uses this storage).
        if state.listen.contains("/") { try? FileManager.default.removeItem(atPath: state.listen) }
        let router = Router(context: ConsoleContext.self)
        pages.register(on: router)
        let state = self.state
        let logger = self.logger
        let listen = self.state.listen
        let app = Application(
            router: router, configuration: .init(address: address, serverName: "zhtjd"),
            onServerRunning: { channel in
                let own: String
                if let port = channel.localAddress?.port, !listen.contains("/") {
                    var host = channel.localAddress?.ipAddress ?? "127.0.0.1"
                    if host.contains(":") { host = "[\(host)]" }
                    own = "http://\(host):\(port)"
                } else {
                    own = "unix:\(listen)"
                }
                state.set(.running(own))
                logger.notice("browser console listening", metadata: ["zhtj.console": "\(own)"])
            },
            logger: logger)
        do {
            try await app.run()
        } catch {
            let why = "\(state.listen): \(error)"
            logger.critical("the browser console stopped or could not start; the socket serves on", metadata: ["zhtj.error": "\(why)"])
            state.set(.failed(why))
            try? await gracefulShutdown()
        }
    }
}
