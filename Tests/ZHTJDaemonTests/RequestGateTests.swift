import Foundation
import NIOConcurrencyHelpers
import Testing
@testable import ZHTJDaemon

/// The request gate (issue 12: requests no longer start a thread each): never more than its limit at once, every
/// piece of work run to its end, and its result returned to the one who asked.
@Suite struct RequestGateTests {
    @Test(arguments: [1, 3])
    func neverMoreThanTheLimitAndEveryRequestAnswered(limit: Int) async {
        let gate = RequestGate(limit: limit)
        let counts = NIOLockedValueBox((now: 0, most: 0))
        let results = await withTaskGroup(of: Int.self) { group in
            for i in 0..<40 {
                group.addTask {
                    await gate.run {
                        counts.withLockedValue { $0.now += 1; $0.most = max($0.most, $0.now) }
                        usleep(2000)
                        counts.withLockedValue { $0.now -= 1 }
                        return i * 2
                    }
                }
            }
            var all: [Int] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.sorted() == (0..<40).map { $0 * 2 })
        #expect((1...limit).contains(counts.withLockedValue { $0.most }))
        #expect(counts.withLockedValue { $0.now } == 0)
    }
}
