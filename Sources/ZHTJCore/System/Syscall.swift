#if canImport(Glibc)
    import Glibc
#endif

/// The one place a system call interrupted by a signal is retried. (The only I/O helper in the core: every target
/// that makes system calls imports the core, and this touches nothing but `errno`.)
public enum Syscall {
    /// Calls `body` until it does not fail with `EINTR`, and returns its first other result. A failure (a negative
    /// result) leaves `errno` as the call set it, for the caller to read.
    ///
    ///     let n = Syscall.retrying { read(fd, buffer, count) }
    @inlinable
    public static func retrying<Result: SignedInteger>(_ body: () throws -> Result) rethrows -> Result {
        while true {
            let result = try body()
            if result < 0, errno == EINTR { continue }
            return result
        }
    }

    /// Writes all of `bytes` to `fd`, retrying after `EINTR` and after short writes; false on failure, with `errno`
    /// as the failing call set it (`EIO` for a write that made no progress).
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = retrying { bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, bytes.count - done) } }
            if n == 0 { errno = EIO }
            if n <= 0 { return false }
            done += n
        }
        return true
    }
}
