import ArgumentParser
import Foundation
import ZHTJBackup
import ZHTJClient
import ZHTJCore

#if canImport(Glibc)
    import Glibc
#endif

extension ZHTJ {
    struct AdminRestore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: "恢复 / Restore a backup into a new, empty storage root (zhtjd stopped; no socket needed), or --check it.",
            discussion: """
                Checks the manifest, the database copy and every file's hash first; a damaged backup is refused with \
                what is wrong and nothing is restored. DIR is the folder given to `zhtj admin backup` (its newest \
                snapshot is taken, or --snapshot NAME) or one snapshot folder. Then start zhtjd with --storage TARGET. \
                --check reads and verifies everything the same way and restores nothing: the database copy is verified in a \
                temporary folder ($TMPDIR) that is removed afterwards (for an off-machine copy, a drill).
                """)

        @Argument(help: "The backup folder, or one of its snapshots/<name> folders.") var dir: String
        @Option(help: "The new storage root (must not exist, or be empty).") var storage: String?
        @Flag(help: "Only check the backup (every hash, the database copy, its audit chain); restore nothing.") var check = false
        @Option(help: "The snapshot to restore (default: the newest complete one).") var snapshot: String?
        @Flag(help: "Print JSON instead of text.") var json = false

        func run() throws {
            guard (storage == nil) == check else {
                FileHandle.standardError.write(Data("错误 error: 请给出 --storage 或 --check 之一 / give either --storage NEW_ROOT (restore) or --check (only check)\n".utf8))
                throw ExitCode(2)
            }
            let line = ProgressLine(enabled: !json)
            do {
                let restorer = try BackupRestorer(from: dir, snapshot: snapshot, target: storage) { phase, done, total in
                    line.show("\(check ? "检查 check" : "恢复 restore"): \(AdminBackup.phaseName(phase)) \(done)/\(total)")
                }
                let report = try restorer.restore()
                line.finish()
                if json {
                    print(String(decoding: try ProtocolCoding.encoder(pretty: true).encode(report), as: UTF8.self))
                    return
                }
                if check {
                    print(
                        """
                        备份完好 / the backup is whole: snapshot \(report.snapshot) (backed up \(Format.time(report.createdAt))): \
                        every hash matches, the database copy is sound, its audit chain verifies, head \(report.auditHeadID.map(String.init) ?? "-")
                          团员 members: \(report.members), 归档文件 archive files: \(report.documents), 审计记录 audit rows: \(report.auditRows), \
                        退回文件 refused files: \(report.refusedFiles)
                        """)
                    return
                }
                print(
                    """
                    恢复完成并已校验 / restored and checked: snapshot \(report.snapshot) (backed up \(Format.time(report.createdAt))) into \(report.storageRoot)
                      团员 members: \(report.members), 归档文件 archive files: \(report.documents), 版本 versions: \(report.versions), \
                    审计记录 audit rows: \(report.auditRows), 退回文件 refused files: \(report.refusedFiles)
                      审计链头 audit head: \(report.auditHeadID.map(String.init) ?? "-") \(report.auditHeadHash ?? "") (= the manifest's)
                    """)
                if let config = report.configFile {
                    print("  备份时的配置 configuration at backup time: \(config) (compare it with Config/zhtjd.json)")
                }
                if getuid() == 0 {
                    print("  文件属于 root / the files belong to root: if zhtjd runs as another user, `chown -R USER \(report.storageRoot)` first.")
                }
                print("启动 start the daemon on it: \(report.startCommand)   then check: zhtj audit verify")
            } catch {
                // A refused backup, a target in use or not writable: one line, exit status 1.
                line.finish()
                FileHandle.standardError.write(Data("错误 error: \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
