import Crypto
import Foundation
import GRDB
import ZHTJClient
import ZHTJCore
import ZHTJRegistry
import ZHTJStorage

/// Fills a new storage root's database with a province: the orgs, three admins, the members and their e-archives.
/// Writes go through raw prepared statements in large transactions; the schema's triggers keep the closure table,
/// the member counts and the name suffixes, as they do for the daemon.
struct Generator {
    var members = 2_000_000
    var needEArchive = 300_000
    var orgs = 100_000
    let storage: String
    /// With a size, every document gets an archive file of that many bytes (a placeholder PDF whose hash is the
    /// document's), for the backup benchmark; 0: documents without files, as the registry benchmark needs.
    var archiveBytes = 0
    let now = Date()
    let uid = Int64(getuid())

    /// The admins the benchmark acts as: the root's, the busy committee's, and a county's.
    struct Admin { var id: Int64; var org: Int64; var credential: String; var file: String }

    /// The archive file of upload `n` (when `archiveBytes` > 0): written, and its hash returned.
    func placeholder(_ n: Int64) throws -> String? {
        guard archiveBytes > 0 else { return nil }
        var bytes = Array("%PDF-1.4\n% zhtj-province upload \(n)\n".utf8)
        bytes += [UInt8](repeating: 0x20, count: max(0, archiveBytes - bytes.count))
        let sha = Hex.string(SHA256.hash(data: bytes))
        let dir = storage + "/archive/" + sha.prefix(2) + "/" + sha.dropFirst(2).prefix(2)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "/" + sha + ".pdf", contents: Data(bytes), attributes: [.posixPermissions: 0o400])
        return sha
    }

    func log(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

    func run() throws -> (tree: ProvinceTree, admins: [Admin]) {
        let started = Date()
        try FileManager.default.createDirectory(atPath: storage + "/db", withIntermediateDirectories: true)
        let path = storage + "/db/zhtj.sqlite"
        // Migrations run through the daemon's own AppDatabase.
        try AppDatabase(path: path).close()
        var config = Configuration()
        config.foreignKeysEnabled = false
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000; PRAGMA temp_store = MEMORY")
        }
        let queue = try DatabaseQueue(path: path, configuration: config)
        let tree = ProvinceTree(total: orgs)
        try queue.write { db in try insertOrgs(db, tree) }
        log(String(format: "orgs: %d in %.1f s", tree.orgs.count, Date().timeIntervalSince(started)))
        let admins = try queue.write { db in try insertAdmins(db, tree) }
        let samples = try insertMembers(queue, tree)
        try insertMemberLife(queue)
        try queue.write { db in try insertCadres(db, tree) }
        try writeSamples(samples)
        log(String(format: "generated in %.1f s", Date().timeIntervalSince(started)))
        try queue.write { db in try db.execute(sql: "ANALYZE") }
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        log(String(format: "total with ANALYZE: %.1f s", Date().timeIntervalSince(started)))
        return (tree, admins)
    }

    private func insertOrgs(_ db: Database, _ tree: ProvinceTree) throws {
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO org (id, parentID, path, depth, shortName, fullName, category, industry, folder, createdAt, createdByUID)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for org in tree.orgs {
            try statement.execute(arguments: [
                org.id, org.parentID, org.path, org.depth, org.shortName, org.fullName, org.category.rawValue, org.industry,
                OrgNaming.folderName(id: org.id, shortName: org.shortName), now, uid,
            ])
        }
    }

    private func insertAdmins(_ db: Database, _ tree: ProvinceTree) throws -> [Admin] {
        let targets: [(Int64, String, String)] = [
            (1, "省委管理员", "root"), (tree.busyCommitteeID, "大学管理员", "busy"), (tree.countyIDs[5], "县委管理员", "county"),
        ]
        var admins: [Admin] = []
        for (i, (org, name, file)) in targets.enumerated() {
            let credential = Hex.string(SHA256.hash(data: Data("zhtj-province-\(file)-\(now.timeIntervalSince1970)".utf8)))
            let hash = Hex.string(SHA256.hash(data: Data(credential.utf8)))
            let id = People.idNumber(index: 9_900_000 + i, birth: CivilDate(year: 1990, month: 1, day: 1)!)
            try db.execute(
                sql: """
                    INSERT INTO admin (orgID, name, idNumber, joinDate, mobile, email, uid, credentialHash, createdAt)
                    VALUES (?, ?, ?, '2004-05', '13800001234', NULL, ?, ?, ?)
                    """, arguments: [org, name, id, uid, hash, now])
            admins.append(Admin(id: db.lastInsertedRowID, org: org, credential: credential, file: file))
        }
        return admins
    }

    /// `samples-root.tsv` and `samples-county.tsv` next to the storage: ID number and name per line.
    private func writeSamples(_ samples: (all: [(String, String)], county: [(String, String)])) throws {
        let folder = (storage as NSString).deletingLastPathComponent
        for (name, rows) in [("root", samples.all), ("county", samples.county)] {
            try rows.map { "\($0.0)\t\($0.1)\n" }.joined().write(toFile: folder + "/samples-\(name).tsv", atomically: true, encoding: .utf8)
        }
    }
}
