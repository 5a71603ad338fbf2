import CQrencode

/// libqrencode, wrapped once: a QR code as a square of modules (true = dark). UTF-8 text is encoded in 8-bit mode
/// with error correction level M (15 % of the code may be lost to dirt or a stamp).
public struct QRCode: Sendable, Equatable {
    public let size: Int
    public let modules: [Bool]

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case cannotEncode(String)
        public var description: String {
            switch self {
            case .cannotEncode(let text): "无法生成二维码 / the QR code for “\(text)” cannot be made (too long, or out of memory)"
            }
        }
    }

    public init(_ text: String) throws {
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { throw Failure.cannotEncode(text) }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        modules = (0..<(width * width)).map { code.pointee.data[$0] & 1 == 1 }
    }

    public subscript(x: Int, y: Int) -> Bool { modules[y * size + x] }
}
