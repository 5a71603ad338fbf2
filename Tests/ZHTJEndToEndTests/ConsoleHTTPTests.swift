import Foundation
import Testing
import ZHTJTestSupport

/// The browser console over HTTP through the real zhtjd (issue 17): login by one-time link, the same scope,
/// authorization and audit as the socket, CSRF, escaping, and PDFs with byte ranges. Reviewers: "a.cred" is
/// committee 0002 (over branch 0003), "b.cred" committee 0004, "c.cred" branch 0003.
@Suite struct ConsoleHTTPTests {
    func reviewIDs(_ s: Scenario, _ cred: String) throws -> [Int] {
        try jsonList(try expectOK(s.daemon.cli(["reviews", "--json"], credentials: cred)).stdout, "items").compactMap { $0["id"] as? Int }
    }

    func history(_ s: Scenario, _ member: String) throws -> String {
        try expectOK(s.daemon.cli(["history", member], credentials: "root.cred")).stdout
    }

    @Test func aLinkOpensOneSessionOnceWithinFiveMinutes() throws {
        let s = try Scenario.withMembersAndAdmins()
        let url = try ConsoleSessionProbe.link(s, "a.cred")
        let opened = try HTTPProbe.send("GET", url)
        #expect(opened.status == 303)
        #expect(opened.headers["location"] == "/queue")
        let cookie = try #require(opened.headers["set-cookie"])
        for flag in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=1800"] { #expect(cookie.contains(flag), "\(cookie)") }
        #expect(!cookie.contains("Secure"), "no TLS here: a Secure cookie would never be sent back")
        // Reused: refused, and says so.
        let reused = try HTTPProbe.send("GET", url)
        #expect(reused.status == 403)
        #expect(reused.text.contains("已经用过") && reused.text.contains("used already"))
        // A wrong token.
        let base = String(url[..<url.range(of: "?")!.lowerBound])
        #expect(try HTTPProbe.send("GET", base + "?token=nope").status == 403)
        // Expired: 5 minutes and a second later.
        let late = try ConsoleSessionProbe.link(s, "a.cred")
        try s.daemon.setClock(Date().addingTimeInterval(301))
        let expired = try HTTPProbe.send("GET", late)
        #expect(expired.status == 403)
        #expect(expired.text.contains("已过期") && expired.text.contains("expired"))
        // No cookie: the pages say how to log in.
        let anonymous = try HTTPProbe.send("GET", base.replacingOccurrences(of: "/login", with: "/queue"))
        #expect(anonymous.status == 401)
        #expect(anonymous.text.contains("zhtj console"))
        // The link request is on record.
        #expect(try expectOK(s.daemon.cli(["whoami"], credentials: "a.cred")).status == 0)
    }

    @Test func sessionsEndWhenIdleAndWithLogoutAll() throws {
        let s = try Scenario.withMembersAndAdmins()
        try s.daemon.setClock(Date())
        let session = try ConsoleSessionProbe.login(s, "a.cred")
        #expect(try session.get("/queue").status == 200)
        // 29 minutes idle: still open (and the use keeps it open); 31 more: ended.
        try s.daemon.setClock(Date().addingTimeInterval(29 * 60))
        #expect(try session.get("/queue").status == 200)
        try s.daemon.setClock(Date().addingTimeInterval(29 * 60 + 31 * 60))
        #expect(try session.get("/queue").status == 401)
        // --logout-all ends every session of this admin, not another admin's.
        let a1 = try ConsoleSessionProbe.login(s, "a.cred")
        let a2 = try ConsoleSessionProbe.login(s, "a.cred")
        let b = try ConsoleSessionProbe.login(s, "b.cred")
        let ended = try jsonObject(try expectOK(s.daemon.cli(["console", "--logout-all", "--json"], credentials: "a.cred")).stdout)
        #expect(ended["sessions"] as? Int == 2)
        #expect(try a1.get("/queue").status == 401)
        #expect(try a2.get("/queue").status == 401)
        #expect(try b.get("/queue").status == 200)
        // The page's own logout button.
        #expect(try b.post("/logout").status == 200)
        #expect(try b.get("/queue").status == 401)
    }

    // R-E4, R-E6: the queue and the review page are the reviewer's; others see nothing of it.
    @Test func pagesFollowTheSocketsRulesAndEscapeEverything() throws {
        let s = try Scenario.withMembersAndAdmins()
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001", pages: 2), folder: branchA, name: "<script>alert(1)<b>.pdf")
        try s.daemon.waitForEmptyInbox()
        let id = try #require(try reviewIDs(s, "a.cred").first)
        let member = try s.member("202144010001")
        let memberID = try #require(member["id"] as? Int)

        let a = try ConsoleSessionProbe.login(s, "a.cred")
        let queue = try a.get("/queue")
        #expect(queue.status == 200)
        #expect(queue.headers["content-security-policy"]?.contains("script-src 'self'") == true)
        #expect(queue.headers["x-content-type-options"] == "nosniff")
        #expect(queue.text.contains("href=\"/review/\(id)\""))
        #expect(queue.text.contains("&lt;script&gt;alert(1)&lt;b&gt;.pdf"))
        #expect(!queue.text.contains("<script>alert"))
        #expect(!queue.text.contains("<script>") || !queue.text.replacingOccurrences(of: "<script src=\"/static/console.js\" defer></script>", with: "").contains("<script"))
        let review = try a.get("/review/\(id)")
        #expect(review.status == 200)
        #expect(review.text.contains("李明"))
        #expect(review.text.contains("&lt;script&gt;alert(1)&lt;b&gt;.pdf"))
        #expect(!review.text.contains(member["idNumber"] as? String ?? "?"), "the ID number is masked until revealed")
        for path in ["/unmatched", "/refused", "/search?q=%E6%9D%8E", "/reminders"] {
            let page = try a.get(path)
            #expect(page.status == 200, "\(path): \(page.text.prefix(400))")
        }
        #expect(try a.get("/search?q=%E6%9D%8E%E6%98%8E").text.contains("202144010001"))

        // Committee b: not its queue, not its member.
        let b = try ConsoleSessionProbe.login(s, "b.cred")
        #expect(try b.get("/queue").text.contains("queue-empty"))
        let notB = try b.get("/review/\(id)")
        #expect(notB.status == 404)
        #expect(try b.get("/member/\(memberID)/v/1/pdf").status == 403)
        let reveal = try HTTPProbe.send("POST", b.base + "/member/\(memberID)/reveal", headers: ["Cookie": b.cookie, "X-CSRF-Token": b.csrf, "Accept": "application/json"])
        #expect(reveal.status == 403)
        #expect(reveal.text.contains("\"ok\":false"))
        // Branch c uploads but does not review.
        let c = try ConsoleSessionProbe.login(s, "c.cred")
        #expect(try c.get("/queue").text.contains("queue-empty"))
        #expect(try c.post("/review/\(id)/approve").status == 403)
        #expect(try s.member("202144010001")["status"] as? String == "not_authenticated")

        // The reveal: reviewer a sees the full number, and it is audited.
        let shown = try HTTPProbe.send("POST", a.base + "/member/\(memberID)/reveal", headers: ["Cookie": a.cookie, "X-CSRF-Token": a.csrf, "Accept": "application/json"])
        #expect(shown.status == 200)
        #expect(shown.text.contains(member["idNumber"] as? String ?? "?"))
        #expect(try history(s, "202144010001").contains("member.reveal"))
    }

    // R-E6, R-E7, R-E8: decisions through the console are the socket's, with CSRF tokens, and on record.
    @Test func decisionsNeedTheCSRFTokenAndAreAuditedAsFromTheConsole() throws {
        let s = try Scenario.withMembersAndAdmins()
        try s.daemon.drop(PDFBuilder.textForm(number: "202144010001"), folder: branchA, name: "李明.pdf")
        try s.daemon.drop(PDFBuilder.textForm(number: "202244010002"), folder: branchA, name: "second.pdf")
        try s.daemon.waitForEmptyInbox()
        let ids = try reviewIDs(s, "a.cred")
        #expect(ids.count == 2)
        let a = try ConsoleSessionProbe.login(s, "a.cred")
        #expect(try a.post("/review/\(ids[0])/approve", csrf: .some(nil)).status == 403)
        #expect(try a.post("/review/\(ids[0])/approve", csrf: "forged").status == 403)
        #expect(try s.member("202144010001")["status"] as? String == "not_authenticated")
        // A rejection needs a reason, as on the socket.
        let noReason = try a.post("/review/\(ids[0])/reject", ["reasonCode": "no-stamp", "reason": "  "])
        #expect(noReason.status == 400)
        let rejected = try a.post("/review/\(ids[0])/reject", ["reasonCode": "no-stamp", "reason": "第2页缺少公章"])
        #expect(rejected.status == 303)
        #expect(rejected.headers["location"]?.hasPrefix("/review/\(ids[1])?prev=\(ids[0])") == true, "the next item opens")
        let approved = try a.post("/review/\(ids[1])/approve")
        #expect(approved.headers["location"]?.hasPrefix("/queue?done=approved") == true)
        #expect(try s.member("202144010001")["status"] as? String == "authentication_failed")
        #expect(try s.member("202244010002")["status"] as? String == "authenticated")
        let archive = try #require(try s.archives("202144010001").first)
        #expect(archive["reason"] as? String == "第2页缺少公章")
        #expect(archive["reasonCode"] as? String == "no-stamp")
        #expect(try history(s, "202144010001").contains("[via console]"))
        // Deciding again: the socket's answer, in both languages.
        let again = try a.post("/review/\(ids[1])/approve")
        #expect(again.status == 400 || again.status == 404)
        let verify = try s.daemon.cli(["audit", "verify"], credentials: "root.cred")
        #expect(verify.status == 0, "\(verify.combined)")
    }

    // R-E13: an unmatched 19 MB scan attached in the console, then read in byte ranges; the download is audited once.
    @Test func attachAndByteRangesOnANineteenMegabytePDF() throws {
        let s = try Scenario.withMembersAndAdmins(extraEnvironment: ["ZHTJD_OCR_ENABLED": "false"])
        let bytes = PDFBuilder.sized(targetBytes: 19 * 1024 * 1024, number: "202144010001")
        #expect(bytes.count == 19 * 1024 * 1024)
        try s.daemon.drop(bytes, folder: branchA, name: "big.pdf")
        try s.daemon.waitForEmptyInbox(timeout: 120)
        let unmatched = try s.uploads("unmatched")
        let upload = try #require(unmatched.first?["id"] as? Int)
        let a = try ConsoleSessionProbe.login(s, "a.cred")
        #expect(try a.get("/unmatched").text.contains("big.pdf"))
        #expect(try a.post("/uploads/\(upload)/attach", ["member": "202144010001"]).status == 303)
        let memberID = try #require(try s.member("202144010001")["id"] as? Int)
        let path = "/member/\(memberID)/v/1/pdf"

        let whole = try a.get(path)
        #expect(whole.status == 200)
        #expect(whole.headers["content-type"] == "application/pdf")
        #expect(whole.headers["x-content-type-options"] == "nosniff")
        #expect(whole.headers["accept-ranges"] == "bytes")
        #expect(whole.headers["content-length"] == "\(bytes.count)")
        #expect(whole.body == bytes)
        let middle = try a.get(path, headers: ["Range": "bytes=1000000-1999999"])
        #expect(middle.status == 206)
        #expect(middle.headers["content-range"] == "bytes 1000000-1999999/\(bytes.count)")
        #expect(middle.body == Array(bytes[1_000_000...1_999_999]))
        let tail = try a.get(path, headers: ["Range": "bytes=-500"])
        #expect(tail.status == 206)
        #expect(tail.body == Array(bytes.suffix(500)))
        let open = try a.get(path, headers: ["Range": "bytes=19000000-"])
        #expect(open.body == Array(bytes[19_000_000...]))
        let beyond = try a.get(path, headers: ["Range": "bytes=30000000-"])
        #expect(beyond.status == 416)
        #expect(beyond.headers["content-range"] == "bytes */\(bytes.count)")
        // One download (the request from byte 0), as `zhtj get` records one.
        let downloads = try history(s, "202144010001").components(separatedBy: "\n").filter { $0.contains("archive.download") }
        #expect(downloads.count == 1, "\(downloads)")
    }

    /// The console off, or its address taken: the daemon serves on, and `zhtj console` says why in both languages.
    @Test func aConsoleThatIsOffOrCannotListenIsExplained() throws {
        let off = try Scenario.withMembersAndAdmins(extraEnvironment: ["ZHTJD_CONSOLE_LISTEN": ""])
        let refused = try off.daemon.cli(["console", "--no-open"], credentials: "a.cred")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("浏览器控制台未运行") && refused.stderr.contains("console.listen is empty"), "\(refused.stderr)")
        // A port another program holds (another zhtjd's console).
        let busy = try Scenario.withMembersAndAdmins()
        let url = try ConsoleSessionProbe.link(busy, "a.cred")
        let port = try #require(URL(string: url)?.port)
        let second = try Scenario.withMembersAndAdmins(extraEnvironment: ["ZHTJD_CONSOLE_LISTEN": "127.0.0.1:\(port)"])
        let why = try second.daemon.cli(["console", "--no-open"], credentials: "a.cred")
        #expect(why.status == 1)
        #expect(why.stderr.contains("127.0.0.1:\(port)"), "\(why.stderr)")
        #expect(try expectOK(second.daemon.cli(["reviews"], credentials: "a.cred")).status == 0, "the socket serves on")
    }
}
