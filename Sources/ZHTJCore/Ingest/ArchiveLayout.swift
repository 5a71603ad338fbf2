/// Where a document lives in the content-addressed archive: the path comes only from its hash.
public enum ArchiveLayout {
    /// `ab/cd/<sha256>.pdf`, relative to `archive/`; nil for anything but 64 lower-case hex digits.
    public static func relativePath(sha256: String) -> String? {
        guard sha256.utf8.count == 64, sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        let chars = Array(sha256)
        return "\(String(chars[0..<2]))/\(String(chars[2..<4]))/\(sha256).pdf"
    }
}
