import Foundation
import ZHTJCore

/// `MANIFEST.json` of a snapshot: written last, after the copy was checked, so a snapshot with a manifest is whole.
/// `zhtj admin restore` checks every hash it names (and every archive object the database copy names) before it
/// restores anything.
public struct BackupManifest: Codable, Sendable, Equatable {
    /// The manifest's format; a restore refuses one it does not know.
    public var format: Int = 1
    public var snapshot: String
    public var createdAt: Date
    public var finishedAt: Date
    /// The storage root it came from.
    public var storageRoot: String
    public var database: DatabaseEntry
    /// The audit chain's head in the database copy: an anchor outside the database.
    public var auditHead: AuditHead?
    public var counts: Counts
    /// `refused/`: every file (the refused files and their `.reason.txt`), stored by hash in `objects/`.
    public var refused: [FileEntry]
    /// `outbox/audit-anchors.txt` and the configuration file, copied into the snapshot (nil when there was none).
    public var anchors: FileEntry?
    public var config: FileEntry?
    /// `outbox/restored.txt`: the restores this registry went through (their lineage), when there was one.
    public var restored: FileEntry?

    public struct DatabaseEntry: Codable, Sendable, Equatable {
        public var file: String
        public var sha256: String
        public var bytes: Int64
        public var migrations: [String]
    }

    public struct AuditHead: Codable, Sendable, Equatable {
        public var id: Int64
        public var hash: String
    }

    public struct Counts: Codable, Sendable, Equatable {
        public var orgs: Int
        public var members: Int
        public var versions: Int
        public var documents: Int
        public var auditRows: Int
        public var refusedFiles: Int
    }

    /// A file: its path (relative; `pathBase64` holds the exact bytes of a name that is not UTF-8), hash and size.
    public struct FileEntry: Codable, Sendable, Equatable {
        public var path: String
        public var pathBase64: String?
        public var sha256: String
        public var bytes: Int64

        /// The exact bytes of the path.
        public var pathBytes: [UInt8] { pathBase64.flatMap { Data(base64Encoded: $0) }.map(Array.init) ?? Array(path.utf8) }

        public init(pathBytes: [UInt8], sha256: String, bytes: Int64) {
            let text = String(decoding: pathBytes, as: UTF8.self)
            path = text
            pathBase64 = Array(text.utf8) == pathBytes ? nil : Data(pathBytes).base64EncodedString()
            self.sha256 = sha256
            self.bytes = bytes
        }
    }

    /// What in the manifest is not what a backup writes: a path that is absolute, empty, or has an empty, `.` or `..`
    /// component or a NUL; a hash that is not 64 lower-case hex digits; another file name than the fixed ones.
    func unsafeEntries() -> [String] {
        var problems: [String] = []
        let isHash = ArchiveLayout.isHash
        if database.file != "zhtj.sqlite" { problems.append("database file \(database.file)") }
        if !isHash(database.sha256) { problems.append("database hash \(database.sha256)") }
        if let anchors, anchors.path != "audit-anchors.txt" || !isHash(anchors.sha256) { problems.append("anchors entry \(anchors.path)") }
        if let config, config.path != "config/zhtjd.json" || !isHash(config.sha256) { problems.append("config entry \(config.path)") }
        if let restored, restored.path != "restored.txt" || !isHash(restored.sha256) { problems.append("restored entry \(restored.path)") }
        for entry in refused {
            let parts = entry.pathBytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            let safe = !entry.pathBytes.isEmpty && !entry.pathBytes.contains(0)
                && parts.allSatisfy { !$0.isEmpty && !$0.elementsEqual([0x2E]) && !$0.elementsEqual([0x2E, 0x2E]) }
            if !safe || !isHash(entry.sha256) { problems.append("refused entry \(entry.path)") }
        }
        return problems
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
