import Foundation
import ZHTJTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A real `zhtjd` on a temporary storage root, with a test clock the test can move.
final class TestDaemon {
    let root: String
    let storage: String
    let clockFile: String
    let logFile: String
    var extraEnvironment: [String: String]
    /// The `--log-level` given at start; nil gives none (the config file's then counts).
    var logLevel: String? = "debug"
    private(set) var process: Process?

    /// The daemon's PostgreSQL database (`ZHTJD_DATABASE_URL`) when the suite runs on PostgreSQL: one fresh database
    /// per TestDaemon, kept across its restarts; nil on SQLite.
    let databaseURL: String?

    /// `--runtime`: the socket and the instance lock apart from the storage (nil: `storage/run`).
    var runtime: String?
    var socket: String { (runtime ?? storage + "/run") + "/zhtjd.sock" }

    /// Where the credentials files named in `cli` are (this daemon's root; the first one's for a sharing daemon).
    let credentialsFolder: String

    /// `onSQLite`: on SQLite even when the suite runs on PostgreSQL (the registry `zhtj admin migrate` moves).
    init(extraEnvironment: [String: String] = [:], onSQLite: Bool = false) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("zhtj-e2e-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        // Other test users must be able to reach the socket below it.
        chmod(root, 0o755)
        storage = root + "/Storage"
        clockFile = root + "/clock"
        logFile = root + "/zhtjd.log"
        credentialsFolder = root
        self.extraEnvironment = extraEnvironment
        databaseURL = onSQLite ? nil : try TestPostgres.freshDatabaseURL()
        try setClock(Date())
    }

    /// A second daemon on `other`'s storage and database (several daemons on one PostgreSQL), with a runtime folder,
    /// log and clock of its own; `cli` uses `other`'s credentials files.
    init(sharing other: TestDaemon, extraEnvironment: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("zhtj-e2e-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        chmod(root, 0o755)
        storage = other.storage
        clockFile = root + "/clock"
        logFile = root + "/zhtjd.log"
        credentialsFolder = other.root
        runtime = root + "/run"
        self.extraEnvironment = extraEnvironment
        databaseURL = other.databaseURL
        try setClock(Date())
    }

    deinit {
        if let process, process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: root)
    }

    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ZHTJ") }
        env["ZHTJD_TEST_CLOCK_FILE"] = clockFile
        env["HOME"] = root
        // The tests run a debug build, several times slower at OCR than a release build: a budget to match.
        env["ZHTJD_OCR_SECONDS"] = "15"
        // The browser console on a free port: tests run side by side (`zhtj console --json` says which port).
        env["ZHTJD_CONSOLE_LISTEN"] = "127.0.0.1:0"
        if let databaseURL { env["ZHTJD_DATABASE_URL"] = databaseURL }
        for (k, v) in extraEnvironment { env[k] = v }
        return env
    }

    /// Runs SQL on the daemon's database behind its back, as an operator with a shell could: `sqlite3` on the SQLite
    /// file, `psql` on PostgreSQL (`postgres`: the statement there, when it differs). Rows come out as `a|b`.
    func sql(_ sqlite: String, postgres: String? = nil) throws -> ProcessResult {
        guard let databaseURL else {
            return try runProgram("/usr/bin/sqlite3", [storage + "/db/zhtj.sqlite", sqlite], environment: environment)
        }
        return try runProgram(
            "/usr/bin/env", ["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", databaseURL, "-c", postgres ?? sqlite], environment: environment)
    }

    func setClock(_ date: Date) throws {
        try ISO8601DateFormatter().string(from: date).write(toFile: clockFile, atomically: true, encoding: .utf8)
    }

    /// Starts the daemon and waits until its socket answers.
    func start(arguments: [String] = []) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binaries.zhtjd)
        process.arguments = ["--storage", storage] + (runtime.map { ["--runtime", $0] } ?? []) + (logLevel.map { ["--log-level", $0] } ?? []) + arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        FileManager.default.createFile(atPath: logFile, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logFile))
        log.seekToEndOfFile()
        process.standardError = log
        process.standardOutput = log
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if !process.isRunning { throw TestFailure("zhtjd exited at start: \(self.log)") }
            if FileManager.default.fileExists(atPath: socket), (try? cli(["whoami"], credentials: nil)).map({ $0.status == 0 }) == true { return }
            usleep(50_000)
        }
        throw TestFailure("zhtjd did not answer within 30 s: \(self.log)")
    }

    /// Sends a signal and waits for the exit; returns the exit status.
    @discardableResult
    func stop(signal: Int32 = SIGTERM) -> Int32 {
        guard let process else { return -1 }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        self.process = nil
        return process.terminationStatus
    }

    /// Waits for the daemon to exit by itself (a crash point); returns its termination status.
    func waitForExit(timeout: TimeInterval = 60) throws -> Int32 {
        guard let process else { return -1 }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline { throw TestFailure("zhtjd did not exit within \(timeout)s: \(log.suffix(2000))") }
            usleep(50_000)
        }
        self.process = nil
        return process.terminationStatus
    }

    var log: String { (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? "" }

    /// Runs `zhtj` with `arguments` against this daemon, as the admin whose credentials file is `credentials`.
    func cli(_ arguments: [String], credentials: String?, stdin: Data? = nil, asUser: String? = nil) throws -> ProcessResult {
        var env = environment
        env["ZHTJ_SOCKET"] = socket
        if let credentials { env["ZHTJ_CREDENTIALS"] = credentialsFolder + "/" + credentials }
        if let asUser {
            // runuser sets the uid, gid and supplementary groups of the other user.
            return try runProgram("/usr/sbin/runuser", ["-u", asUser, "--", Binaries.zhtj] + arguments, environment: env, currentDirectory: root, stdin: stdin)
        }
        var result = try runProgram(Binaries.zhtj, arguments, environment: env, currentDirectory: root, stdin: stdin)
        if result.stderr.contains("closed the connection") {
            // Show what the daemon said, so a failure here can be understood.
            let text = log
            try? text.write(toFile: FileManager.default.temporaryDirectory.path + "/zhtjd-closed-\(UUID().uuidString.prefix(8)).log", atomically: true, encoding: .utf8)
            // A crash report: its head (the reason and the crashing thread) matters most.
            let head = text.range(of: "💣").map { String(text[$0.lowerBound...].prefix(6000)) }
                ?? text.range(of: "Fatal error").map { String(text[$0.lowerBound...].prefix(6000)) } ?? ""
            result.stderr += "\n--- zhtjd log (running: \(process?.isRunning ?? false)) ---\n" + head + "\n…\n" + String(text.suffix(3000))
        }
        return result
    }

    /// Sends raw request lines with socat-like behaviour and returns the reply lines.
    func raw(_ line: String) throws -> String {
        try runProgram("/usr/bin/env", ["socat", "-", "UNIX-CONNECT:\(socket)"], environment: environment, stdin: Data((line + "\n").utf8)).stdout
    }

    /// Writes a file under the test root.
    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let path = root + "/" + name
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }
}
