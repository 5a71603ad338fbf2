import Foundation

/// The tests' PostgreSQL: when `ZHTJ_TEST_POSTGRES` names a server (scripts/test starts a throwaway cluster and sets
/// it), every test that asks gets a fresh, empty database of its own on it; without it the tests run on SQLite.
public enum TestPostgres {
    /// The server's URL (`postgres://postgres@/postgres?host=/tmp/zhtj-pg.…`), nil when the tests run on SQLite.
    public static var serverURL: String? {
        ProcessInfo.processInfo.environment["ZHTJ_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public static var isActive: Bool { serverURL != nil }

    /// A new empty database on the test server, its URL; nil when the tests run on SQLite.
    public static func freshDatabaseURL() throws -> String? {
        guard let server = serverURL else { return nil }
        let name = "zt_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        try psql(server, "CREATE DATABASE \(name)")
        return url(server, database: String(name))
    }

    /// `server` with another database name.
    public static func url(_ server: String, database: String) -> String {
        guard var parts = URLComponents(string: server) else { return server }
        parts.path = "/" + database
        return parts.string ?? server
    }

    /// Runs one SQL command with `psql` (what the tests need besides the daemon: create a database, break a row).
    @discardableResult
    public static func psql(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", url, "-c", sql]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestPostgresError(command: sql, output: String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

public struct TestPostgresError: Error, CustomStringConvertible {
    public var command: String
    public var output: String
    public var description: String { "psql failed on \(command): \(output)" }
}
