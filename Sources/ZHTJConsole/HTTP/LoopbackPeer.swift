import Foundation

/// Which user's program holds the other end of a loopback TCP connection: the kernel's socket tables
/// (`/proc/net/tcp`, `/proc/net/tcp6`) name the uid of every socket, so a login link opened over loopback can be
/// held to the user who asked for it, as the socket holds a credential to its uid (SO_PEERCRED).
enum LoopbackPeer {
    /// The uid owning the TCP socket whose local port is `peerPort` and remote port `serverPort`; nil when no such
    /// socket is in the tables (the peer is on another machine).
    static func uid(peerPort: Int, serverPort: Int, tables: [String] = ["/proc/net/tcp", "/proc/net/tcp6"]) -> UInt32? {
        for table in tables {
            // Read to the end: procfs reports a size of 0, and a busy table is longer than one page.
            guard let handle = FileHandle(forReadingAtPath: table), let data = try? handle.readToEnd() else { continue }
            try? handle.close()
            let text = String(decoding: data, as: UTF8.self)
            if let uid = uid(in: text, peerPort: peerPort, serverPort: serverPort) { return uid }
        }
        return nil
    }

    /// The same, in one table's text: `sl local_address rem_address st … uid …`, addresses as `HEXIP:HEXPORT`.
    static func uid(in table: String, peerPort: Int, serverPort: Int) -> UInt32? {
        for line in table.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count > 7 else { continue }
            guard port(fields[1]) == peerPort, port(fields[2]) == serverPort else { continue }
            return UInt32(fields[7])
        }
        return nil
    }

    static func port(_ address: Substring) -> Int? {
        guard let colon = address.lastIndex(of: ":") else { return nil }
        return Int(address[address.index(after: colon)...], radix: 16)
    }
}
