import Foundation

/// A daemon's name among several on one registry (inbox claims, the log): host, process id and a random part, so a
/// restarted daemon is a new one and never mistakes an old claim of its predecessor for its own.
public enum DaemonIdentity {
    public static func make() -> String {
        let host = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "host"
        return "\(host):\(getpid()):\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
    }
}
