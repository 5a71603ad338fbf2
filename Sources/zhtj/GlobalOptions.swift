import ArgumentParser
import Foundation
import ZHTJClient
import ZHTJCore

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(help: "The daemon's socket. Default: ZHTJ_SOCKET, the credentials file's, or ./Storage/run/zhtjd.sock.")
    var socket: String?

    @Option(help: "The credentials file. Default: ZHTJ_CREDENTIALS or ~/.config/zhtj/credentials.")
    var credentials: String?

    @Flag(help: "Print JSON instead of text (no reminder banner).")
    var json = false

    @Flag(help: "Leave out the reminder banner.")
    var quiet = false

    var credentialsPath: String { Credentials.path(option: credentials) }

    /// The stored credentials; with `required`, their absence is an error.
    func loadCredentials(required: Bool) throws -> Credentials? {
        let found = try Credentials.load(path: credentialsPath)
        if required, found == nil { throw ClientError.noCredentials(path: credentialsPath) }
        return found
    }

    func socketPath(_ credentials: Credentials?) -> String {
        if let socket, !socket.isEmpty { return socket }
        if let env = ProcessInfo.processInfo.environment["ZHTJ_SOCKET"], !env.isEmpty { return env }
        if let credentials { return credentials.socket }
        return FileManager.default.currentDirectoryPath + "/Storage/run/zhtjd.sock"
    }

    /// Sends one command as the stored admin (or with no credential) and returns its result. A credential file
    /// must exist for the commands that need one; `anonymous` sends none even when a file exists (register).
    func send<C: ZHTJCommand>(_ command: C.Type, _ params: C.Params, anonymous: Bool = false) throws -> (result: C.Result, json: ReplyJSON) {
        let stored = anonymous ? nil : try loadCredentials(required: C.access == .admin)
        let client = try SocketClient(path: socketPath(stored))
        // Like the web system's prompt at login: open items first, on stderr so output stays clean (R-E10); for the
        // operator, backups missing for more than two days (issue 14).
        if !anonymous, !json, !quiet, C.name != API.Reminders.name,
            let banner = try? client.send(API.RemindersBanner.self, NoParams(), credential: stored?.credential).result
        {
            for line in [banner.line, banner.operatorLine].compactMap({ $0 }) { FileHandle.standardError.write(Data("⚑ \(line)\n".utf8)) }
        }
        return try client.send(command, params, credential: stored?.credential)
    }

    /// Prints JSON (with --json) or the text `render` makes.
    func emit(_ json: ReplyJSON, _ render: () -> String) throws {
        if self.json {
            print(String(decoding: try json.pretty(), as: UTF8.self))
        } else {
            print(render())
        }
    }
}

/// Runs a command body: errors become one line on stderr and exit status 1, never a stack trace.
func guarded(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ClientError {
        FileHandle.standardError.write(Data("错误 error: \(error)\n".utf8))
        throw ExitCode(error.serverCode == nil ? 2 : 1)
    } catch let error as ZHTJError {
        FileHandle.standardError.write(Data("错误 error: \(error)\n".utf8))
        throw ExitCode(1)
    }
}

/// Reads a table file for an import; too large a file is refused before it is sent.
func readTable(_ file: String) throws -> Data {
    let data: Data
    do {
        data = try Data(contentsOf: URL(fileURLWithPath: file))
    } catch {
        throw ClientError.cannotRead(path: file, detail: (error as NSError).localizedDescription)
    }
    guard data.count <= ClientError.importLimit else { throw ClientError.tooLarge(path: file, bytes: data.count) }
    return data
}

enum Format {
    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    static func yesNo(_ value: Bool) -> String { value ? "是 yes" : "否 no" }

    static func org(_ org: OrgSummary) -> String { "\(org.fullName) (\(org.displayID))" }

    /// Where a number came from, e.g. "OCR 96%" (a number read by OCR deserves a second look), "QR", "text".
    static func source(_ source: String?, confidence: Int?) -> String {
        guard let source else { return "—" }
        switch source {
        case "ocr": return "OCR" + (confidence.map { " \($0)%" } ?? "")
        case "qr": return "QR"
        case "barcode": return "条码 barcode"
        default: return source
        }
    }

    /// A page count; a scan that starts with a cover sheet printed by `zhtj labels --cover` shows "cover + N".
    static func pages(_ pages: Int, cover: Bool) -> String {
        cover ? "封面 cover + \(max(0, pages - 1))" : String(pages)
    }
}
