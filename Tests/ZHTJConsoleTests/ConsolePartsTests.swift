import Foundation
import Testing
import ZHTJCore

@testable import ZHTJConsole

/// The console's pure parts, without a server (issue 17).
@Suite struct ConsolePartsTests {
    @Test(arguments: [
        ("bytes=0-99", 1000, ByteRange.Parsed.range(ByteRange(first: 0, last: 99))),
        ("bytes=900-", 1000, .range(ByteRange(first: 900, last: 999))),
        ("bytes=-100", 1000, .range(ByteRange(first: 900, last: 999))),
        ("bytes=-5000", 1000, .range(ByteRange(first: 0, last: 999))),
        ("bytes=990-5000", 1000, .range(ByteRange(first: 990, last: 999))),
        ("bytes=1000-", 1000, .unsatisfiable),
        ("bytes=5-1", 1000, .whole),
        ("bytes=0-1,5-9", 1000, .whole),
        ("items=0-1", 1000, .whole),
        ("bytes=x-", 1000, .whole),
    ])
    func rangesAsRFC9110Says(header: String, size: Int, expected: ByteRange.Parsed) {
        #expect(ByteRange.parse(header, size: size) == expected)
    }

    @Test func formsDecodePercentAndPlus() {
        let form = FormFields("reason=%E7%BC%BA%E5%B0%91+%E5%85%AC%E7%AB%A0&csrf=a%2Bb&reason=second&empty=")
        #expect(form["reason"] == "缺少 公章")
        #expect(form["csrf"] == "a+b")
        #expect(form.text("empty") == nil)
        #expect(form["missing"] == nil)
    }

    @Test func aLinkOpensOneSessionOnceAndExpires() {
        let sessions = ConsoleSessions()
        let admin = ConsoleSession.Admin(id: 7, uid: 1000, credentialHash: "h", name: "甲", org: "团委")
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let link = sessions.makeLink(for: admin, now: start)
        #expect(link.expires == start.addingTimeInterval(300))
        guard case .success(let opened) = sessions.exchange(token: link.token, now: start.addingTimeInterval(299)) else {
            Issue.record("the link did not open")
            return
        }
        #expect(opened.session.admin == admin)
        #expect(opened.session.csrf.count >= 40)
        #expect(refusal(sessions.exchange(token: link.token, now: start)) == .used)
        let late = sessions.makeLink(for: admin, now: start)
        #expect(refusal(sessions.exchange(token: late.token, now: start.addingTimeInterval(300))) == .expired)
        #expect(refusal(sessions.exchange(token: "guess", now: start)) == .unknown)
        // Idle 30 minutes: ended; every use keeps it open.
        #expect(sessions.session(cookie: opened.cookie, now: start.addingTimeInterval(1700)) != nil)
        #expect(sessions.session(cookie: opened.cookie, now: start.addingTimeInterval(3400)) != nil)
        #expect(sessions.session(cookie: opened.cookie, now: start.addingTimeInterval(3400 + 1800)) == nil)
        // Logout-all ends this admin's only.
        let other = ConsoleSession.Admin(id: 8, uid: 1000, credentialHash: "g", name: "乙", org: "团委")
        guard case .success(let mine) = sessions.exchange(token: sessions.makeLink(for: admin, now: start).token, now: start),
            case .success(let theirs) = sessions.exchange(token: sessions.makeLink(for: other, now: start).token, now: start)
        else {
            Issue.record("links did not open")
            return
        }
        _ = sessions.makeLink(for: admin, now: start)
        let ended = sessions.endAll(adminID: 7)
        #expect(ended.sessions == 1 && ended.links == 2, "the unused link, and the one that came too late")
        #expect(sessions.session(cookie: mine.cookie, now: start) == nil)
        #expect(sessions.session(cookie: theirs.cookie, now: start) != nil)
    }

    func refusal(_ result: Result<(cookie: String, session: ConsoleSession), ConsoleSessions.Refusal>) -> ConsoleSessions.Refusal? {
        if case .failure(let why) = result { return why }
        return nil
    }

    @Test func stampsAreUTCToTheMinute() {
        #expect(ConsoleView.stamp(Date(timeIntervalSince1970: 1_796_373_167)) == "2026-12-04 08:32 UTC")
        #expect(ConsoleView.stamp(Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00 UTC")
    }

    @Test func tokensAreLongAndDistinct() {
        let tokens = Set((0..<200).map { _ in ConsoleSessions.randomToken() })
        #expect(tokens.count == 200)
        #expect(tokens.allSatisfy { $0.count == 43 && !$0.contains("+") && !$0.contains("/") })
    }

    @Test func everyValueIsEscapedInThePages() throws {
        let library = try ConsoleTemplates.library()
        let row = ConsoleView.queueRow(
            ReviewItem(
                id: 1, member: "<b>李</b>", memberID: 2, developmentNumber: nil, branch: "\"'&", pages: 1, version: 1, numberSource: "ocr",
                fileName: "<script>alert(1)</script>.pdf", uploadedBy: "x", receivedAt: Date(), waitingDays: 40))
        let html = try #require(library.render(["items": [row], "total": 1, "overview": [[String: Any]]()], withTemplate: "queue"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;.pdf"))
        #expect(html.contains("&lt;b&gt;李&lt;/b&gt;"))
        #expect(html.contains("&quot;&#39;&amp;"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("class=\"overdue\""))
        // No inline script or style anywhere: the Content-Security-Policy forbids both.
        for (name, text) in ConsoleTemplates.all {
            #expect(!text.contains("<script>") && !text.contains("style=") && !text.contains("onclick"), "\(name)")
        }
    }

    @Test func theListenSettingNamesAnAddress() {
        #expect(ConsoleServer.address("127.0.0.1:8640") == .hostname("127.0.0.1", port: 8640))
        #expect(ConsoleServer.address("[::1]:0") == .hostname("::1", port: 0))
        #expect(ConsoleServer.address("/run/zhtj/console.sock") == .unixDomainSocket(path: "/run/zhtj/console.sock"))
        #expect(ConsoleServer.address("8640") == nil)
        #expect(ConsoleServer.address("localhost:99999") == nil)
    }
}

/// The login's peer check reads the kernel's socket table.
@Suite struct LoopbackPeerTests {
    static let table = """
          sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
           0: 0100007F:21C0 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5434835 1
           1: 0100007F:C350 0100007F:21C0 01 00000000:00000000 00:00000000 00000000  1000        0 5434836 1
           2: 0100007F:21C0 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 5434837 1
        """

    @Test func theBrowsersEndNamesItsUser() {
        // 0xC350 = 50000 (the browser's port), 0x21C0 = 8640 (the console's).
        #expect(LoopbackPeer.uid(in: Self.table, peerPort: 50000, serverPort: 8640) == 1000)
        #expect(LoopbackPeer.uid(in: Self.table, peerPort: 50001, serverPort: 8640) == nil)
    }
}
