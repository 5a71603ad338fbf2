import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A daemon's name among several on one registry (inbox claims, the log): host, process id and a random part, so a
/// restarted daemon is a new one and never mistakes an old claim of its predecessor for its own.
public enum DaemonIdentity {
    static var host: String { ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "host" }

    public static func make() -> String {
        "\(host):\(getpid()):\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
    }

    /// Whether `name` is a daemon of this host whose process is gone (its pid names no process): its claims can be
    /// released at once. A pid reused by another process counts as alive (its claims then wait for their lease).
    static func isStoppedOnThisHost(_ name: String) -> Bool {
        let parts = name.split(separator: ":")
        guard parts.count == 3, parts[0] == host, let pid = pid_t(parts[1]), pid != getpid() else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
