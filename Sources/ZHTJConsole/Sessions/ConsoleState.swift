import Foundation
import Synchronization
import ZHTJCore

/// The console as the daemon's socket sees it: the sessions, and whether the listener runs and where (for the link
/// that `zhtj console` prints).
public final class ConsoleState: Sendable {
    public enum Status: Sendable, Equatable {
        /// `console.listen` is empty.
        case off
        case starting
        /// Listening; the base of the links (`http://127.0.0.1:8640`).
        case running(String)
        /// The listener could not start (an address in use, a bad path); the socket still serves everything else.
        case failed(String)
    }

    public let sessions = ConsoleSessions()
    /// `console.listen` as configured: `HOST:PORT`, a Unix socket's path, or empty.
    public let listen: String
    /// `console.url`: the address users open behind a reverse proxy (`https://zhtj.example.lan`); nil for the
    /// listener's own address.
    public let publicURL: String?
    private let status = Mutex(Status.starting)

    public init(listen: String, publicURL: String?) {
        self.listen = listen
        self.publicURL = publicURL.flatMap { $0.isEmpty ? nil : ($0.hasSuffix("/") ? String($0.dropLast()) : $0) }
        if listen.isEmpty { status.withLock { $0 = .off } }
    }

    public var current: Status { status.withLock { $0 } }

    func set(_ new: Status) { status.withLock { $0 = new } }

    /// Where links point: `console.url` if set, else the listener's address; throws when the console does not run.
    public func baseURL() throws -> String {
        switch current {
        case .off: throw ZHTJError.consoleOff("console.listen is empty (the console is turned off) / console.listen 为空")
        case .starting: throw ZHTJError.consoleOff("it is still starting: try again in a second / 仍在启动")
        case .failed(let why): throw ZHTJError.consoleOff(why)
        case .running(let own): return publicURL ?? own
        }
    }

    /// Whether links and cookies travel over TLS (a `console.url` that starts with `https:`): cookies are then `Secure`.
    public var behindTLS: Bool { publicURL?.hasPrefix("https:") ?? false }
}
