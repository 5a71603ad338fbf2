import Testing
import ZHTJCore

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct SyscallTests {
    // An interrupted call is tried again; the first other result, a success or another failure, is returned.
    @Test func retriesOnlyWhileInterrupted() {
        var calls = 0
        let n = Syscall.retrying { () -> Int in
            calls += 1
            guard calls < 3 else { return 7 }
            errno = EINTR
            return -1
        }
        #expect(n == 7)
        #expect(calls == 3)

        calls = 0
        let failed = Syscall.retrying { () -> Int32 in
            calls += 1
            errno = EAGAIN
            return -1
        }
        #expect(failed == -1)
        #expect(errno == EAGAIN)
        #expect(calls == 1)
    }
}
