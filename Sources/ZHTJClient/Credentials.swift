import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What `zhtj register` stores: the secret, the socket it belongs to and who it is (file mode 0600).
public struct Credentials: Codable, Sendable {
    public var credential: String
    public var socket: String
    public var adminID: Int64
    public var adminName: String
    public var orgID: Int64
    public var orgName: String
    public var uid: UInt32
    /// Set for a member's own credential (`zhtj member self-register`, R-E13): the member; `adminID` is then 0 and
    /// `adminName`, `orgID`, `orgName` are the member's name and branch.
    public var memberID: Int64?

    public init(credential: String, socket: String, adminID: Int64, adminName: String, orgID: Int64, orgName: String, uid: UInt32, memberID: Int64? = nil) {
        self.credential = credential
        self.socket = socket
        self.adminID = adminID
        self.adminName = adminName
        self.orgID = orgID
        self.orgName = orgName
        self.uid = uid
        self.memberID = memberID
    }

    /// `--credentials FILE`, else `ZHTJ_CREDENTIALS`, else `~/.config/zhtj/credentials`.
    public static func path(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let env = environment["ZHTJ_CREDENTIALS"], !env.isEmpty { return env }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? String(cString: getpwuid(getuid())?.pointee.pw_dir ?? strdup("/tmp"))
        return home + "/.config/zhtj/credentials"
    }

    /// Reads the file, or nil when there is none.
    public static func load(path: String) throws -> Credentials? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return try JSONDecoder().decode(Credentials.self, from: data)
        } catch {
            throw ClientError.credentialsUnreadable(path: path, detail: "\(error)")
        }
    }

    /// Writes the file with mode 0600 (its folder 0700 when created), atomically.
    public func save(path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw ClientError.cannotWrite(path: folder, detail: "\(error)")
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(self)
        let temporary = path + ".tmp.\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw ClientError.cannotWrite(path: path, detail: String(cString: strerror(errno))) }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == data.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw ClientError.cannotWrite(path: path, detail: String(cString: strerror(errno)))
        }
        _ = chmod(path, 0o600)
    }
}
