import Foundation
import ZHTJCore

#if canImport(Glibc)
    import Glibc
#endif

/// The parser child's side (`zhtjd --probe-pdf`): limits itself (address space, no core file) before it reads a byte
/// of untrusted input, then serves one PDF after another until its stdin closes. Each request is an 8-byte
/// little-endian length and the file's bytes; each answer a 4-byte little-endian length and one JSON object
/// (`PDFProbeResult`). Before each file the CPU limit is moved to "the CPU used so far + `cpuSeconds`", so the limit
/// is per file although the child lives for many (SIGXCPU ends it; the daemon starts a new one).
public enum PDFProbeChild {
    public static func run(memoryMB: Int, cpuSeconds: Int, ocr: Bool = true, ocrSeconds: Int = 8) -> Int32 {
        limit(Int32(RLIMIT_CORE.rawValue), 0)
        limit(Int32(RLIMIT_AS.rawValue), rlim_t(memoryMB) * 1024 * 1024)
        let encoder = JSONEncoder()
        // Loaded once for all the files this child serves (Tesseract's models on first use).
        let scanner = ScanReader(ocr: ocr, ocrSeconds: Double(ocrSeconds))
        while true {
            var header = [UInt8](repeating: 0, count: 8)
            guard readExactly(&header) else { return 0 }  // stdin closed: the daemon is done with this child
            let count = header.withUnsafeBytes { Int(UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self))) }
            guard count >= 0, count <= 64 << 20 else { return 2 }
            var bytes = [UInt8](repeating: 0, count: count)
            guard readExactly(&bytes) else { return 2 }
            limitCPU(seconds: cpuSeconds)
            var result = Poppler.probe(bytes, scanner: scanner)
            bytes = []
            result.childPeakKB = peakKB()
            guard let json = try? encoder.encode(result) else { return 3 }
            var frame = withUnsafeBytes(of: UInt32(json.count).littleEndian) { Array($0) }
            frame += json
            guard writeAll(frame) else { return 0 }
        }
    }

    /// The soft CPU limit, moved to what this process has used so far plus `seconds` (never above the hard limit).
    private static func limitCPU(seconds: Int) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let used = Int(usage.ru_utime.tv_sec) + Int(usage.ru_stime.tv_sec) + 1
        var current = rlimit()
        getrlimit(Int32(RLIMIT_CPU.rawValue), &current)
        var l = rlimit(rlim_cur: min(rlim_t(used + seconds), current.rlim_max), rlim_max: current.rlim_max)
        _ = setrlimit(Int32(RLIMIT_CPU.rawValue), &l)
    }

    /// VmHWM from /proc/self/status, in kB.
    private static func peakKB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
    }

    private static func limit(_ resource: Int32, _ value: rlim_t) {
        var l = rlimit(rlim_cur: value, rlim_max: value)
        _ = setrlimit(resource, &l)
    }

    private static func readExactly(_ buffer: inout [UInt8]) -> Bool {
        var done = 0
        let count = buffer.count
        while done < count {
            let n = Syscall.retrying { buffer.withUnsafeMutableBytes { read(0, $0.baseAddress! + done, count - done) } }
            if n <= 0 { return false }
            done += n
        }
        return true
    }

    private static func writeAll(_ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = Syscall.retrying { bytes.withUnsafeBytes { write(1, $0.baseAddress! + done, bytes.count - done) } }
            if n <= 0 { return false }
            done += n
        }
        return true
    }
}
