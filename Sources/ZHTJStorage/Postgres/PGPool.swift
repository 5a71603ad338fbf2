import Foundation

/// A fixed number of libpq connections shared by the daemon's request threads: a caller borrows one for one
/// transaction and waits when all are busy. Connections open when first needed; one the server dropped is closed
/// and replaced by the next borrower.
final class PGPool: @unchecked Sendable {
    let url: String
    let size: Int
    private let condition = NSCondition()
    private var idle: [PGConnection] = []
    private var open = 0

    /// At least 2: the daily sweep holds one connection (its leadership lock) while its work borrows another.
    init(url: String, size: Int) {
        self.url = url
        self.size = max(size, 2)
    }

    func withConnection<T>(_ body: (PGConnection) throws -> T) throws -> T {
        let connection = try checkOut()
        defer { checkIn(connection) }
        return try body(connection)
    }

    private func checkOut() throws -> PGConnection {
        condition.lock()
        while idle.isEmpty && open >= size { condition.wait() }
        if let connection = idle.popLast() {
            condition.unlock()
            return connection
        }
        open += 1
        condition.unlock()
        do {
            return try PGConnection(url: url)
        } catch {
            condition.lock()
            open -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    private func checkIn(_ connection: PGConnection) {
        condition.lock()
        if connection.isHealthy { idle.append(connection) } else { open -= 1 }
        condition.signal()
        condition.unlock()
    }

    /// Closes the idle connections (at shutdown; a borrowed one closes when it is returned and dropped).
    func close() {
        condition.lock()
        open -= idle.count
        idle.removeAll()
        condition.unlock()
    }
}
