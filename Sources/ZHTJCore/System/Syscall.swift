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
}
