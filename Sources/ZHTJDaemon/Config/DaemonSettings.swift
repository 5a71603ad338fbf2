import Configuration
import Foundation
import Logging
import ZHTJCore

/// Every setting of `zhtjd`, read once at start from the command line, the environment (`ZHTJD_…`),
/// the JSON config file and the defaults, in that order. docs/configuration.md lists each key.
public struct DaemonSettings: Sendable {
    /// `storage.root`: the folder holding db/, inbox/, archive/, refused/, outbox/ and run/.
    public var storageRoot: String
    /// `runtime.dir`: the per-host folder of the socket and the instance lock; none: `storage.root`/run.
    public var runtimeDir: String?
    /// `database.url`: a PostgreSQL registry (`postgres://USER@/DB?host=/socket/folder`, or a TCP URL); none: SQLite
    /// under the storage root (`db/zhtj.sqlite`).
    public var databaseURL: String?
    /// `database.connections`: the PostgreSQL connections this daemon holds at most.
    public var databaseConnections: Int = 8
    /// `log.level`: trace, debug, info, notice, warning, error or critical.
    public var logLevel: Logger.Level
    /// `socket.group`: a system group whose members may connect to the socket (admins); none by default.
    public var socketGroup: String?
    /// `socket.maxConnections`: connections served at once; one more is told "too many connections" and closed.
    public var maxConnections: Int = 512
    /// `socket.requestThreads`: requests handled at once; more wait in line (the pool is bounded; a slow request,
    /// e.g. a large import or a busy database, holds one thread).
    public var requestThreads: Int = 16
    /// `socket.idleTimeoutSeconds`: a connection that sends nothing for this long is closed.
    public var idleTimeoutSeconds: Int
    /// `registration.maxFailures` within `registration.failureWindowSeconds`: failed code redemptions allowed per uid.
    public var throttle: RedemptionThrottle
    /// `ingest.stabilitySeconds`: a file is read once it has had no events and the same size and mtime this long.
    public var stabilitySeconds: Int = 5
    /// `ingest.rescanSeconds`: a full rescan of the inbox as a safety net.
    public var rescanSeconds: Int = 300
    /// `ingest.claimLeaseSeconds`: how long a daemon's claim on an inbox file lasts (PostgreSQL, several daemons);
    /// a daemon that died holds its files this long before another takes them.
    public var claimLeaseSeconds: Int = 300
    /// `ingest.polling`: true puts the inbox on polling (NFS/SMB mounts, where inotify sees nothing).
    public var polling: Bool = false
    /// `parser.memoryMB`, `parser.cpuSeconds`, `parser.timeoutSeconds`: the parser child's limits.
    public var parserMemoryMB: Int = 1024
    public var parserCPUSeconds: Int = 20
    public var parserTimeoutSeconds: Int = 30
    /// `ocr.enabled`: read the number of image-only scans by OCR (QR codes and barcodes are read always).
    public var ocrEnabled: Bool = true
    /// `ocr.seconds`: the time OCR may spend on one file's page 1; past it, what was read so far counts.
    public var ocrSeconds: Int = 8
    /// `ocr.minConfidence`: the confidence (1–100) every digit of an OCR reading needs before the number is used.
    public var ocrMinConfidence: Int = 85
    /// `ocr.nameMinConfidence`: the confidence (1–100) a name read by OCR needs to count in the name check.
    public var ocrNameMinConfidence: Int = 90
    /// `labels.columns`, `labels.rows`: labels per sheet across and down (A4); `labels.marginMM`: the sheet's margin.
    public var labelColumns: Int = 3
    public var labelRows: Int = 8
    public var labelMarginMM: Int = 8
    /// `reminders.time`: when the daily reminders go out, local time `HH:MM`.
    public var reminderTime: (hour: Int, minute: Int) = (8, 0)
    /// `reminders.checkSeconds`: how often the scheduler looks at the clock.
    public var reminderCheckSeconds: Int = 60
    /// `reminders.hook`: a shell command run once per admin with the reminder on stdin (e.g. `sendmail -t`); none by default.
    public var reminderHook: String?
    /// `audit.anchorHook`: a shell command run with each audit anchor line on stdin (an outside witness, e.g. mail to the
    /// superior committee); none by default. It runs with the reminder hook's timeout, once, in the background.
    public var anchorHook: String?
    /// `reminders.oldest`: above branch level, how many of the longest-overdue members (and of the reviews waiting)
    /// a reminder names; the rest are counted.
    public var reminderOldest: Int = 20
    /// `reminders.hookAttempts`, `reminders.hookRetrySeconds`, `reminders.hookTimeoutSeconds`.
    public var hookAttempts: Int = 3
    public var hookRetrySeconds: Int = 30
    public var hookTimeoutSeconds: Int = 60
    /// `backup.dir`: where the daily backup goes (absolute, outside the storage root, better on another disk); none
    /// by default (no scheduled backup). `backup.time`: when, local `HH:MM`. `backup.keep`: the database copies
    /// (snapshots) kept there; the archive objects are shared by all of them.
    public var backupDir: String?
    public var backupTime: (hour: Int, minute: Int) = (2, 30)
    public var backupKeep: Int = 14
    /// `members.searchLimit`: how many rows `member search` returns when the client names no limit (a client may ask for up to 1000).
    public var searchLimit: Int
    /// `calendar.holidays` (weekdays not worked) and `calendar.workdays` (weekend days worked instead), `YYYY-MM-DD`:
    /// the working days of the 20 within which a reward or sanction is entered (R-W2).
    public var workingDays = WorkingDays()
    /// `console.listen`: the browser console's address, `HOST:PORT` (port 0: any free one) or a Unix socket path
    /// for a reverse proxy; empty turns it off (issue 17).
    public var consoleListen = "127.0.0.1:8640"
    /// `console.url`: the address browsers open when a reverse proxy (TLS) stands in front; links use it.
    public var consoleURL: String?
    /// `console.pdfjs`: Debian's libjs-pdf build folder (pdf.js and its worker).
    public var consolePdfjs = "/usr/share/javascript/pdf/build"

    public init(
        storageRoot: String = "Storage", logLevel: Logger.Level = .info, socketGroup: String? = nil,
        idleTimeoutSeconds: Int = 300, throttle: RedemptionThrottle = RedemptionThrottle(),
        searchLimit: Int = 50
    ) {
        self.storageRoot = storageRoot
        self.logLevel = logLevel
        self.socketGroup = socketGroup
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.throttle = throttle
        self.searchLimit = searchLimit
    }

    public enum SettingsError: Error, CustomStringConvertible {
        case invalid(key: String, value: String, expected: String)
        case unreadable(path: String, detail: String)

        public var description: String {
            switch self {
            case .invalid(let key, let value, let expected):
                "配置项 \(key) 的值“\(value)”无效 / the setting \(key) = \"\(value)\" is not valid: expected \(expected)"
            case .unreadable(let path, let detail):
                "无法读取配置文件 / cannot read the config file \(path): \(detail). Fix the JSON or pass another file with --config."
            }
        }
    }

    /// The config file read when `--config` names none (relative to the working directory; skipped when missing).
    public static let defaultConfigFile = "Config/zhtjd.json"

    /// Reads the settings. `overrides` are the command line's (`storage.root`, `log.level`).
    public static func load(
        configFile: String?, overrides: [String: String], environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> DaemonSettings {
        var providers: [any ConfigProvider] = [
            InMemoryProvider(
                name: "command line",
                values: overrides.reduce(into: [:]) {
                    $0[AbsoluteConfigKey($1.key.split(separator: ".").map(String.init))] = ConfigValue(.string($1.value), isSecret: false)
                }),
            EnvironmentVariablesProvider(environmentVariables: environment).prefixKeys(with: "zhtjd"),
        ]
        let path = configFile ?? defaultConfigFile
        do {
            providers.append(try await FileProvider<JSONSnapshot>(filePath: .init(path), allowMissing: configFile == nil))
        } catch {
            throw SettingsError.unreadable(path: path, detail: "\(error)")
        }
        let reader = ConfigReader(providers: providers)
        var settings = DaemonSettings()
        settings.storageRoot = reader.string(forKey: "storage.root", default: settings.storageRoot)
        settings.runtimeDir = reader.string(forKey: "runtime.dir").flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        settings.databaseURL = reader.string(forKey: "database.url", isSecret: true).flatMap {
            $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces)
        }
        if let url = settings.databaseURL, !(url.hasPrefix("postgres://") || url.hasPrefix("postgresql://")) {
            throw SettingsError.invalid(
                key: "database.url", value: url, expected: "postgres://USER@/DB?host=/socket/folder or postgres://USER:PASSWORD@HOST:5432/DB")
        }
        settings.databaseConnections = try positive(reader, "database.connections", settings.databaseConnections)
        let level = reader.string(forKey: "log.level", default: "info")
        guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
            throw SettingsError.invalid(key: "log.level", value: level, expected: "trace, debug, info, notice, warning, error or critical")
        }
        settings.logLevel = parsed
        settings.socketGroup = reader.string(forKey: "socket.group").flatMap { $0.isEmpty ? nil : $0 }
        settings.idleTimeoutSeconds = try positive(reader, "socket.idleTimeoutSeconds", settings.idleTimeoutSeconds)
        settings.maxConnections = try positive(reader, "socket.maxConnections", settings.maxConnections)
        settings.requestThreads = try positive(reader, "socket.requestThreads", settings.requestThreads)
        settings.throttle.maxFailures = try positive(reader, "registration.maxFailures", settings.throttle.maxFailures)
        settings.throttle.window = TimeInterval(try positive(reader, "registration.failureWindowSeconds", Int(settings.throttle.window)))
        settings.searchLimit = try positive(reader, "members.searchLimit", settings.searchLimit)
        settings.stabilitySeconds = try positive(reader, "ingest.stabilitySeconds", settings.stabilitySeconds)
        settings.rescanSeconds = try positive(reader, "ingest.rescanSeconds", settings.rescanSeconds)
        settings.claimLeaseSeconds = try positive(reader, "ingest.claimLeaseSeconds", settings.claimLeaseSeconds)
        settings.polling = reader.bool(forKey: "ingest.polling", default: false)
        settings.parserMemoryMB = try positive(reader, "parser.memoryMB", settings.parserMemoryMB)
        settings.parserCPUSeconds = try positive(reader, "parser.cpuSeconds", settings.parserCPUSeconds)
        settings.parserTimeoutSeconds = try positive(reader, "parser.timeoutSeconds", settings.parserTimeoutSeconds)
        settings.ocrEnabled = reader.bool(forKey: "ocr.enabled", default: true)
        settings.ocrSeconds = try positive(reader, "ocr.seconds", settings.ocrSeconds)
        guard settings.ocrSeconds < settings.parserCPUSeconds else {
            throw SettingsError.invalid(
                key: "ocr.seconds", value: String(settings.ocrSeconds), expected: "fewer seconds than parser.cpuSeconds (\(settings.parserCPUSeconds)), or the file would be refused")
        }
        settings.ocrMinConfidence = try percent(reader, "ocr.minConfidence", settings.ocrMinConfidence)
        settings.ocrNameMinConfidence = try percent(reader, "ocr.nameMinConfidence", settings.ocrNameMinConfidence)
        settings.labelColumns = try positive(reader, "labels.columns", settings.labelColumns)
        settings.labelRows = try positive(reader, "labels.rows", settings.labelRows)
        settings.labelMarginMM = try positive(reader, "labels.marginMM", settings.labelMarginMM)
        guard settings.labelColumns <= 6, settings.labelRows <= 16, settings.labelMarginMM <= 40 else {
            throw SettingsError.invalid(
                key: "labels", value: "\(settings.labelColumns)x\(settings.labelRows), margin \(settings.labelMarginMM) mm",
                expected: "at most 6 columns, 16 rows and a 40 mm margin on A4")
        }
        settings.reminderTime = try clockTime(reader, "reminders.time", "08:00")
        settings.backupDir = reader.string(forKey: "backup.dir").flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        if let dir = settings.backupDir, !dir.hasPrefix("/") {
            throw SettingsError.invalid(key: "backup.dir", value: dir, expected: "an absolute path, e.g. /srv/zhtj-backup (on another disk)")
        }
        settings.backupTime = try clockTime(reader, "backup.time", "02:30")
        settings.backupKeep = try positive(reader, "backup.keep", settings.backupKeep)
        settings.reminderCheckSeconds = try positive(reader, "reminders.checkSeconds", settings.reminderCheckSeconds)
        settings.reminderOldest = try positive(reader, "reminders.oldest", settings.reminderOldest)
        guard settings.reminderOldest <= 1000 else {
            throw SettingsError.invalid(key: "reminders.oldest", value: String(settings.reminderOldest), expected: "a whole number from 1 to 1000")
        }
        settings.anchorHook = reader.string(forKey: "audit.anchorHook").flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        settings.reminderHook = reader.string(forKey: "reminders.hook").flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        settings.hookAttempts = try positive(reader, "reminders.hookAttempts", settings.hookAttempts)
        settings.hookRetrySeconds = try positive(reader, "reminders.hookRetrySeconds", settings.hookRetrySeconds)
        settings.hookTimeoutSeconds = try positive(reader, "reminders.hookTimeoutSeconds", settings.hookTimeoutSeconds)
        settings.workingDays = WorkingDays(holidays: try dates(reader, "calendar.holidays"), workdays: try dates(reader, "calendar.workdays"))
        settings.consoleListen = reader.string(forKey: "console.listen", default: settings.consoleListen).trimmingCharacters(in: .whitespaces)
        settings.consoleURL = reader.string(forKey: "console.url").flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces) }
        if let url = settings.consoleURL, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            throw SettingsError.invalid(key: "console.url", value: url, expected: "the address browsers open, e.g. https://zhtj.example.lan")
        }
        settings.consolePdfjs = reader.string(forKey: "console.pdfjs", default: settings.consolePdfjs)
        return settings
    }

    /// A list of dates `YYYY-MM-DD`: a JSON array, or (from the environment) a comma-separated string.
    private static func dates(_ reader: ConfigReader, _ key: String) throws -> [CivilDate] {
        let items = reader.stringArray(forKey: ConfigKey(key))
            ?? reader.string(forKey: ConfigKey(key)).map { $0.split(separator: ",").map(String.init) } ?? []
        return try items.map { raw in
            let text = raw.trimmingCharacters(in: .whitespaces)
            guard text.count == 10, let date = JoinDate(text)?.date else {
                throw SettingsError.invalid(key: key, value: text, expected: "a list of dates YYYY-MM-DD, e.g. [\"2024-10-01\", \"2024-10-02\"]")
            }
            return date
        }
    }

    /// A local time `HH:MM`.
    private static func clockTime(_ reader: ConfigReader, _ key: String, _ fallback: String) throws -> (hour: Int, minute: Int) {
        let time = reader.string(forKey: ConfigKey(key), default: fallback)
        let shape = time.count == 5 && time.enumerated().allSatisfy { $0.offset == 2 ? $0.element == ":" : $0.element.isASCII && $0.element.isNumber }
        let parts = time.split(separator: ":").compactMap { Int($0) }
        guard shape, parts.count == 2, (0..<24).contains(parts[0]), (0..<60).contains(parts[1]) else {
            throw SettingsError.invalid(key: key, value: time, expected: "a local time HH:MM, e.g. \(fallback)")
        }
        return (parts[0], parts[1])
    }

    private static func percent(_ reader: ConfigReader, _ key: String, _ fallback: Int) throws -> Int {
        let value = try positive(reader, key, fallback)
        guard value <= 100 else { throw SettingsError.invalid(key: key, value: String(value), expected: "a whole number from 1 to 100") }
        return value
    }

    private static func positive(_ reader: ConfigReader, _ key: String, _ fallback: Int) throws -> Int {
        // A value that is there but is no whole number (an environment string "abc", a JSON string "300")
        // is an error, never silently replaced by the default.
        let value: Int
        if let number = reader.int(forKey: ConfigKey(key)) {
            value = number
        } else if let text = reader.string(forKey: ConfigKey(key)) {
            throw SettingsError.invalid(key: key, value: text, expected: "a positive whole number (in JSON, a number without quotes)")
        } else {
            value = fallback
        }
        guard value > 0 else { throw SettingsError.invalid(key: key, value: String(value), expected: "a positive whole number") }
        return value
    }
}
