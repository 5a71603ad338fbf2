import Foundation
import ZHTJBackup
import ZHTJCore
import ZHTJRegistry

#if canImport(Glibc)
    import Glibc
#endif

/// The operator's maintenance commands: the tallies' recount, backups and the daemon's status.
enum MaintenanceRoutes: RouteCollection {
    static func register(on routes: inout RouteTable) {
        routes.add(API.AdminRecount.self, RequestHandler.recount)
        routes.add(API.AdminBackup.self, RequestHandler.backup)
        routes.add(API.AdminStatus.self, RequestHandler.status)
    }
}

extension RequestHandler {
    /// `admin.recount`: recounts every org's tallies from the base tables and keeps the recount; reports what the
    /// kept ones had wrong (they are kept in the transaction of each write, so this should find nothing).
    func recount(_: NoParams, _ context: RequestContext) throws -> RecountResult {
        try requireOperator(context, "admin recount")
        let (rows, differences) = try database.rebuildTallies()
        if differences.isEmpty {
            logger.notice("tallies recounted: no difference", metadata: ["zhtj.rows": "\(rows)"])
        } else {
            logger.error("tallies recounted: differences found and corrected", metadata: ["zhtj.rows": "\(rows)", "zhtj.differences": "\(differences.count)"])
        }
        return RecountResult(rows: rows, differences: differences)
    }

    /// `admin.backup`: starts a backup into `dir` and answers at once with its job (issue 14).
    func backup(_ params: BackupParams, _ context: RequestContext) throws -> BackupStarted {
        try requireOperator(context, "admin backup")
        do {
            return try runner().start(dir: params.dir, link: params.link ?? false, trigger: "command")
        } catch let error as BackupError {
            throw ZHTJError.badRequest(error.description)
        }
    }

    /// `admin.status`: the storage, the audit head and the last anchor, the backups (running, last, last good).
    func status(_ params: StatusParams, _ context: RequestContext) throws -> AdminStatusResult {
        try requireOperator(context, "admin status")
        let runner = try runner()
        let head = try database.auditHead()
        let (last, lastGood) = try database.lastBackups()
        var bytes: Int64 = 0
        for file in [layout.database, layout.database + "-wal"] {
            var info = stat()
            if stat(file, &info) == 0 { bytes += Int64(info.st_size) }
        }
        let anchor = AuditAnchors(layout: layout).read().last.map { "\($0.at) \($0.id) \($0.hash)" }
        let backupTime = String(format: "%02d:%02d", settings.backupTime.hour, settings.backupTime.minute)
        return AdminStatusResult(
            storageRoot: layout.root, databaseBytes: bytes, startedAt: runner.startedAt, auditHeadID: head?.id, auditHeadHash: head?.hash,
            lastAnchor: anchor, schemaRepairs: runner.schemaRepairs, backupDir: settings.backupDir, backupTime: backupTime,
            backupKeep: settings.backupKeep, running: runner.running, lastBackup: last, lastGoodBackup: lastGood,
            backupWarning: try backupWarning(lastGood: lastGood?.startedAt, now: context.now), job: params.job.flatMap(runner.finished))
    }

    /// The operator's line: no good backup for more than two days.
    func backupWarning(lastGood: Date?, now: Date) throws -> String? {
        BackupPolicy.warning(lastGood: lastGood, registryStart: try database.auditStart(), backupDir: settings.backupDir, now: now)
    }

    private func runner() throws -> BackupRunner {
        guard let backups else { throw ZHTJError.storage("backups are not available in this process") }
        return backups
    }

    private func requireOperator(_ context: RequestContext, _ command: String) throws {
        guard context.isOperator else { throw ZHTJError.notAllowed("`\(command)` is for the operator (the user running zhtjd, or root)") }
    }
}
