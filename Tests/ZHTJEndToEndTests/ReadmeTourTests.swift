import Foundation
import Testing
import ZHTJTestSupport

/// README's tour, run exactly as written: the shell between `<!-- tour:begin -->` and `<!-- tour:end -->`,
/// with the CLI on PATH, against a real daemon whose storage is `./Storage`.
@Suite struct ReadmeTourTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func tourScript() throws -> String {
        let readme = try String(contentsOfFile: repository + "/README.md", encoding: .utf8)
        guard let begin = readme.range(of: "<!-- tour:begin -->"), let end = readme.range(of: "<!-- tour:end -->") else {
            throw TestFailure("README.md has no tour markers")
        }
        return readme[begin.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("```") }.joined(separator: "\n")
    }

    @Test func tourWorksAsWritten() throws {
        let daemon = try TestDaemon()
        try FileManager.default.createDirectory(atPath: daemon.root + "/Config", withIntermediateDirectories: true)
        for file in ["members-example.csv", "sample-application.pdf"] {
            try FileManager.default.copyItem(atPath: Self.repository + "/Config/" + file, toPath: daemon.root + "/Config/" + file)
        }
        try daemon.start()
        var env = daemon.environment
        env["PATH"] = Binaries.folder + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        // `zhtj console` only prints its link here: no desktop to open it in.
        env["DISPLAY"] = nil
        env["WAYLAND_DISPLAY"] = nil
        let result = try runProgram("/bin/bash", ["-euo", "pipefail", "-c", try Self.tourScript()], environment: env, currentDirectory: daemon.root)
        #expect(result.status == 0, "\(result.combined)")
        #expect(result.stdout.contains("注册成功 / registered: 王芳"))
        #expect(result.stdout.contains("imported: 3"))
        #expect(result.stdout.contains("王小明"))
        // The dropped form was archived for 王小明 and left the inbox.
        #expect(result.stdout.contains("电子档案 e-archive:"))
        #expect(result.stdout.contains("sample-application.pdf"))
        #expect(!FileManager.default.fileExists(atPath: daemon.storage + "/inbox/0003-计算机专业2023级3班团支部/sample-application.pdf"))
        // The committee's admin approved it: 王小明 is authenticated.
        #expect(result.stdout.contains("已通过 / approved: 王小明"))
        #expect(result.stdout.contains("已认证 authenticated"))
        #expect(FileManager.default.fileExists(atPath: daemon.root + "/.config/zhtj/credentials"))
        // Step 8: the console's link opens a session once.
        let link = try #require(result.stdout.components(separatedBy: "\n").first { $0.hasPrefix("http://") && $0.contains("/login?token=") })
        let opened = try HTTPProbe.send("GET", link)
        #expect(opened.status == 303 && opened.headers["set-cookie"]?.contains("HttpOnly") == true, "\(opened.status)")
    }
}
