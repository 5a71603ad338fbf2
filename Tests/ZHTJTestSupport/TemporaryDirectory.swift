import Foundation

/// Unique scratch folders under /tmp for tests.
public enum TemporaryDirectory {
    /// Creates a new, empty, private (0700) folder such as
    /// "/tmp/zhtj-test-Ab12Cd" and returns its path.
    public static func create(prefix: String = "zhtj-test") throws -> String {
        let safe = prefix.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        var template = Array("/tmp/\(safe.isEmpty ? "zhtj-test" : safe)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress, mkdtemp(base) != nil else { return nil }
            return String(cString: base)
        }
        if let made { return made }
        // mkdtemp failed (odd /tmp?): fall back to a UUID name.
        let path = "/tmp/\(safe.isEmpty ? "zhtj-test" : safe)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        return path
    }

    /// Removes `path` and everything in it; errors (already gone) are ignored.
    public static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Runs `body` with the path of a fresh folder under /tmp, then deletes the
/// folder and its contents (also when `body` throws). For async code, use
/// `TemporaryDirectory.create()` and `TemporaryDirectory.remove(_:)`.
public func withTemporaryDirectory<T>(_ body: (String) throws -> T) rethrows -> T {
    let path: String
    do {
        path = try TemporaryDirectory.create()
    } catch {
        // Cannot throw our own error from a rethrows function: hand over a
        // path that does not exist, so the body's own file operations fail.
        path = "/tmp/zhtj-test-unavailable-\(UUID().uuidString)"
    }
    defer { TemporaryDirectory.remove(path) }
    return try body(path)
}
