import ArgumentParser
import Foundation
import Logging
import ZHTJDaemon
import ZHTJIngest

#if canImport(Glibc)
    import Glibc
#endif

/// `zhtjd`: the zhtj daemon. Thin: settings, logging, then the daemon's service group.
@main
struct ZHTJD: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zhtjd",
        abstract: "The zhtj daemon: the member database, its Unix socket and (later) the inbox watcher.",
        discussion: "Settings come from the command line, then ZHTJD_* environment variables, then the JSON config file; see docs/configuration.md.")

    @Option(help: "The storage root (db/, inbox/, archive/, run/ …). Default: ./Storage")
    var storage: String?

    @Option(help: "The per-host runtime folder (socket, instance lock). Default: STORAGE/run")
    var runtime: String?

    @Option(help: "The JSON config file. Default: Config/zhtjd.json, if present.")
    var config: String?

    @Option(help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String?

    @Flag(help: "Process what is in the inbox now, then exit (for cron and benchmarks).")
    var once = false

    @Option(parsing: .upToNextOption, help: "Read PDF files as the inbox would (checks left out) and print what page 1 gives, as JSON lines, then exit.")
    var readPdf: [String] = []

    @Flag(help: .hidden) var probePdf = false
    @Option(help: .hidden) var probeMemoryMb: Int = 1024
    @Option(help: .hidden) var probeCpuSeconds: Int = 20
    @Option(help: .hidden) var probeOcr: Bool = true
    @Option(help: .hidden) var probeOcrSeconds: Int = 8

    func run() async throws {
        if probePdf {
            // The parser child (see PDFProbeRunner): limits itself, then reads PDFs on stdin and answers each in JSON.
            throw ExitCode(PDFProbeChild.run(memoryMB: probeMemoryMb, cpuSeconds: probeCpuSeconds, ocr: probeOcr, ocrSeconds: probeOcrSeconds))
        }
        if !readPdf.isEmpty {
            // A diagnostic for operators (and the scan benchmark): what the parser child reads off each file.
            throw ExitCode(PDFProbeRunner(executable: PDFProbeRunner.selfExecutable).readFiles(readPdf))
        }
        // A parser child that dies must not kill the daemon through a broken pipe.
        signal(SIGPIPE, SIG_IGN)
        // Connections, the database and the parser children all need descriptors: raise the soft limit to the hard one.
        var files = rlimit()
        if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &files) == 0, files.rlim_cur < files.rlim_max {
            files.rlim_cur = files.rlim_max
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &files)
        }
        var overrides: [String: String] = [:]
        if let storage { overrides["storage.root"] = storage }
        if let runtime { overrides["runtime.dir"] = runtime }
        if let logLevel { overrides["log.level"] = logLevel }
        do {
            let settings = try await DaemonSettings.load(configFile: config, overrides: overrides)
            ReloadableLogLevel.level = settings.logLevel
            LoggingSystem.bootstrap { ReloadableLogHandler(label: $0) }
            let logger = Logger(label: "zhtjd")
            let daemon = try Daemon(settings: settings, logger: logger, configFile: config, overrides: overrides)
            if once {
                let results = try daemon.runOnce()
                // The daemon's own peak memory (the parser children's is apart), for the benchmark.
                let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
                let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }.map { String($0.dropFirst(6)).trimmingCharacters(in: .whitespaces) } ?? "?"
                logger.notice("inbox processed", metadata: [
                    "zhtj.files": "\(results.count)", "zhtj.peakMemory": "\(peak)", "zhtj.parserPeakMemory": "\(daemon.parserPeakMemoryKB) kB",
                ])
                return
            }
            try await daemon.run()
            logger.notice("stopped")
        } catch {
            FileHandle.standardError.write(Data("zhtjd: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
