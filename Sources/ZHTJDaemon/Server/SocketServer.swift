import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import ServiceLifecycle
import ZHTJBackup
import ZHTJCore

#if canImport(Glibc)
    import Glibc
#endif

/// The Unix socket service: newline-delimited JSON, one response per request line, the peer's uid from SO_PEERCRED.
/// One connection's failure never takes the server down. On graceful shutdown it stops accepting,
/// answers the requests in hand and closes.
public struct SocketServer: Service {
    let path: String
    let handler: RequestHandler
    let logger: Logger
    let groupID: gid_t?
    let idleTimeout: TimeAmount
    let maxConnections: Int
    /// How many requests run at once (`socket.requestThreads`): SQLite and file work blocks, so requests run off the
    /// cooperative threads, through a `RequestGate`; a burst beyond this waits its turn instead of starting a thread
    /// each. More than the cores, as a request may wait on the disk, the database's busy timeout or a hook.
    let requestThreads: Int

    public init(
        path: String, handler: RequestHandler, logger: Logger, groupID: gid_t?, idleTimeoutSeconds: Int, maxConnections: Int,
        requestThreads: Int = 16
    ) {
        self.maxConnections = maxConnections
        self.requestThreads = max(1, requestThreads)
        self.path = path
        self.handler = handler
        self.logger = logger
        self.groupID = groupID
        self.idleTimeout = .seconds(Int64(idleTimeoutSeconds))
    }

    public func run() async throws {
        try await listen(gate: RequestGate(limit: requestThreads))
    }

    private func listen(gate: RequestGate) async throws {
        let idle = idleTimeout
        // The lock is held, so a socket file left by a killed daemon is stale: remove it.
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true) { channel in
                PeerCredentials.of(channel).flatMapThrowing { peer in
                    try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: idle))
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineFrameDecoder(maxLength: ProtocolCoding.maxRequestBytes)))
                    try channel.pipeline.syncOperations.addHandler(IdleCloser())
                    let async = try NIOAsyncChannel<Frame, ByteBuffer>(wrappingChannelSynchronously: channel)
                    return Connection(channel: async, peer: peer)
                }
            }
        if let groupID, chown(path, uid_t.max, groupID) != 0 {
            throw StorageLayout.LayoutError.cannotChangeGroup(path: path, errno: errno)
        }
        guard chmod(path, 0o660) == 0 else { throw StorageLayout.LayoutError.cannotCreate(path: path, errno: errno) }
        logger.notice("listening", metadata: ["zhtj.socket": "\(path)"])

        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                try await server.executeThenClose { inbound in
                    let active = NIOLockedValueBox(0)
                    for try await connection in inbound {
                        // Bounded: past `socket.maxConnections` a connection is told so and closed at once.
                        let admitted = active.withLockedValue { count -> Bool in
                            guard count < maxConnections else { return false }
                            count += 1
                            return true
                        }
                        guard admitted else {
                            group.addTask { await self.refuseBusy(connection) }
                            continue
                        }
                        group.addTask {
                            await self.serve(connection, gate: gate)
                            active.withLockedValue { $0 -= 1 }
                        }
                    }
                }
            }
        } onGracefulShutdown: {
            server.channel.close(promise: nil)
        }
        unlink(path)
        logger.notice("socket closed")
    }

    private func refuseBusy(_ connection: Connection) async {
        let error = ZHTJError.badRequest("too many connections (socket.maxConnections = \(maxConnections)); try again shortly")
        var reply = RequestHandler.encode(Response<NoParams>(id: nil, error: error))
        reply.append(UInt8(ascii: "\n"))
        try? await connection.channel.executeThenClose { _, outbound in
            try await outbound.write(ByteBuffer(bytes: reply))
        }
        logger.warning("connection refused: too many", metadata: ["zhtj.uid": "\(connection.peer.uid)"])
    }

    struct Connection: Sendable {
        let channel: NIOAsyncChannel<Frame, ByteBuffer>
        let peer: PeerCredentials
    }

    /// Serves one connection until the peer closes it, it idles out, or the daemon shuts down.
    private func serve(_ connection: Connection, gate: RequestGate) async {
        let uid = connection.peer.uid
        let channel = connection.channel.channel
        do {
            try await connection.channel.executeThenClose { inbound, outbound in
                try await withGracefulShutdownHandler {
                    for try await frame in inbound {
                        switch frame {
                        case .line(let bytes):
                            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                            // Through the gate, off the cooperative threads; once let in, a request is answered
                            // even if this task is cancelled meanwhile.
                            var reply = await gate.run { handler.handle(line: bytes, uid: uid) }
                            reply.append(UInt8(ascii: "\n"))
                            try await outbound.write(ByteBuffer(bytes: reply))
                        case .tooLong:
                            let error = ZHTJError.badRequest("request longer than \(ProtocolCoding.maxRequestBytes) bytes; the connection is closed")
                            var reply = RequestHandler.encode(Response<NoParams>(id: nil, error: error))
                            reply.append(UInt8(ascii: "\n"))
                            try await outbound.write(ByteBuffer(bytes: reply))
                            return
                        }
                    }
                } onGracefulShutdown: {
                    // Stop reading; the request in hand is still answered.
                    channel.close(mode: .input, promise: nil)
                }
            }
        } catch {
            logger.debug("connection ended", metadata: ["zhtj.uid": "\(uid)", "zhtj.error": "\(error)"])
        }
    }
}

/// Closes a connection that sent nothing for the idle timeout.
final class IdleCloser: ChannelInboundHandler, Sendable {
    typealias InboundIn = Frame
    typealias InboundOut = Frame

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}
