import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The parser child's side: limits itself (address space, CPU, no core file) before it reads a byte of the
/// untrusted PDF from stdin, probes it with poppler and writes one JSON object to stdout.
public enum PDFProbeChild {
    public static func run(memoryMB: Int, cpuSeconds: Int) -> Int32 {
        limit(Int32(RLIMIT_CORE.rawValue), 0)
        limit(Int32(RLIMIT_CPU.rawValue), rlim_t(cpuSeconds))
        limit(Int32(RLIMIT_AS.rawValue), rlim_t(memoryMB) * 1024 * 1024)
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let result = Poppler.probe(Array(input))
        guard let json = try? JSONEncoder().encode(result) else { return 3 }
        FileHandle.standardOutput.write(json)
        return 0
    }

    private static func limit(_ resource: Int32, _ value: rlim_t) {
        var l = rlimit(rlim_cur: value, rlim_max: value)
        _ = setrlimit(resource, &l)
    }
}
