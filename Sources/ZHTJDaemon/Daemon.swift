import Foundation
import Logging
import ServiceLifecycle
import ZHTJCore
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

    public init(settings: DaemonSettings, logger: Logger, clock: DaemonClock = DaemonClock()) throws {
        layout = StorageLayout(root: settings.storageRoot)
        let groupID = try settings.socketGroup.map { try StorageLayout.groupID(named: $0) }
        try layout.createRunFolder()
        lock = try InstanceLock(path: layout.lock)
        try layout.create(groupID: groupID)
        database = try AppDatabase(path: layout.database)
        let db = try database.settings()
        logger.notice("database open", metadata: [
            "zhtj.db": "\(layout.database)", "zhtj.journal": "\(db.journalMode)", "zhtj.synchronous": "\(db.synchronous)",
            "zhtj.migrations": "\(db.migrations.count)",
        ])
        if clock.isFake { logger.warning("test clock in use (ZHTJD_TEST_CLOCK_FILE)") }
        // Every org has its inbox folder, also one whose creation failed earlier.
        if let root = try database.rootOrg() {
            for node in try database.subtree(of: root.id) {
                try layout.ensureInboxFolder(node.org.folder, groupID: groupID)
            }
        }
        let handler = RequestHandler(database: database, layout: layout, settings: settings, clock: clock, logger: logger, groupID: groupID)
        let server = SocketServer(path: layout.socket, handler: handler, logger: logger, groupID: groupID, idleTimeoutSeconds: settings.idleTimeoutSeconds)
        group = ServiceGroup(
            configuration: .init(services: [.init(service: server)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    }

    /// Runs until SIGTERM or SIGINT, then closes the database.
    public func run() async throws {
        try await group.run()
        try database.close()
    }
}
