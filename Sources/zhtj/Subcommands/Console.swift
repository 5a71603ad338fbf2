import ArgumentParser
import Foundation
import ZHTJClient
import ZHTJCore

extension ZHTJ {
    struct Console: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "浏览器审核控制台 / Open the review console in a browser: a one-time link, valid 5 minutes, no password.",
            discussion: """
                Asks zhtjd (over its socket, with your credential) for a link that opens one session in a browser. \
                Where a desktop is present the link is opened with xdg-open; --no-open only prints it. A session ends \
                after 30 minutes without use, with its Log out button, or with --logout-all.
                """)

        @Flag(help: "Only print the link; do not start a browser.") var noOpen = false
        @Flag(help: "End every console session (and unused link) of yours, e.g. after leaving a shared computer.") var logoutAll = false
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                if logoutAll {
                    let (r, json) = try global.send(API.ConsoleLogoutAll.self, NoParams())
                    try global.emit(json) { "已结束 \(r.sessions) 个会话、\(r.links) 个未用链接 / ended \(r.sessions) sessions and \(r.links) unused links" }
                    return
                }
                let (link, json) = try global.send(API.ConsoleLink.self, NoParams())
                try global.emit(json) {
                    var text = "在浏览器中打开（5 分钟内有效，只能用一次）/ open in a browser (valid 5 minutes, once):\n\(link.url)"
                    if link.url.hasPrefix("/") {
                        text += "\n控制台在 Unix 套接字 \(link.listen) 上，设置 console.url 后链接才完整 / the console listens on the socket \(link.listen): set console.url (the reverse proxy's address) for a full link"
                    }
                    return text
                }
                if !noOpen, !link.url.hasPrefix("/"), Self.hasDesktop, let opener = Self.which("xdg-open") {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: opener)
                    process.arguments = [link.url]
                    process.standardOutput = FileHandle.nullDevice
                    process.standardError = FileHandle.nullDevice
                    try? process.run()
                }
            }
        }

        static var hasDesktop: Bool {
            let env = ProcessInfo.processInfo.environment
            return !(env["DISPLAY"] ?? "").isEmpty || !(env["WAYLAND_DISPLAY"] ?? "").isEmpty
        }

        static func which(_ name: String) -> String? {
            for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
                let path = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
            return nil
        }
    }
}
