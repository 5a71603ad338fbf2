import Foundation

/// `console.link`: where to open the console, once, before `expiresAt`.
public struct ConsoleLinkResult: Codable, Sendable, Equatable {
    /// The link to open (`http://127.0.0.1:8640/login?token=…`, or `console.url` + `/login?token=…`).
    public var url: String
    public var expiresAt: Date
    /// What the console listens on (`127.0.0.1:8640`, or a Unix socket's path behind a reverse proxy).
    public var listen: String
    public init(url: String, expiresAt: Date, listen: String) {
        self.url = url
        self.expiresAt = expiresAt
        self.listen = listen
    }
}

/// `console.logoutAll`: how many sessions and unused links were ended.
public struct ConsoleLogoutResult: Codable, Sendable, Equatable {
    public var sessions: Int
    public var links: Int
    public init(sessions: Int, links: Int) {
        self.sessions = sessions
        self.links = links
    }
}
