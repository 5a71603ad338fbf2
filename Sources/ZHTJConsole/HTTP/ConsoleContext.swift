import Hummingbird
import NIOCore

/// A request's context: Hummingbird's, and the connection's two ends (for the login's peer check).
struct ConsoleContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The browser's end of the connection, and the console's.
    let peer: SocketAddress?
    let local: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress
        local = source.channel.localAddress
    }
}
