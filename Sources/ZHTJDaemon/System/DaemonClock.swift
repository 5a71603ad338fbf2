import Foundation

/// The daemon's clock. Tests set `ZHTJD_TEST_CLOCK_FILE` to a file holding an ISO 8601 time; the daemon then
/// reads the time from that file on every request, so a test can move it (e.g. 21 days ahead) without a restart.
public struct DaemonClock: Sendable {
    let file: String?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        file = environment["ZHTJD_TEST_CLOCK_FILE"]
    }

    public func now() -> Date {
        guard let file, let text = try? String(contentsOfFile: file, encoding: .utf8) else { return Date() }
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? Date()
    }

    public var isFake: Bool { file != nil }
}
