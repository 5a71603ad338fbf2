import Foundation
import Logging
import ServiceLifecycle
import ZHTJBackup
import ZHTJConsole
import ZHTJCore
import ZHTJIngest
import ZHTJRegistry
import ZHTJStorage

#if canImport(Glibc)
    import Glibc
#endif

/// The daemon, built from its settings: storage folders, the instance lock, the database and the services.
/// `zhtjd` runs it; tests build the same thing.
public final class Daemon: Sendable {
    public let layout: StorageLayout
    public let database: AppDatabase
    public let group: ServiceGroup
    let lock: InstanceLock
    /// SQLite's lock (one daemon per SQLite registry); none on PostgreSQL, where several daemons share the storage.
    let databaseLock: InstanceLock?
    let watcher: InboxWatcher

    public init(
        settings: DaemonSettings, logger: Logger, clock: DaemonClock = DaemonClock(), configFile: String? = nil,
        overrides: [String: String] = [:]
    ) throws {
        layout = StorageLayout(root: settings.storageRoot, runtime: settings.runtimeDir)
        let groupID = try settings.socketGroup.map { try StorageLayout.groupID(named: $0) }
        try layout.createRunFolder()
        lock = try InstanceLock(path: layout.lock)
        guard !FileManager.default.fileExists(atPath: layout.restoreMarker) else { throw StorageLayout.LayoutError.restoreUnfinished(layout.restoreMarker) }
        if settings.databaseURL == nil, FileManager.default.fileExists(atPath: layout.migratedMarker) {
            throw StorageLayout.LayoutError.migratedToPostgres(layout.migratedMarker)
        }
        // Two daemons with their own runtime folders on one storage: SQLite is for one of them. Taken before the
        // shared folders are touched, so a daemon that is refused changes nothing of the running one's. On
        // PostgreSQL several daemons share the storage: inbox files are claimed in the database instead.
        try layout.createDatabaseFolder()
        databaseLock = settings.databaseURL == nil ? try InstanceLock(path: layout.databaseLock, database: true) : nil
        try layout.create(groupID: groupID)
        if let url = settings.databaseURL {
            database = try AppDatabase(postgresURL: url, connections: settings.databaseConnections)
        } else {
            database = try AppDatabase(path: layout.database)
        }
        for repair in database.schemaRepairs {
            logger.critical("schema repaired: the database was changed behind zhtjd's back", metadata: ["zhtj.repair": "\(repair)"])
        }
        let db = try database.settings()
        logger.notice("database open", metadata: [
            "zhtj.backend": "\(database.isPostgres ? "postgresql" : "sqlite")", "zhtj.db": "\(database.path)", "zhtj.journal": "\(db.journalMode)", "zhtj.synchronous": "\(db.synchronous)",
            "zhtj.migrations": "\(db.migrations.count)",
        ])
        if clock.isFake { logger.warning("test clock in use (ZHTJD_TEST_CLOCK_FILE)") }
        // Every org has its inbox folder, also one whose creation failed earlier.
        if let root = try database.rootOrg() {
            for node in try database.subtree(of: root.id) {
                try layout.ensureInboxFolder(node.org.folder, groupID: groupID)
            }
        }
        let daemonID = DaemonIdentity.make()
        if database.isPostgres {
            logger.notice("sharing the storage with any other daemon on this registry", metadata: ["zhtj.daemon": "\(daemonID)"])
            // A daemon of this host that stopped (a crash, kill -9) leaves claims: released now, not at their lease's end.
            for holder in try database.inboxClaimHolders() where DaemonIdentity.isStoppedOnThisHost(holder) {
                let released = try database.releaseInboxClaims(of: holder)
                logger.notice("released the inbox claims of a stopped daemon", metadata: ["zhtj.daemon": "\(holder)", "zhtj.claims": "\(released)"])
            }
        }
        let pipeline = try IngestPipeline(
            database: database, layout: layout, settings: settings, clock: clock, logger: logger, daemonID: daemonID)
        watcher = InboxWatcher(pipeline: pipeline, inbox: layout.inbox, settings: settings, logger: logger)
        Self.reconcile(database: database, layout: layout, logger: logger, shared: database.isPostgres)
        let delivery = ReminderDelivery(database: database, layout: layout, settings: settings, logger: logger)
        let reminders = ReminderService(
            delivery: delivery, database: database, settings: settings, clock: clock, logger: logger, daemonID: daemonID)
        let backups = BackupRunner(
            database: database, layout: layout, settings: settings, configFile: configFile, clock: clock, logger: logger,
            schemaRepairs: database.schemaRepairs)
        let console = ConsoleState(listen: settings.consoleListen, publicURL: settings.consoleURL)
        let handler = RequestHandler(
            database: database, layout: layout, settings: settings, clock: clock, logger: logger, groupID: groupID, delivery: delivery,
            backups: backups, console: console)
        let consoleServer = try ConsoleServer(state: console, backend: DaemonConsoleBackend(handler: handler), pdfjsFolder: settings.consolePdfjs, logger: logger,
            now: { clock.now() })
        let server = SocketServer(path: layout.socket, handler: handler, logger: logger, groupID: groupID, idleTimeoutSeconds: settings.idleTimeoutSeconds,
            maxConnections: settings.maxConnections, requestThreads: settings.requestThreads)
        group = ServiceGroup(
            configuration: .init(
                services: [
                    .init(service: watcher), .init(service: reminders), .init(service: server), .init(service: consoleServer),
                    .init(service: BackupService(runner: backups, settings: settings, clock: clock, logger: logger)),
                    .init(service: ConfigReloader(configFile: configFile, overrides: overrides, logger: logger)),
                    // Without NOTIFY_SOCKET it returns at once: that must not stop the others.
                    .init(service: SystemdNotifier(logger: logger), successTerminationBehavior: .ignore),
                ], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    }

    /// `zhtjd --once`: processes what is in the inbox now and returns.
    /// The largest peak memory (kB) a parser child reported (for `--once` and the benchmark).
    public var parserPeakMemoryKB: Int { watcher.pipeline.inspector.runner.childPeakKB }

    public func runOnce() throws -> [IngestPipeline.Result] {
        defer { try? database.close() }
        return watcher.processOnce()
    }

    /// Archive files without a record and records without a file are reported, never deleted.
    /// `shared`: other daemons may be using the storage (PostgreSQL), so only staged files older than an hour go.
    static func reconcile(database: any Registry, layout: StorageLayout, logger: Logger, shared: Bool) {
        let archive = ContentArchive(root: layout.archive)
        // Files staged for a commit that never happened: their inbox copies are still there.
        archive.removeTemporaries(olderThan: shared ? 3600 : 0)
        let recorded: Set<String>
        do {
            recorded = try database.documentHashes()
        } catch {
            logger.error("archive reconciliation skipped: the database could not be read", metadata: ["zhtj.error": "\(error)"])
            return
        }
        let stored = Set(archive.allHashes())
        let missing = recorded.subtracting(stored)
        let unrecorded = stored.subtracting(recorded)
        for sha in missing { logger.error("archive file missing for a recorded document: restore it from backup", metadata: ["zhtj.sha256": "\(sha)"]) }
        for sha in unrecorded { logger.warning("archive file without a record (an ingest stopped before its commit; its inbox file is processed again)", metadata: ["zhtj.sha256": "\(sha)"]) }
    }

    /// Runs until SIGTERM or SIGINT, then closes the database.
    public func run() async throws {
        try await group.run()
        try database.close()
    }
}
