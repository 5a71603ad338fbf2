import Foundation
import ZHTJClient
import ZHTJCore

// The registry benchmark's load client (Benchmarks/registry.sh): requests straight on the daemon's socket, one
// process for many requests, so no process start is measured. Prints p50, p99, max and requests/s.
//   zhtj-load search CREDENTIALS SAMPLES.tsv id|name N      member.search by ID number or by name of sample members
//   zhtj-load repeat CREDENTIALS COMMAND PARAMS_JSON N      one request N times (reviews, reminders, stats, org.tree …)
//   zhtj-load approve CREDENTIALS N                         approves the N oldest pending reviews, one after another
//   zhtj-load import CREDENTIALS FILE.csv ROWS             member.import of the file in one request, timed
//   zhtj-load mixed CLIENTS TOTAL CREDENTIALS SAMPLES.tsv   TOTAL reads (search by ID number and by name, member.show,
//                                                           reviews, its first page of 50) from CLIENTS connections at once
//   zhtj-load console CREDENTIALS N                        the browser console's queue and review pages, N times each
let arguments = CommandLine.arguments
func fail(_ text: String) -> Never {
    FileHandle.standardError.write(Data((text + "\n").utf8))
    exit(2)
}
guard arguments.count >= 4 else { fail("usage: see Benchmarks/zhtj-load/main.swift") }

func measure(_ label: String, _ requests: [[UInt8]], _ credentials: Credentials) {
    let connection = Load.client(credentials)
    let start = Date()
    let latencies = requests.map { Load.timed(connection, $0).0 }
    Load.report(label, latencies, wall: Date().timeIntervalSince(start))
}

switch arguments[1] {
case "search":
    let credentials = Load.load(arguments[2])
    let people = Load.samples(arguments[3])
    let byID = arguments[4] == "id"
    let n = Int(arguments[5]) ?? 1000
    var r = SystemRandomNumberGenerator()
    let requests = (0..<n).map { _ in
        let person = people.randomElement(using: &r)!
        return Load.line("member.search", credentials.credential, ["text": byID ? person.id : person.name])
    }
    measure("member.search by \(byID ? "ID number" : "name") as \(credentials.adminName)", requests, credentials)
case "repeat":
    let credentials = Load.load(arguments[2])
    let params = (try? JSONSerialization.jsonObject(with: Data(arguments[4].utf8))) as? [String: Any] ?? [:]
    let n = Int(arguments[5]) ?? 10
    measure("\(arguments[3]) \(arguments[4]) as \(credentials.adminName)", Array(repeating: Load.line(arguments[3], credentials.credential, params), count: n),
            credentials)
case "approve":
    let credentials = Load.load(arguments[2])
    let n = Int(arguments[3]) ?? 1000
    let connection = Load.client(credentials)
    // `reviews` answers a page (issue 13): the oldest n in one page, or every one past the largest page.
    let page: [String: Any] = n <= 10_000 ? ["limit": n] : ["all": true]
    let (_, reply) = Load.timed(connection, Load.line("reviews", credentials.credential, page))
    let object = try JSONSerialization.jsonObject(with: Data(reply)) as! [String: Any]
    let items = (object["result"] as! [String: Any])["items"] as! [[String: Any]]
    let ids = items.prefix(n).map { ($0["id"] as! NSNumber).int64Value }
    guard ids.count == n else { fail("only \(ids.count) pending reviews") }
    measure("review.approve, one after another", ids.map { Load.line("review.approve", credentials.credential, ["id": $0]) }, credentials)
case "import":
    // member.import of a CSV file in one request: the daemon's side of `zhtj member import` (no CLI rendering).
    let credentials = Load.load(arguments[2])
    guard let data = FileManager.default.contents(atPath: arguments[3]) else { fail("cannot read \(arguments[3])") }
    let rows = (Int(arguments.count > 4 ? arguments[4] : "") ?? 0)
    let connection = Load.client(credentials)
    let params: [String: Any] = ["fileName": (arguments[3] as NSString).lastPathComponent, "contentBase64": data.base64EncodedString()]
    let (seconds, reply) = Load.timed(connection, Load.line("member.import", credentials.credential, params))
    print(String(format: "member.import over the socket: %d rows in %.2f s: %.0f rows/s (reply %.1f MB)", rows, seconds, Double(rows) / seconds,
                 Double(reply.count) / 1_048_576))
case "mixed":
    let clients = Int(arguments[2]) ?? 8
    let total = Int(arguments[3]) ?? 10_000
    let credentials = Load.load(arguments[4])
    let people = Load.samples(arguments[5])
    let perClient = total / clients
    let results = Results()
    let done = DispatchSemaphore(value: 0)
    let start = Date()
    for _ in 0..<clients {
        Thread.detachNewThread {
            var r = SystemRandomNumberGenerator()
            let connection = Load.client(credentials)
            var mine: [Double] = []
            mine.reserveCapacity(perClient)
            for i in 0..<perClient {
                let person = people.randomElement(using: &r)!
                let request: [UInt8]
                switch i % 4 {
                case 0: request = Load.line("member.search", credentials.credential, ["text": person.id])
                case 1: request = Load.line("member.search", credentials.credential, ["text": person.name])
                case 2: request = Load.line("member.show", credentials.credential, ["key": person.id])
                default: request = Load.line("reviews", credentials.credential, [:])
                }
                mine.append(Load.timed(connection, request).0)
            }
            results.add(mine)
            done.signal()
        }
    }
    for _ in 0..<clients { done.wait() }
    Load.report("\(clients) clients, mixed reads as \(credentials.adminName)", results.all, wall: Date().timeIntervalSince(start))
case "console":
    ConsoleLoad.run(Load.load(arguments[2]), Int(arguments[3]) ?? 50)
default:
    fail("unknown mode \(arguments[1])")
}
