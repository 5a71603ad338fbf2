import Crypto
import Foundation
import Synchronization

/// The console's one-time links and sessions, in memory: a restart of zhtjd ends every session (the admin runs
/// `zhtj console` again). Only hashes of links and cookies are kept, so a memory dump reveals no usable token.
public final class ConsoleSessions: Sendable {
    /// How long a link from `zhtj console` may be opened (5 minutes).
    public static let linkSeconds: TimeInterval = 300
    /// A session unused for this long ends (30 minutes).
    public static let idleSeconds: TimeInterval = 1800

    /// Why a link does not open a session.
    public enum Refusal: Error, Equatable, Sendable {
        case unknown, used, expired
    }

    private struct Link {
        var admin: ConsoleSession.Admin
        var expires: Date
        var used: Bool
    }

    private struct State {
        var links: [String: Link] = [:]
        var sessions: [String: ConsoleSession] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// A new link's token for `admin`, valid `linkSeconds` from `now`.
    public func makeLink(for admin: ConsoleSession.Admin, now: Date) -> (token: String, expires: Date) {
        let token = Self.randomToken()
        let expires = now.addingTimeInterval(Self.linkSeconds)
        state.withLock { state in
            state.links = state.links.filter { $0.value.expires > now }
            state.links[Self.hash(token)] = Link(admin: admin, expires: expires, used: false)
        }
        return (token, expires)
    }

    /// Who asked for a link (nil for an unknown token), without using it.
    public func linkOwner(token: String) -> ConsoleSession.Admin? {
        state.withLock { $0.links[Self.hash(token)]?.admin }
    }

    /// Opens a session with a link's token, once: returns the session's cookie value and the session.
    public func exchange(token: String, now: Date) -> Result<(cookie: String, session: ConsoleSession), Refusal> {
        let key = Self.hash(token)
        return state.withLock { state in
            guard var link = state.links[key] else { return .failure(.unknown) }
            guard !link.used else { return .failure(.used) }
            guard link.expires > now else { return .failure(.expired) }
            link.used = true
            state.links[key] = link
            let cookie = Self.randomToken()
            let session = ConsoleSession(admin: link.admin, csrf: Self.randomToken(), started: now, lastSeen: now)
            state.sessions[Self.hash(cookie)] = session
            return .success((cookie, session))
        }
    }

    /// The session of a cookie, if it is open and was used within `idleSeconds`; each use keeps it open.
    public func session(cookie: String, now: Date) -> ConsoleSession? {
        let key = Self.hash(cookie)
        return state.withLock { state in
            guard var session = state.sessions[key] else { return nil }
            guard now.timeIntervalSince(session.lastSeen) < Self.idleSeconds else {
                state.sessions[key] = nil
                return nil
            }
            session.lastSeen = now
            state.sessions[key] = session
            return session
        }
    }

    /// Ends one session (the console's logout button).
    public func end(cookie: String) {
        _ = state.withLock { $0.sessions.removeValue(forKey: Self.hash(cookie)) }
    }

    /// Ends every session and unused link of an admin (`zhtj console --logout-all`).
    public func endAll(adminID: Int64) -> (sessions: Int, links: Int) {
        state.withLock { state in
            let sessions = state.sessions.filter { $0.value.admin.id == adminID }.count
            let links = state.links.filter { $0.value.admin.id == adminID && !$0.value.used }.count
            state.sessions = state.sessions.filter { $0.value.admin.id != adminID }
            state.links = state.links.filter { $0.value.admin.id != adminID }
            return (sessions, links)
        }
    }

    /// 32 random bytes (the system's CSPRNG), URL-safe base64.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
