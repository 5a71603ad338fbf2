import Foundation

/// The `database.url` setting: what selects PostgreSQL, and how it is shown without its password.
enum PGURL {
    /// Whether `url` names a PostgreSQL database (`postgres://` or `postgresql://`).
    static func isPostgres(_ url: String) -> Bool {
        url.hasPrefix("postgres://") || url.hasPrefix("postgresql://")
    }

    /// The URL with its password replaced by `***` (for logs and messages).
    static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "***"
        return parts.string ?? url
    }
}
