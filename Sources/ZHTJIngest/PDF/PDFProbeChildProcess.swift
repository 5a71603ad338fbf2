import Foundation
import ZHTJCore

#if canImport(Glibc)
    import Glibc
#endif

/// One running parser child and its two pipes, seen from the daemon. Every read and write waits at most until the
/// file's deadline (poll on non-blocking descriptors), so a child that stops reading or answering cannot block ingest.
final class PDFProbeChildProcess {
    private let process: Process
    private let input: FileHandle
    private let output: FileHandle
    private let exited = DispatchSemaphore(value: 0)
    private var reaped = false
    var served = 0

    enum Exchange {
        case answer([UInt8])
        case timedOut
        /// The child closed its end: it crashed, hit a limit or exited.
        case closed
    }

    init(executable: String, arguments: [String]) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        // One OpenMP thread: Tesseract would start one per core for each page (we run files side by side instead).
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "OMP_THREAD_LIMIT": "1"]
        let toChild = Pipe(), fromChild = Pipe()
        process.standardInput = toChild
        process.standardOutput = fromChild
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        let exited = self.exited
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        input = toChild.fileHandleForWriting
        output = fromChild.fileHandleForReading
        try? toChild.fileHandleForReading.close()
        try? fromChild.fileHandleForWriting.close()
        for fd in [input.fileDescriptor, output.fileDescriptor] {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
    }

    /// Sends one request frame and reads one answer frame (4-byte length, then the body).
    func exchange(_ frame: [UInt8], deadline: DispatchTime) -> Exchange {
        switch send(frame, deadline: deadline) {
        case .timedOut: return .timedOut
        case .closed: return .closed
        case .done: break
        }
        var header = [UInt8](repeating: 0, count: 4)
        switch receive(&header, deadline: deadline) {
        case .timedOut: return .timedOut
        case .closed: return .closed
        case .done: break
        }
        let count = header.withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self))) }
        // A child that claims more than any answer can be is broken or subverted: never allocate what it claims.
        guard count <= Self.maxAnswerBytes else { return .closed }
        var body = [UInt8](repeating: 0, count: count)
        switch receive(&body, deadline: deadline) {
        case .timedOut: return .timedOut
        case .closed: return .closed
        case .done: return .answer(body)
        }
    }

    /// The largest answer a child may send (page 1's text and a scan reading are far smaller).
    static let maxAnswerBytes = 16 << 20

    /// Ends the child now and reaps it.
    func kill() { end(waitingSeconds: 0) }

    /// Closes its input (it exits at the end of its input) and reaps it; a child that does not exit within 5 s is killed.
    func stop() { end(waitingSeconds: 5) }

    /// Why the child ended, after its pipe closed ("signal 11", "exit status 2").
    func exitDescription() -> String {
        end(waitingSeconds: 5)
        return process.terminationReason == .uncaughtSignal ? "signal \(process.terminationStatus)" : "exit status \(process.terminationStatus)"
    }

    /// The one way a child ends: its input closed, up to `waitingSeconds` for it to exit, SIGKILL if it has not,
    /// reaped, its output closed. Repeating it does nothing more.
    private func end(waitingSeconds: Double) {
        try? input.close()
        if !reaped {
            if exited.wait(timeout: .now() + waitingSeconds) == .timedOut {
                Glibc.kill(process.processIdentifier, SIGKILL)
                exited.wait()
            }
            reaped = true
        }
        try? output.close()
    }

    private enum Step { case done, timedOut, closed }

    private func send(_ bytes: [UInt8], deadline: DispatchTime) -> Step {
        var done = 0
        while done < bytes.count {
            let n = Syscall.retrying { bytes.withUnsafeBytes { write(input.fileDescriptor, $0.baseAddress! + done, bytes.count - done) } }
            if n > 0 {
                done += n
                continue
            }
            guard n < 0, errno == EAGAIN else { return .closed }
            guard wait(for: input.fileDescriptor, events: Int16(POLLOUT), deadline: deadline) else { return .timedOut }
        }
        return .done
    }

    private func receive(_ buffer: inout [UInt8], deadline: DispatchTime) -> Step {
        var done = 0
        let count = buffer.count
        while done < count {
            let n = Syscall.retrying { buffer.withUnsafeMutableBytes { read(output.fileDescriptor, $0.baseAddress! + done, count - done) } }
            if n > 0 {
                done += n
                continue
            }
            if n == 0 { return .closed }
            guard errno == EAGAIN else { return .closed }
            guard wait(for: output.fileDescriptor, events: Int16(POLLIN), deadline: deadline) else { return .timedOut }
        }
        return .done
    }

    /// Waits until `fd` is ready (or closed: poll reports that as ready too); false when the deadline passed.
    private func wait(for fd: Int32, events: Int16, deadline: DispatchTime) -> Bool {
        var passed = false
        while true {
            // Each try, an interrupted one too, waits only for what is left until the deadline.
            let ready = Syscall.retrying { () -> Int32 in
                let now = DispatchTime.now()
                guard now < deadline else {
                    passed = true
                    return 0
                }
                let milliseconds = Int32(min((deadline.uptimeNanoseconds - now.uptimeNanoseconds) / 1_000_000 + 1, 60_000))
                var entry = pollfd(fd: fd, events: events, revents: 0)
                return poll(&entry, 1, milliseconds)
            }
            if passed { return false }
            if ready != 0 { return true }  // ready, or an error: let the next read or write report it
        }
    }
}
