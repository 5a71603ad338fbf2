import Foundation
import ZHTJTestSupport
import Logging
import ZHTJBackup
import ZHTJCore
import ZHTJRegistry
import ZHTJDaemon
import ZHTJStorage

#if canImport(Glibc)
    import Glibc
#endif

/// The daemon's request handling in this process: a storage root in a temporary folder, the real route table,
/// requests as lines with any peer uid (this process's uid is the operator's).
final class InProcessDaemon {
    let root: String
    let database: AppDatabase
    let handler: RequestHandler
    let operatorUID = getuid()

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("zhtj-inproc-\(UUID().uuidString.prefix(8))").path
        let layout = StorageLayout(root: root)
        for folder in [layout.root, layout.root + "/db", layout.inbox, layout.archive, layout.root + "/run"] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        // The engine the suite runs on: PostgreSQL in scripts/test's second run.
        if let url = try TestPostgres.freshDatabaseURL() {
            database = try AppDatabase(postgresURL: url, connections: 4)
        } else {
            database = try AppDatabase(path: layout.database)
        }
        let settings = DaemonSettings(storageRoot: root)
        let logger = Logger(label: "zhtj.test") { _ in SwiftLogNoOpLogHandler() }
        let delivery = ReminderDelivery(database: database, layout: layout, settings: settings, logger: logger)
        handler = RequestHandler(
            database: database, layout: layout, settings: settings, clock: DaemonClock(environment: [:]), logger: logger,
            groupID: nil, delivery: delivery)
    }

    deinit {
        try? database.close()
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Sends one raw request line as `uid` and returns the reply line.
    func send(_ line: String, uid: UInt32? = nil) -> String {
        String(decoding: handler.handle(line: Array(line.utf8), uid: uid ?? operatorUID), as: UTF8.self)
    }

    /// Sends a typed command; returns the decoded reply.
    func send<C: ZHTJCommand>(_ command: C.Type, _ params: C.Params, credential: String? = nil, uid: UInt32? = nil) throws -> Response<C.Result> {
        let request = try ProtocolCoding.encoder().encode(Request(id: 1, command, credential: credential, params: params))
        let reply = handler.handle(line: Array(request), uid: uid ?? operatorUID)
        return try ProtocolCoding.decoder().decode(Response<C.Result>.self, from: Data(reply))
    }

    /// `init` as the operator, then `register` as `uid` with the root's code: the root admin's credential.
    func rootAdmin(uid: UInt32 = 5000) throws -> String {
        let initialised = try send(API.Init.self, InitParams(rootName: "团某某市委", category: "leading-body", industry: "党政机关"))
        guard let code = initialised.result?.code.code else { throw TestFailure("init failed: \(String(describing: initialised.error))") }
        let registered = try send(
            API.Register.self,
            RegisterParams(code: code, org: nil, name: "王书记", idNumber: "110101199003070011", joinDate: "2004-05", mobile: nil, email: nil),
            uid: uid)
        guard let credential = registered.result?.credential else { throw TestFailure("register failed: \(String(describing: registered.error))") }
        return credential
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
