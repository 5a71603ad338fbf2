import Foundation
import GRDB
import Logging
import ZHTJClient
import ZHTJBackup
import ZHTJCore
import ZHTJRegistry
import ZHTJDaemon
import ZHTJStorage

// The registry benchmark's data (Benchmarks/registry.sh):
//   zhtj-province generate STORAGE [MEMBERS=2000000] [NEED_EARCHIVE=300000] [ORGS=100000] [ARCHIVE_BYTES=0]
//       a province in STORAGE/db/zhtj.sqlite; credentials files root/busy/county.credentials and sample members
//       (samples-root.tsv, samples-county.tsv) next to STORAGE; prints the busy committee's id
//   zhtj-province csv FILE ROWS [ORGS=100000] [FIRST=2000000]   a member import table of ROWS new members (2024–2026
//       joins), numbered from FIRST (ID numbers and development numbers are unique per number)
//   zhtj-province sweep STORAGE [DAYS=0]         the daily reminder sweep over every org (ReminderDelivery.deliverAll),
//       today or DAYS days later
let arguments = CommandLine.arguments
func fail(_ text: String) -> Never {
    FileHandle.standardError.write(Data((text + "\n").utf8))
    exit(2)
}
func number(_ i: Int, _ fallback: Int) -> Int { arguments.count > i ? Int(arguments[i]) ?? fallback : fallback }
guard arguments.count >= 3 else {
    fail("usage: zhtj-province generate STORAGE [MEMBERS] [NEED_EARCHIVE] [ORGS] | csv FILE ROWS [ORGS] [FIRST] | sweep STORAGE")
}

switch arguments[1] {
case "generate":
    let storage = URL(fileURLWithPath: arguments[2]).standardizedFileURL.path
    let generator = Generator(
        members: number(3, 2_000_000), needEArchive: number(4, 300_000), orgs: number(5, 100_000), storage: storage, archiveBytes: number(6, 0))
    let (tree, admins) = try generator.run()
    let folder = (storage as NSString).deletingLastPathComponent
    for admin in admins {
        let org = tree.orgs[Int(admin.org - 1)]
        try Credentials(
            credential: admin.credential, socket: storage + "/run/zhtjd.sock", adminID: admin.id, adminName: admin.file,
            orgID: admin.org, orgName: org.fullName, uid: getuid()
        ).save(path: folder + "/\(admin.file).credentials")
    }
    print("busy-committee \(tree.busyCommitteeID)")
case "csv":
    let rows = number(3, 100_000)
    let tree = ProvinceTree(total: number(4, 100_000))
    var people = People(seed: 99)
    var r = SplitMix(seed: 5)
    // New members of 2 000 ordinary branches (not the busy university's).
    let branches = tree.branches.suffix(from: tree.busyBranches.count).prefix(2000).map { tree.orgs[$0].id }
    var lines = ["姓名,身份证号码,民族,政治面貌,入团年月,所在团支部,是否为团干部,发展团员编号"]
    lines.reserveCapacity(rows + 1)
    for i in 0..<rows {
        let index = number(5, 2_000_000) + i
        let joinYear = 2024 + r.below(3)
        let birth = CivilDate(year: joinYear - 14 - r.below(4), month: 1 + r.below(12), day: 1 + r.below(28))!
        lines.append([
            people.name(), People.idNumber(index: index, birth: birth), "汉族", "共青团员",
            String(format: "%04d-%02d", joinYear, joinYear == 2026 ? 1 + r.below(10) : 1 + r.below(12)),
            String(branches[i % branches.count]), "否", People.developmentNumber(year: joinYear, index: index),
        ].joined(separator: ","))
    }
    try (lines.joined(separator: "\n") + "\n").write(toFile: arguments[2], atomically: true, encoding: .utf8)
case "sweep":
    let layout = StorageLayout(root: URL(fileURLWithPath: arguments[2]).standardizedFileURL.path)
    // On PostgreSQL when ZHTJD_DATABASE_URL names it (Benchmarks/registry.sh with ZHTJ_BENCH_DATABASE=postgres).
    let url = ProcessInfo.processInfo.environment["ZHTJD_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    let database = try url.map { try AppDatabase(postgresURL: $0) } ?? AppDatabase(path: layout.database)
    var logger = Logger(label: "zhtj-province")
    logger.logLevel = .warning
    let delivery = ReminderDelivery(database: database, layout: layout, settings: DaemonSettings(storageRoot: layout.root), logger: logger)
    let started = Date()
    // An optional day offset: a second day's sweep finds the org folders made.
    let outcome = try delivery.deliverAll(now: Date().addingTimeInterval(Double(number(3, 0)) * 86400))
    let seconds = Date().timeIntervalSince(started)
    print(String(format: "sweep: %d orgs in %.2f s (%.0f orgs/s): %d reminders written and recorded, %d with nothing open, %d already sent, %d failed",
                 outcome.orgs, seconds, Double(outcome.orgs) / seconds, outcome.sent, outcome.nothingOpen, outcome.alreadySent, outcome.failed))
    print(String(format: "sweep phases: read %.2f s, render and write the files %.2f s, record the sends %.2f s",
                 outcome.readSeconds, outcome.writeSeconds, outcome.recordSeconds))
default:
    fail("unknown mode \(arguments[1])")
}
