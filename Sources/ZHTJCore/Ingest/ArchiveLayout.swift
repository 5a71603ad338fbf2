/// Where a document lives in the content-addressed archive: the path comes only from its hash.
public enum ArchiveLayout {
    /// True for a SHA-256 as the archive names files: 64 lower-case hex digits.
    public static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    /// `ab/cd/<sha256>.pdf` (or another `suffix`: a backup's objects have none), relative to `archive/`; nil for
    /// anything but a hash.
    public static func relativePath(sha256: String, suffix: String = ".pdf") -> String? {
        guard isHash(sha256) else { return nil }
        let chars = Array(sha256)
        return "\(String(chars[0..<2]))/\(String(chars[2..<4]))/\(sha256)\(suffix)"
    }
}
