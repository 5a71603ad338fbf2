import Foundation
import ZHTJCore

#if canImport(Glibc)
    import Glibc
#endif

/// The folders and files under the storage root, created when missing with modes that keep other users out.
public struct StorageLayout: Sendable {
    public let root: String
    public var database: String { root + "/db/zhtj.sqlite" }
    public var inbox: String { root + "/inbox" }
    public var archive: String { root + "/archive" }
    public var refused: String { root + "/refused" }
    public var outbox: String { root + "/outbox" }
    /// The per-host runtime folder (`runtime.dir`): the socket and the instance lock. `root/run` by default; apart
    /// from the shared storage when several hosts mount one storage tree.
    public let run: String
    public var socket: String { run + "/zhtjd.sock" }
    public var lock: String { run + "/zhtjd.lock" }
    /// The lock of the SQLite registry itself, held by the one daemon using it (whatever its runtime folder).
    public var databaseLock: String { root + "/db/zhtj.lock" }
    /// Present while `zhtj admin restore` writes into the root; zhtjd does not start on a root that has it.
    public var restoreMarker: String { root + "/RESTORE-IN-PROGRESS" }
    /// Written by `zhtj admin migrate`: the registry moved to PostgreSQL, so zhtjd without `database.url` refuses to
    /// start on the old SQLite file (two registries would drift apart).
    public var migratedMarker: String { root + "/db/MIGRATED-TO-POSTGRESQL" }

    public init(root: String, runtime: String? = nil) {
        func absolute(_ path: String) -> String {
            URL(fileURLWithPath: path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path).standardizedFileURL.path
        }
        self.root = absolute(root)
        self.run = runtime.map(absolute) ?? self.root + "/run"
    }

    public enum LayoutError: Error, CustomStringConvertible {
        case cannotCreate(path: String, errno: Int32)
        case unknownGroup(String)
        case cannotChangeGroup(path: String, errno: Int32)
        case restoreUnfinished(String)
        case migratedToPostgres(String)

        public var description: String {
            switch self {
            case .cannotCreate(let path, let code):
                "无法创建目录 / cannot create \(path): \(String(cString: strerror(code))). Check the storage root and its owner, or pass --storage DIR."
            case .cannotChangeGroup(let path, let code):
                "无法更改目录的用户组 / cannot give \(path) to the socket.group group: \(String(cString: strerror(code))). The user running zhtjd must be a member of that group."
            case .restoreUnfinished(let marker):
                "此存储目录的恢复没有完成 / a restore into this storage root did not finish (\(marker) is there): empty the folder and run `zhtj admin restore` again."
            case .migratedToPostgres(let marker):
                "此登记库已迁移到 PostgreSQL / this registry was moved to PostgreSQL (\(marker) says where): set database.url in "
                    + "Config/zhtjd.json or ZHTJD_DATABASE_URL; the SQLite file is kept only as a record."
            case .unknownGroup(let group):
                "系统中没有用户组 / there is no group \"\(group)\" (socket.group): create it with `groupadd \(group)` or change the setting."
            }
        }
    }

    /// Creates the folders: `run/` 0750, `archive/` 0700, `db/` 0700, the others 0750; with a socket group,
    /// `run/` and `inbox/` belong to that group (inbox 2770, so admins in the group can drop files).
    public func create(groupID: gid_t?) throws {
        try Self.makeDirectory(root + "/db", mode: 0o700)
        try Self.makeDirectory(archive, mode: 0o700)
        try Self.makeDirectory(refused, mode: 0o750)
        try Self.makeDirectory(outbox, mode: 0o750)
        try Self.makeDirectory(run, mode: 0o750, groupID: groupID)
        try Self.makeDirectory(inbox, mode: groupID == nil ? 0o750 : 0o2770, groupID: groupID)
    }

    /// Creates the storage root and the runtime folder when missing, and changes nothing that exists: this runs before
    /// the instance lock is taken, so a second daemon must not touch the first one's folders.
    public func createRunFolder() throws {
        for (path, mode) in [(root, mode_t(0o755)), (run, mode_t(0o750))] {
            if mkdir(path, mode) != 0, errno != EEXIST { throw LayoutError.cannotCreate(path: path, errno: errno) }
        }
    }

    /// `db/` (0700), made before the database lock is taken in it (and before any other folder is touched).
    public func createDatabaseFolder() throws {
        try Self.makeDirectory(root + "/db", mode: 0o700)
    }

    /// The inbox folder of an org, created when missing.
    public func ensureInboxFolder(_ folder: String, groupID: gid_t?) throws {
        try Self.makeDirectory(inbox + "/" + folder, mode: groupID == nil ? 0o750 : 0o2770, groupID: groupID)
    }

    static func makeDirectory(_ path: String, mode: mode_t, groupID: gid_t? = nil) throws {
        if mkdir(path, mode) != 0, errno != EEXIST {
            throw LayoutError.cannotCreate(path: path, errno: errno)
        }
        if let groupID, chown(path, uid_t.max, groupID) != 0 { throw LayoutError.cannotChangeGroup(path: path, errno: errno) }
        // mkdir applies the umask; set the mode exactly.
        if chmod(path, mode) != 0 { throw LayoutError.cannotCreate(path: path, errno: errno) }
    }

    /// The numeric id of a group name.
    public static func groupID(named name: String) throws -> gid_t {
        guard let entry = getgrnam(name) else { throw LayoutError.unknownGroup(name) }
        return entry.pointee.gr_gid
    }
}
