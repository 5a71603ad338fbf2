import Foundation
import ZHTJClient
import ZHTJTestSupport

/// `zhtj-load console CREDENTIALS N`: the browser console's two pages for a reviewer (issue 17), N times each, over
/// HTTP on loopback (one connection a request, as a browser's first request): the queue, and the review page of
/// the oldest pending item. The time is the whole HTTP exchange as the client sees it.
enum ConsoleLoad {
    static func run(_ credentials: Credentials, _ n: Int) {
        let connection = Load.client(credentials)
        let (_, reply) = Load.timed(connection, Load.line("console.link", credentials.credential, [:]))
        guard let object = try? JSONSerialization.jsonObject(with: Data(reply)) as? [String: Any],
            let url = (object["result"] as? [String: Any])?["url"] as? String, let base = url.range(of: "/login").map({ String(url[..<$0.lowerBound]) })
        else { Load.fail("console.link: \(String(decoding: reply, as: UTF8.self))") }
        guard let opened = try? HTTPProbe.send("GET", url), let cookie = opened.headers["set-cookie"]?.split(separator: ";").first.map(String.init) else {
            Load.fail("the console's login failed")
        }
        let (_, page) = Load.timed(connection, Load.line("reviews", credentials.credential, ["limit": 1]))
        let items = ((try? JSONSerialization.jsonObject(with: Data(page)) as? [String: Any])?["result"] as? [String: Any])?["items"] as? [[String: Any]]
        guard let first = (items?.first?["id"] as? NSNumber)?.int64Value else { Load.fail("no pending review for the console's review page") }
        for (label, path) in [("queue page", "/queue"), ("review page", "/review/\(first)")] {
            var latencies: [Double] = []
            let start = Date()
            for _ in 0..<n {
                let t = Date()
                guard let reply = try? HTTPProbe.send("GET", base + path, headers: ["Cookie": cookie]), reply.status == 200 else {
                    Load.fail("console \(path) did not answer 200")
                }
                latencies.append(Date().timeIntervalSince(t))
            }
            Load.report("console \(label) as \(credentials.adminName)", latencies, wall: Date().timeIntervalSince(start))
        }
    }
}
