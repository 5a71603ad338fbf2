import Foundation
import Testing
import ZHTJTestSupport

#if canImport(Glibc)
    import Glibc
#endif

extension TestDaemon {
    func inboxFolder(_ folder: String) -> String { folder.isEmpty ? storage + "/inbox" : storage + "/inbox/" + folder }

    /// Drops `bytes` into an inbox folder under a raw (byte) name, as a scanner or a copy would.
    @discardableResult
    func drop(_ bytes: [UInt8], folder: String, name: [UInt8]) throws -> String {
        let path = inboxFolder(folder) + "/" + String(decoding: name, as: UTF8.self)
        let raw = Array(inboxFolder(folder).utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = raw.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) } }
        guard fd >= 0 else { throw TestFailure("cannot create \(path): \(String(cString: strerror(errno)))") }
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        return path
    }

    @discardableResult
    func drop(_ bytes: [UInt8], folder: String, name: String) throws -> String {
        try drop(bytes, folder: folder, name: Array(name.utf8))
    }

    /// The regular files left in the inbox (org folders excluded).
    func inboxFiles() -> [String] {
        var out: [String] = []
        let root = storage + "/inbox"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [] {
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + entry, isDirectory: &isDir)
            if isDir.boolValue {
                out += ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + entry)) ?? []).map { entry + "/" + $0 }
            } else {
                out.append(entry)
            }
        }
        return out
    }

    /// Waits until `condition` holds (polling), or fails after `timeout` seconds.
    func waitUntil(_ what: String, timeout: TimeInterval = 60, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return }
            usleep(100_000)
        }
        throw TestFailure("timed out waiting for: \(what)\n\(log.suffix(3000))")
    }

    /// Waits until the inbox holds no regular file but those named in `except`.
    func waitForEmptyInbox(except: Set<String> = [], timeout: TimeInterval = 60) throws {
        try waitUntil("an empty inbox", timeout: timeout) { Set(inboxFiles()).subtracting(except).isEmpty }
    }

    /// The number of files in the archive.
    func archiveCount() -> Int {
        let enumerator = FileManager.default.enumerator(atPath: storage + "/archive")
        var n = 0
        while let item = enumerator?.nextObject() as? String { if item.hasSuffix(".pdf") && !item.hasPrefix("tmp") { n += 1 } }
        return n
    }
}

extension Scenario {
    static let members = TestMembers.csv

    /// The scenario with four members (two needing e-archives in branch 0003; one 2019 and one 2015 member in 0005)
    /// and a daemon whose stability window is 1 s.
    static func withMembers(extraEnvironment: [String: String] = [:], onSQLite: Bool = false) throws -> Scenario {
        var env = ["ZHTJD_INGEST_STABILITY_SECONDS": "1"]
        for (k, v) in extraEnvironment { env[k] = v }
        let s = try Scenario(extraEnvironment: env, onSQLite: onSQLite)
        let file = try s.daemon.write("members.csv", Data(members.utf8))
        try expectOK(s.daemon.cli(["member", "import", file], credentials: "root.cred"))
        return s
    }

    /// `withMembers()` and four admins: root (0001), a (committee 0002, over branch 0003), b (committee 0004, over
    /// branch 0005), c (branch 0003).
    static func withMembersAndAdmins(extraEnvironment: [String: String] = [:]) throws -> Scenario {
        let s = try Scenario.withMembers(extraEnvironment: extraEnvironment)
        try s.registerAdmin(org: "0002", issuer: "root.cred", newCredentials: "a.cred", name: "甲")
        try s.registerAdmin(org: "0004", issuer: "root.cred", newCredentials: "b.cred", name: "乙")
        try s.registerAdmin(org: "0003", issuer: "a.cred", newCredentials: "c.cred", name: "丙")
        return s
    }

    func member(_ key: String) throws -> [String: Any] {
        try jsonObject(try expectOK(daemon.cli(["member", "show", key, "--json"], credentials: "root.cred")).stdout)
    }

    func archives(_ key: String) throws -> [[String: Any]] {
        try member(key)["archives"] as? [[String: Any]] ?? []
    }

    func uploads(_ command: String) throws -> [[String: Any]] {
        try jsonArray(try expectOK(daemon.cli([command, "--json"], credentials: "root.cred")).stdout)
    }
}

let branchA = "0003-计算机专业2023级3班团支部"
let branchB = "0005-包装车间团支部"
let committeeA = "0002-某某大学团委"
