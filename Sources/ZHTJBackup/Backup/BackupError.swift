import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What stops a backup or a restore, in Chinese and English, with what to do.
public enum BackupError: Error, CustomStringConvertible, Equatable {
    case io(path: String, errno: Int32)
    case notAbsolute(String)
    case insideStorage(dir: String, root: String)
    case notABackupFolder(String)
    case busy(since: Date, dir: String)
    case folderInUse(String)
    case copyDamaged(String)
    case noSnapshot(dir: String)
    case badManifest(path: String, detail: String)
    case damaged([String])
    case targetNotEmpty(String)
    case databaseUnreadable(String)

    public var description: String {
        switch self {
        case .io(let path, let code):
            "备份/恢复失败 / failed at \(path): \(String(cString: strerror(code)))."
                + (code == ENOSPC || code == EDQUOT ? " The disk is full: free space or choose another folder." : "")
                + (code == EACCES || code == EPERM || code == EROFS ? " The user running zhtjd cannot write there: choose a folder it owns." : "")
        case .notAbsolute(let dir):
            "备份目录须为绝对路径 / the backup folder must be an absolute path: \(dir)"
        case .insideStorage(let dir, let root):
            "备份目录不能在存储目录内 / the backup folder \(dir) is inside the storage root \(root): a backup on the same folder is lost with it. Choose a folder outside it, better on another disk."
        case .notABackupFolder(let dir):
            "此目录已有其他文件，不是备份目录 / \(dir) holds other files and is not a backup folder: give a new or empty folder, or one made by `zhtj admin backup`."
        case .busy(let since, let dir):
            "已有备份正在进行 / a backup into \(dir) is running since \(ISO8601DateFormatter().string(from: since)): wait for it (`zhtj admin status`)."
        case .folderInUse(let dir):
            "另一个备份正在写入此目录 / another backup (another zhtjd, or a copy job) is writing into \(dir) now: wait for it, or give each daemon its own folder."
        case .copyDamaged(let detail):
            "备份的自检未通过，此备份不可用 / the backup failed its own check and is not usable: \(detail). Check the disk of the backup folder and run the backup again."
        case .noSnapshot(let dir):
            "此目录中没有完整的备份 / there is no complete backup in \(dir) (no snapshots/*/MANIFEST.json). Name the folder given to `zhtj admin backup`, or one of its snapshots."
        case .badManifest(let path, let detail):
            "备份清单无法读取 / the manifest \(path) cannot be read: \(detail). Use another snapshot."
        case .damaged(let problems):
            "备份已损坏，未恢复任何内容 / the backup is damaged, nothing was restored (\(problems.count) problem\(problems.count == 1 ? "" : "s")):\n  "
                + problems.prefix(20).joined(separator: "\n  ") + (problems.count > 20 ? "\n  … and \(problems.count - 20) more" : "")
                + "\nUse another snapshot (`--snapshot NAME`) or another copy of the folder."
        case .targetNotEmpty(let target):
            "目标存储目录不是空的 / the target storage \(target) is not empty: restore into a new folder (move the old storage aside first, never over it)."
        case .databaseUnreadable(let detail):
            "备份中的数据库无法打开 / the database in the backup cannot be opened: \(detail)"
        }
    }
}
