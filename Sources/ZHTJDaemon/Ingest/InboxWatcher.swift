import Foundation
import ZHTJFiles
import Logging
import ServiceLifecycle
import ZHTJIngest

/// The inbox watcher: inotify on `inbox/` and every org folder (the watch added before the scan), a full rescan at
/// start, on queue overflow and every `rescanSeconds`; or polling only (`ingest.polling`). A file is processed once it
/// has been stable (no events, same size and mtime) for `stabilitySeconds`. Between two files it checks for shutdown,
/// so SIGTERM never leaves a file half-done.
public final class InboxWatcher: Service {
    let pipeline: IngestPipeline
    let scanner: InboxScanner
    let settings: DaemonSettings
    let logger: Logger
    let tick: Duration

    public init(pipeline: IngestPipeline, inbox: String, settings: DaemonSettings, logger: Logger, tick: Duration = .milliseconds(250)) {
        self.pipeline = pipeline
        self.scanner = InboxScanner(inbox: inbox)
        self.settings = settings
        self.logger = logger
        self.tick = tick
    }

    struct Observation {
        var size: Int
        var modified: Int64
        var since: ContinuousClock.Instant
    }

    public func run() async throws {
        let clock = ContinuousClock()
        var inotify: Inotify? = nil
        if !settings.polling {
            do {
                inotify = try Inotify()
            } catch {
                logger.warning("inotify unavailable; polling the inbox instead", metadata: ["zhtj.error": "\(error)"])
            }
        }
        var watched = Set<String>()
        func watchFolders() {
            guard let inotify else { return }
            if !watched.contains("") { inotify.watch(RawPath(scanner.inbox)); watched.insert("") }
            for folder in scanner.folders() where !watched.contains(folder) {
                inotify.watch(RawPath(scanner.inbox + "/" + folder))
                watched.insert(folder)
            }
        }
        watchFolders()
        logger.notice("watching the inbox", metadata: [
            "zhtj.inbox": "\(scanner.inbox)", "zhtj.mode": "\(inotify == nil ? "polling" : "inotify")",
            "zhtj.stabilitySeconds": "\(settings.stabilitySeconds)",
        ])
        var waiting: [IngestPipeline.Entry: Observation] = [:]
        func rescan() {
            watchFolders()
            for entry in scanner.entries() where waiting[entry] == nil { note(entry) }
        }
        func note(_ entry: IngestPipeline.Entry) {
            let now = clock.now
            let seen = SafeFile.observe(pipeline.path(of: entry))
            waiting[entry] = Observation(size: seen?.size ?? -1, modified: seen?.modified ?? -1, since: now)
        }
        rescan()
        var lastRescan = clock.now
        let window = Duration.seconds(settings.stabilitySeconds)
        let pollEvery = Duration.seconds(inotify == nil ? min(settings.stabilitySeconds, 5) : settings.rescanSeconds)

        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            if let inotify {
                switch inotify.read() {
                case .overflow:
                    logger.warning("inotify queue overflow: rescanning the inbox")
                    rescan()
                case .events(let events):
                    for event in events {
                        let folderName = event.folder.bytes == Array(scanner.inbox.utf8) ? "" : String(decoding: event.folder.name, as: UTF8.self)
                        if event.isDirectory && folderName.isEmpty {
                            // A new org folder: watch it (the watch before its scan); no relisting of the whole inbox.
                            if let text = String(validating: event.name, as: UTF8.self), InboxNames.orgID(folder: text) != nil {
                                if !watched.contains(text), inotify.watch(RawPath(scanner.inbox + "/" + text)) { watched.insert(text) }
                                for entry in scanner.entries(in: text) where waiting[entry] == nil { note(entry) }
                            }
                            continue
                        }
                        if InboxNames.isPending(event.name) { continue }
                        note(.init(folder: folderName, name: event.name))
                    }
                }
            }
            if clock.now - lastRescan >= pollEvery {
                rescan()
                lastRescan = clock.now
            }
            // Stable entries are processed, oldest first, a few at a time (shutdown is checked between chunks).
            let now = clock.now
            var stable: [IngestPipeline.Entry] = []
            for (entry, seen) in waiting.sorted(by: { $0.value.since < $1.value.since }) {
                guard let current = SafeFile.observe(pipeline.path(of: entry)) else {
                    waiting[entry] = nil
                    continue
                }
                if current.size != seen.size || current.modified != seen.modified {
                    waiting[entry] = Observation(size: current.size, modified: current.modified, since: now)
                    continue
                }
                guard now - seen.since >= window else { continue }
                stable.append(entry)
            }
            var start = 0
            while start < stable.count, !Task.isShuttingDownGracefully {
                let chunk = Array(stable[start..<min(start + Self.chunk, stable.count)])
                for entry in chunk { waiting[entry] = nil }
                // A file another daemon holds is looked at again later: it leaves the inbox, or its lease runs out.
                for entry in await process(chunk) { note(entry) }
                start += chunk.count
            }
            try? await Task.sleep(for: tick)
        }
    }

    /// Files processed between two looks at shutdown: SIGTERM waits for at most this many (the one in hand finishes).
    static let chunk = 16

    /// The pipeline blocks (file I/O, the parser child), so it runs on its own serial queue, never on the
    /// cooperative threads that serve the socket.
    private let queue = DispatchQueue(label: "zhtj.ingest")

    /// Returns the files another daemon holds.
    private func process(_ entries: [IngestPipeline.Entry]) async -> [IngestPipeline.Entry] {
        let pipeline = self.pipeline, logger = self.logger
        return await withCheckedContinuation { (continuation: CheckedContinuation<[IngestPipeline.Entry], Never>) in
            queue.async {
                var elsewhere: [IngestPipeline.Entry] = []
                pipeline.process(entries) { entry, result in
                    switch result {
                    case .failure(let error): Self.logFailure(entry, error, logger)
                    case .success(.claimedElsewhere): elsewhere.append(entry)
                    case .success: break
                    }
                }
                continuation.resume(returning: elsewhere)
            }
        }
    }

    /// The file stays in the inbox and is tried again at the next rescan.
    private static func logFailure(_ entry: IngestPipeline.Entry, _ error: Error, _ logger: Logger) {
        logger.error("ingest failed; the file stays in the inbox", metadata: [
            "zhtj.file": "\(InboxNames.display(entry.name))", "zhtj.error": "\(error)",
        ])
    }

    /// `zhtjd --once`: processes what is in the inbox now, without a stability wait, and returns the results.
    public func processOnce() -> [IngestPipeline.Result] {
        var results: [IngestPipeline.Result] = []
        pipeline.process(scanner.entries()) { entry, result in
            switch result {
            case .success(let value): results.append(value)
            case .failure(let error): Self.logFailure(entry, error, logger)
            }
        }
        return results
    }
}
