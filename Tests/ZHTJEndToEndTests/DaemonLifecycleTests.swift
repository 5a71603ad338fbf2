import Foundation
import Testing
import ZHTJTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The daemon as a process: storage layout, the instance lock, restarts, signals, a damaged database.
@Suite(.serialized) struct DaemonLifecycleTests {
    @Test func createsTheStorageLayoutWithPrivateModes() throws {
        let daemon = try TestDaemon()
        try daemon.start()
        func mode(_ path: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: daemon.storage + "/" + path)[.posixPermissions] as! NSNumber).intValue
        }
        #expect(try mode("run") == 0o750)
        #expect(try mode("archive") == 0o700)
        #expect(try mode("db") == 0o700)
        #expect(try mode("run/zhtjd.sock") == 0o660)
        for folder in ["inbox", "refused", "outbox"] { #expect(FileManager.default.fileExists(atPath: daemon.storage + "/" + folder)) }
        #expect(FileManager.default.fileExists(atPath: daemon.storage + "/db/zhtj.sqlite") == (daemon.databaseURL == nil))
        #expect(FileManager.default.fileExists(atPath: daemon.storage + "/run/zhtjd.lock"))
        #expect(daemon.stop() == 0)
    }

    @Test func secondDaemonOnTheSameStorageExitsAtOnce() throws {
        let daemon = try TestDaemon()
        try daemon.start()
        let started = Date()
        let second = try runProgram(Binaries.zhtjd, ["--storage", daemon.storage], environment: daemon.environment, timeout: 20)
        #expect(second.status != 0)
        #expect(second.stderr.contains("another zhtjd"))
        #expect(Date().timeIntervalSince(started) < 10)
        // The first one still answers.
        try expectOK(daemon.cli(["whoami"], credentials: nil))
    }

    // Issue 15 (part): the runtime folder (socket, instance lock) apart from the storage; on one SQLite storage a
    // second daemon with its own runtime folder is still refused, by the registry's own lock.
    @Test func aRuntimeFolderApartFromTheStorage() throws {
        let daemon = try TestDaemon()
        daemon.runtime = daemon.root + "/host-a"
        try daemon.start()
        #expect(FileManager.default.fileExists(atPath: daemon.root + "/host-a/zhtjd.sock"))
        #expect(FileManager.default.fileExists(atPath: daemon.root + "/host-a/zhtjd.lock"))
        #expect(!FileManager.default.fileExists(atPath: daemon.storage + "/run"))
        _ = try Scenario.initRoot(daemon)
        // (On PostgreSQL a second daemon is welcome: ScaleOutTests.)
        if daemon.databaseURL == nil {
            let second = try runProgram(
                Binaries.zhtjd, ["--storage", daemon.storage, "--runtime", daemon.root + "/host-b"], environment: daemon.environment, timeout: 20)
            #expect(second.status != 0)
            #expect(second.stderr.contains("uses this storage's SQLite registry from another runtime folder"), "\(second.stderr)")
        }
        // The environment names it too.
        daemon.stop()
        daemon.runtime = nil
        daemon.extraEnvironment["ZHTJD_RUNTIME_DIR"] = daemon.root + "/host-c"
        let env = daemon.environment
        let once = try runProgram(Binaries.zhtjd, ["--storage", daemon.storage, "--once"], environment: env, timeout: 60)
        #expect(once.status == 0, "\(once.stderr)")
        #expect(FileManager.default.fileExists(atPath: daemon.root + "/host-c/zhtjd.lock"))
    }

    @Test func restartsAtOnceAfterKill9AndKeepsItsData() throws {
        let daemon = try TestDaemon()
        try daemon.start()
        _ = try Scenario.initRoot(daemon)
        daemon.stop(signal: SIGKILL)
        // The stale socket file is still there; the restart must remove it.
        #expect(FileManager.default.fileExists(atPath: daemon.socket))
        try daemon.start()
        let again = try daemon.cli(["init", "--root-name", "团某某市委"], credentials: nil)
        #expect(again.status != 0)
        #expect(again.stderr.contains("already exists"))
    }

    @Test func sigtermAndSigintExitZeroAndRemoveTheSocket() throws {
        for signal in [SIGTERM, SIGINT] {
            let daemon = try TestDaemon()
            try daemon.start()
            #expect(daemon.stop(signal: signal) == 0, "\(daemon.log)")
            #expect(!FileManager.default.fileExists(atPath: daemon.socket))
        }
    }

    @Test(.disabled(if: TestPostgres.isActive, "a damaged SQLite file"))
    func damagedDatabaseStopsTheStartWithRestoreAdvice() throws {
        let daemon = try TestDaemon()
        try daemon.start()
        daemon.stop()
        let db = daemon.storage + "/db/zhtj.sqlite"
        try? FileManager.default.removeItem(atPath: db + "-wal")
        try? FileManager.default.removeItem(atPath: db + "-shm")
        try Data(repeating: 0x41, count: 16384).write(to: URL(fileURLWithPath: db))
        let result = try runProgram(Binaries.zhtjd, ["--storage", daemon.storage], environment: daemon.environment, timeout: 20)
        #expect(result.status != 0)
        #expect(result.stderr.contains("damaged"))
        #expect(result.stderr.contains("restore"))
    }

    @Test func socatCanSpeakTheProtocol() throws {
        let daemon = try TestDaemon()
        try daemon.start()
        let reply = try jsonObject(daemon.raw(#"{"id":7,"command":"whoami"}"#))
        #expect(reply["id"] as? Int == 7)
        #expect(reply["ok"] as? Bool == true)
        let bad = try jsonObject(daemon.raw("this is not json"))
        #expect(bad["ok"] as? Bool == false)
        #expect((bad["error"] as? [String: Any])?["code"] as? String == "bad_request")
        let unknown = try jsonObject(daemon.raw(#"{"command":"fly"}"#))
        #expect((unknown["error"] as? [String: Any])?["code"] as? String == "unknown_command")
        // A uid without a credential can only register and ask who it is: everything else needs one.
        let denied = try jsonObject(daemon.raw(#"{"command":"member.search","params":{"text":"李"}}"#))
        #expect((denied["error"] as? [String: Any])?["code"] as? String == "credential_required")
    }

    @Test(arguments: [["ZHTJD_REGISTRATION_MAX_FAILURES": "0"], ["ZHTJD_REGISTRATION_MAX_FAILURES": "abc"], ["ZHTJD_LOG_LEVEL": "loud"]])
    func badConfigurationStopsTheStart(environment: [String: String]) throws {
        let daemon = try TestDaemon(extraEnvironment: environment)
        let result = try runProgram(Binaries.zhtjd, ["--storage", daemon.storage], environment: daemon.environment, timeout: 20)
        #expect(result.status != 0)
        #expect(result.stderr.contains(environment.keys.first == "ZHTJD_LOG_LEVEL" ? "log.level" : "registration.maxFailures"))
    }

    // Issue 15: a database.url that is not PostgreSQL's, or a server that is not there, stops the start with what to
    // check, in both languages; nothing is created under the storage's db/.
    @Test(arguments: [
        ("mysql://root@localhost/zhtj", "database.url"),
        ("postgres://nobody@/zhtj?host=/nonexistent-socket-folder", "cannot connect to PostgreSQL"),
    ])
    func aBadDatabaseURLStopsTheStart(url: String, says: String) throws {
        let daemon = try TestDaemon(extraEnvironment: ["ZHTJD_DATABASE_URL": url])
        let result = try runProgram(Binaries.zhtjd, ["--storage", daemon.storage], environment: daemon.environment, timeout: 20)
        #expect(result.status != 0)
        #expect(result.stderr.contains(says), "\(result.stderr)")
        if says.hasPrefix("cannot") { #expect(result.stderr.contains("无法连接 PostgreSQL")) }
        #expect(!FileManager.default.fileExists(atPath: daemon.storage + "/db/zhtj.sqlite"))
    }

    @Test func aBrokenConfigFileStopsTheStart() throws {
        let daemon = try TestDaemon()
        let file = try daemon.write("bad.json", Data("{ not json".utf8))
        let result = try runProgram(Binaries.zhtjd, ["--storage", daemon.storage, "--config", file], environment: daemon.environment, timeout: 20)
        #expect(result.status != 0)
        #expect(result.stderr.contains("cannot read the config file"))
    }

    @Test func theSecondDaemonLeavesTheFirstOnesFoldersAlone() throws {
        let daemon = try TestDaemon()
        try daemon.start()
        chmod(daemon.storage, 0o711)
        _ = try runProgram(Binaries.zhtjd, ["--storage", daemon.storage], environment: daemon.environment, timeout: 20)
        let mode = (try FileManager.default.attributesOfItem(atPath: daemon.storage)[.posixPermissions] as! NSNumber).intValue
        #expect(mode == 0o711)
    }
}

extension DaemonLifecycleTests {
    // SIGTERM is prompt: no service keeps the daemon waiting (the reminder scheduler sleeps a minute between looks).
    @Test func sigtermIsPrompt() throws {
        let daemon = try TestDaemon()
        try daemon.start()
        let started = Date()
        #expect(daemon.stop() == 0)
        #expect(Date().timeIntervalSince(started) < 5)
    }
}

extension DaemonLifecycleTests {
    // Type=notify: READY=1 once serving, WATCHDOG=1 at half WATCHDOG_USEC, STOPPING=1 on SIGTERM.
    @Test func systemdNotifyProtocol() throws {
        let daemon = try TestDaemon()
        let path = daemon.root + "/notify.sock"
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        let bound = withUnixAddress(path) { bind(fd, $0, $1) }
        #expect(bound == 0)
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        daemon.extraEnvironment = ["NOTIFY_SOCKET": path, "WATCHDOG_USEC": "400000"]
        try daemon.start()
        func receive() -> String {
            var buffer = [UInt8](repeating: 0, count: 512)
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            return n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : ""
        }
        var messages: [String] = []
        for _ in 0..<3 { messages.append(receive()) }
        #expect(messages.first?.hasPrefix("READY=1") == true)
        #expect(messages.dropFirst().contains("WATCHDOG=1"))
        #expect(daemon.stop() == 0)
        var last = ""
        for _ in 0..<20 {
            last = receive()
            if last == "STOPPING=1" || last.isEmpty { break }
        }
        #expect(last == "STOPPING=1")
    }
}

extension DaemonLifecycleTests {
    // SIGHUP reloads the configuration: a broken one is rejected and the old one kept; a good one applies its log level.
    @Test func sighupReloadsAndRejectsABrokenConfiguration() throws {
        let daemon = try TestDaemon()
        daemon.logLevel = nil
        let config = try daemon.write("zhtjd.json", Data(#"{"log": {"level": "info"}}"#.utf8))
        try daemon.start(arguments: ["--config", config])
        guard let pid = daemon.process?.processIdentifier else { throw TestFailure("no daemon") }
        try expectOK(daemon.cli(["whoami"], credentials: nil))
        #expect(!daemon.log.contains(" debug "))
        try daemon.write("zhtjd.json", Data("{ broken".utf8))
        kill(pid, SIGHUP)
        try daemon.waitUntil("the rejection", timeout: 20) { daemon.log.contains("configuration rejected") }
        try expectOK(daemon.cli(["whoami"], credentials: nil))
        try daemon.write("zhtjd.json", Data(#"{"log": {"level": "debug"}}"#.utf8))
        kill(pid, SIGHUP)
        try daemon.waitUntil("the reload", timeout: 20) { daemon.log.contains("configuration reloaded") }
        try expectOK(daemon.cli(["whoami"], credentials: nil))
        try daemon.waitUntil("a debug line", timeout: 20) { daemon.log.contains(" debug ") }
        #expect(daemon.stop() == 0)
    }
}
