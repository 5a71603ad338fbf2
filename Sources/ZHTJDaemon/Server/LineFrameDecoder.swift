import NIOCore

/// One request frame: a line without its newline, or the sign that a line went past the limit.
enum Frame: Sendable {
    case line([UInt8])
    case tooLong
}

/// Splits the byte stream at `\n`; a line longer than `maxLength` yields `.tooLong` (the connection is then closed).
final class LineFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = Frame
    let maxLength: Int
    private var failed = false
    /// How far the current partial line has been searched for a newline, so each byte is scanned once.
    private var scanned = 0

    init(maxLength: Int) {
        self.maxLength = maxLength
    }

    func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        if failed {
            buffer.moveReaderIndex(to: buffer.writerIndex)
            return .needMoreData
        }
        let view = buffer.readableBytesView
        let from = view.startIndex + min(scanned, view.count)
        if let newline = view[from...].firstIndex(of: UInt8(ascii: "\n")) {
            scanned = 0
            let length = newline - view.startIndex
            guard length <= maxLength else { return tooLong(context: context, buffer: &buffer) }
            var bytes = buffer.readBytes(length: length)!
            buffer.moveReaderIndex(forwardBy: 1)
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            context.fireChannelRead(Self.wrapInboundOut(.line(bytes)))
            return .continue
        }
        scanned = view.count
        if view.count > maxLength { return tooLong(context: context, buffer: &buffer) }
        return .needMoreData
    }

    private func tooLong(context: ChannelHandlerContext, buffer: inout ByteBuffer) -> DecodingState {
        failed = true
        buffer.moveReaderIndex(to: buffer.writerIndex)
        context.fireChannelRead(Self.wrapInboundOut(.tooLong))
        return .needMoreData
    }

    func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        // A last request without a newline is still answered.
        if !failed, buffer.readableBytes > 0, buffer.readableBytes <= maxLength {
            let bytes = buffer.readBytes(length: buffer.readableBytes)!
            context.fireChannelRead(Self.wrapInboundOut(.line(bytes)))
        }
        buffer.moveReaderIndex(to: buffer.writerIndex)
        return .needMoreData
    }
}
