import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the poppler probe in a child process (`zhtjd --probe-pdf`) so that a crash, a hang or a memory blow-up
/// in the parser cannot take the daemon down: the child limits its own memory and CPU, and a wall clock kills it.
public struct PDFProbeRunner: Sendable {
    public let executable: String
    public let memoryMB: Int
    public let cpuSeconds: Int
    public let wallSeconds: Double

    public enum Failure: Error, Equatable, Sendable {
        /// Killed by a signal or exited badly: a crash, or the memory limit.
        case crashed(String)
        /// The wall clock ran out.
        case timedOut(Double)
        case cannotStart(String)
    }

    public init(executable: String, memoryMB: Int = 1024, cpuSeconds: Int = 20, wallSeconds: Double = 30) {
        self.executable = executable
        self.memoryMB = memoryMB
        self.cpuSeconds = cpuSeconds
        self.wallSeconds = wallSeconds
    }

    /// This process's own executable (the child is the same `zhtjd`).
    public static var selfExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// A child that exits before reading all of its input must not kill this process with SIGPIPE: writes to a
    /// closed pipe then fail with EPIPE instead. Set once, for the whole process.
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    public func probe(_ bytes: [UInt8]) -> Result<PDFProbeResult, Failure> {
        Self.ignoreBrokenPipes
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--probe-pdf", "--probe-memory-mb", String(memoryMB), "--probe-cpu-seconds", String(cpuSeconds)]
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return .failure(.cannotStart("\(error)"))
        }
        let pid = process.processIdentifier
        // Feed and drain on other threads; the wall clock is watched here.
        nonisolated(unsafe) var out = Data()
        let io = DispatchGroup()
        io.enter()
        DispatchQueue.global().async {
            let writer = input.fileHandleForWriting
            bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = write(writer.fileDescriptor, raw.baseAddress! + offset, min(65536, raw.count - offset))
                    if n <= 0 { if errno == EINTR { continue }; break }
                    offset += n
                }
            }
            try? writer.close()
            io.leave()
        }
        io.enter()
        DispatchQueue.global().async {
            out = output.fileHandleForReading.readDataToEndOfFile()
            io.leave()
        }
        if finished.wait(timeout: .now() + wallSeconds) == .timedOut {
            kill(pid, SIGKILL)
            finished.wait()
            io.wait()
            return .failure(.timedOut(wallSeconds))
        }
        io.wait()
        if process.terminationReason == .uncaughtSignal {
            return .failure(.crashed("signal \(process.terminationStatus)"))
        }
        guard process.terminationStatus == 0, let result = try? JSONDecoder().decode(PDFProbeResult.self, from: out) else {
            return .failure(.crashed("exit status \(process.terminationStatus)"))
        }
        return .success(result)
    }
}
