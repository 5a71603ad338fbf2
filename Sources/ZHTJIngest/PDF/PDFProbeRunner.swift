import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the poppler probe in a child process (`zhtjd --probe-pdf`) so that a crash, a hang or a memory blow-up in the
/// parser cannot take the daemon down: the child limits its own memory and CPU (per file), and a wall clock per file
/// kills it. The child lives for many files (`filesPerChild`), fed over a pipe (see `PDFProbeChild` for the framing);
/// after a crash, a kill or its quota of files, the next file starts a new one. Thread-safe: one file at a time.
public final class PDFProbeRunner: @unchecked Sendable {
    public let executable: String
    public let memoryMB: Int
    public let cpuSeconds: Int
    public let wallSeconds: Double
    public let filesPerChild: Int
    /// Whether the child reads page 1's image with OCR when it has neither a text-layer number nor a code.
    public let ocr: Bool
    /// The time OCR may spend on one page.
    public let ocrSeconds: Int

    public enum Failure: Error, Equatable, Sendable {
        /// Killed by a signal or exited badly: a crash, or the memory or CPU limit.
        case crashed(String)
        /// The wall clock ran out.
        case timedOut(Double)
        case cannotStart(String)
    }

    public init(executable: String, memoryMB: Int = 1024, cpuSeconds: Int = 20, wallSeconds: Double = 30, filesPerChild: Int = 1000, ocr: Bool = true, ocrSeconds: Int = 8) {
        self.ocr = ocr
        self.ocrSeconds = ocrSeconds
        self.executable = executable
        self.memoryMB = memoryMB
        self.cpuSeconds = cpuSeconds
        self.wallSeconds = wallSeconds
        self.filesPerChild = max(1, filesPerChild)
    }

    deinit { child?.stop() }

    /// This process's own executable (the child is the same `zhtjd`).
    public static var selfExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// The largest peak memory (kB) any parser child reported.
    public var childPeakKB: Int { lock.withLock { peakKB } }

    /// How many children this runner has started (a new one after each crash, kill or quota).
    public var childrenStarted: Int { lock.withLock { started } }

    /// A child that exits before reading all of its input must not kill this process with SIGPIPE: writes to a
    /// closed pipe then fail with EPIPE instead. Set once, for the whole process.
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    private let lock = NSLock()
    private var child: PDFProbeChildProcess?
    private var started = 0
    private var peakKB = 0

    public func probe(_ bytes: [UInt8]) -> Result<PDFProbeResult, Failure> {
        Self.ignoreBrokenPipes
        return lock.withLock { probeLocked(bytes) }
    }

    private func probeLocked(_ bytes: [UInt8]) -> Result<PDFProbeResult, Failure> {
        let current: PDFProbeChildProcess
        if let child {
            current = child
        } else {
            do {
                current = try PDFProbeChildProcess(
                    executable: executable,
                    arguments: ["--probe-pdf", "--probe-memory-mb", String(memoryMB), "--probe-cpu-seconds", String(cpuSeconds), "--probe-ocr", String(ocr), "--probe-ocr-seconds", String(ocrSeconds)])
            } catch {
                return .failure(.cannotStart("\(error)"))
            }
            child = current
            started += 1
        }
        let deadline = DispatchTime.now() + wallSeconds
        var frame = withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { Array($0) }
        frame += bytes
        let answer: [UInt8]
        switch current.exchange(frame, deadline: deadline) {
        case .answer(let bytes):
            answer = bytes
        case .timedOut:
            current.kill()
            child = nil
            return .failure(.timedOut(wallSeconds))
        case .closed:
            child = nil
            return .failure(.crashed(current.exitDescription()))
        }
        current.served += 1
        if current.served >= filesPerChild {
            current.stop()
            child = nil
        }
        guard let result = try? JSONDecoder().decode(PDFProbeResult.self, from: Data(answer)) else {
            current.kill()
            child = nil
            return .failure(.crashed("the parser's answer could not be read"))
        }
        peakKB = max(peakKB, result.childPeakKB ?? 0)
        return .success(result)
    }

    /// `zhtjd --read-pdf FILE…`: each file read by a parser child as the inbox would (the checks before it left out),
    /// one JSON line each (`{"file":…,"result":…}`). For operators and the scan benchmark. Returns 1 if a file cannot
    /// be read or the child failed on it.
    public func readFiles(_ paths: [String]) -> Int32 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        struct Line: Encodable {
            var file: String
            var result: PDFProbeResult?
            var failure: String?
        }
        var status: Int32 = 0
        for path in paths {
            var line = Line(file: path)
            if let data = FileManager.default.contents(atPath: path) {
                switch probe([UInt8](data)) {
                case .success(let result): line.result = result
                case .failure(let failure):
                    line.failure = "\(failure)"
                    status = 1
                }
            } else {
                line.failure = "cannot read the file"
                status = 1
            }
            if let json = try? encoder.encode(line) { print(String(decoding: json, as: UTF8.self)) }
        }
        return status
    }
}
