import ArgumentParser
import Foundation
import ZHTJClient
import ZHTJCore

#if canImport(Glibc)
    import Glibc
#endif

extension ZHTJ {
    struct AdminBackup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "备份 / Back up the database, the archive, the refused files and the configuration into DIR (operator).",
            discussion: """
                The daemon keeps running and ingesting. DIR gets a new snapshot (snapshots/<UTC time>/ with the database \
                copy and MANIFEST.json) and the archive's objects by hash in objects/: a second backup into the same DIR \
                copies only what is new. The backup checks itself before it says done. docs/operations.md explains restore.
                """)

        @Argument(help: "The backup folder (outside the storage root, better on another disk).") var dir: String
        @Flag(help: "Hard-link the archive's files instead of copying them (DIR on the same filesystem).") var link = false
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let absolute = URL(fileURLWithPath: dir, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/")).standardizedFileURL.path
                let (started, _) = try global.send(API.AdminBackup.self, BackupParams(dir: absolute, link: link ? true : nil))
                let stored = try global.loadCredentials(required: false)
                let client = try SocketClient(path: global.socketPath(stored))
                let line = ProgressLine(enabled: !global.json)
                var run: BackupRun?
                while run == nil {
                    usleep(300_000)
                    let status = try client.send(API.AdminStatus.self, StatusParams(job: started.job), credential: stored?.credential).result
                    run = status.job
                    if let p = status.running, p.job == started.job { line.show(Self.describe(p)) }
                }
                line.finish()
                guard let run else { return }
                try global.emit(ReplyJSON(run)) { Self.render(run) }
                if !run.ok {
                    FileHandle.standardError.write(Data("错误 error: \(run.error ?? "the backup failed")\n".utf8))
                    throw ExitCode(1)
                }
            }
        }

        /// A phase of a backup or a restore as the progress line names it.
        static func phaseName(_ phase: String) -> String {
            [
                "database": "数据库 database", "objects": "归档文件 archive files", "refused": "退回文件 refused files",
                "verify": "校验 verifying", "manifest": "清单 manifest",
            ][phase] ?? phase
        }

        static func describe(_ p: BackupProgress) -> String {
            let phase = phaseName(p.phase)
            let counts = p.total > 0 ? " \(p.done)/\(p.total)" : ""
            return "备份 backup: \(phase)\(counts), \(Bytes.text(p.bytes))"
        }

        static func render(_ run: BackupRun) -> String {
            guard run.ok, let snapshot = run.snapshot else { return "备份失败 / the backup failed: \(run.error ?? "?")" }
            var lines = [
                "备份完成并已自检 / backup done and checked: \(run.dir)/snapshots/\(snapshot)",
                "  审计链头 audit head: \(run.auditHeadID.map(String.init) ?? "-") \(run.auditHeadHash ?? "")",
                "  归档文件 archive files: \(run.objectsCopied) copied, \(run.objectsLinked) linked, \(run.objectsPresent) already there",
                "  退回文件 refused files: \(run.refusedFiles) (\(run.refusedCopied) new)",
                "  写入 written: \(Bytes.text(run.bytesCopied))",
            ]
            if !run.pruned.isEmpty { lines.append("  已删除旧快照 pruned (backup.keep): " + run.pruned.joined(separator: ", ")) }
            return lines.joined(separator: "\n")
        }
    }

    struct AdminStatus: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "状态 / The daemon's storage, audit head and backups (operator).")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (s, json) = try global.send(API.AdminStatus.self, StatusParams(job: nil))
                try global.emit(json) {
                    let now = Date()
                    func age(_ date: Date) -> String {
                        let hours = Int(now.timeIntervalSince(date) / 3600)
                        return hours < 48 ? "\(hours) h ago" : "\(hours / 24) days ago"
                    }
                    var lines = [
                        "存储 storage: \(s.storageRoot) (database \(Bytes.text(s.databaseBytes)))",
                        "启动 started: \(Format.time(s.startedAt))",
                        "审计链头 audit head: \(s.auditHeadID.map(String.init) ?? "-") \(s.auditHeadHash ?? "")",
                        "最近锚点 last anchor: \(s.lastAnchor ?? "none (zhtj audit anchor)")",
                        "定时备份 scheduled backup: " + (s.backupDir.map { "\($0) daily at \(s.backupTime), keep \(s.backupKeep)" } ?? "none (set backup.dir)"),
                    ]
                    if !s.schemaRepairs.isEmpty { lines.append("本次启动修复的结构 schema repaired at this start: " + s.schemaRepairs.joined(separator: "; ")) }
                    if let p = s.running { lines.append("正在备份 running: \(AdminBackup.describe(p)) into \(p.dir)") }
                    if let last = s.lastBackup {
                        let result = last.ok ? "good 成功" : "FAILED 失败: \(last.error ?? "?")"
                        lines.append("上次备份 last backup: \(Format.time(last.startedAt)) (\(age(last.startedAt))), \(last.trigger), \(result), \(last.dir)")
                    } else {
                        lines.append("上次备份 last backup: none 无")
                    }
                    if let good = s.lastGoodBackup, good != s.lastBackup {
                        lines.append("上次成功备份 last good backup: \(Format.time(good.startedAt)) (\(age(good.startedAt))), \(good.dir)/snapshots/\(good.snapshot ?? "")")
                    }
                    if let warning = s.backupWarning { lines.append("⚑ " + warning) }
                    return lines.joined(separator: "\n")
                }
            }
        }
    }
}

/// A progress line on stderr: rewritten in place on a terminal, one line per phase otherwise.
final class ProgressLine {
    let enabled: Bool
    let terminal = isatty(2) == 1
    var lastPhase = ""
    var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ text: String) {
        guard enabled else { return }
        if terminal {
            FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
            shown = true
        } else {
            let phase = String(text.prefix { $0 != "," }.prefix { !$0.isNumber })
            if phase != lastPhase {
                FileHandle.standardError.write(Data("\(text)\n".utf8))
                lastPhase = phase
            }
        }
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

enum Bytes {
    static func text(_ bytes: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
    }
}
