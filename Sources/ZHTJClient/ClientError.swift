import Foundation
import ZHTJCore

#if canImport(Glibc)
    import Glibc
#endif

/// What can go wrong on the client's side, with the fix.
public enum ClientError: Error, CustomStringConvertible {
    case cannotConnect(path: String, errno: Int32)
    case connectionLost(path: String)
    case badReply(String)
    case server(ErrorPayload)
    case noCredentials(path: String)
    case credentialsUnreadable(path: String, detail: String)
    case cannotWrite(path: String, detail: String)
    case cannotRead(path: String, detail: String)
    case tooLarge(path: String, bytes: Int)

    public var description: String {
        switch self {
        case .cannotConnect(let path, let code):
            "无法连接 zhtjd / cannot connect to zhtjd at \(path): \(String(cString: strerror(code))). "
                + "Is zhtjd running? Pass --socket PATH or set ZHTJ_SOCKET if it uses another storage root."
        case .connectionLost(let path):
            "zhtjd 在答复前关闭了连接 / zhtjd closed the connection at \(path) before answering: see its log."
        case .badReply(let detail):
            "zhtjd 的答复无法解析 / cannot read zhtjd's reply: \(detail)"
        case .server(let payload):
            "\(payload.messageZh) / \(payload.message)"
        case .noCredentials(let path):
            "找不到凭据文件 / no credentials at \(path): register first with `zhtj register --code CODE …`, or pass --credentials FILE."
        case .credentialsUnreadable(let path, let detail):
            "凭据文件无法读取 / cannot read the credentials file \(path): \(detail)"
        case .cannotWrite(let path, let detail):
            "无法写入 / cannot write \(path): \(detail)"
        case .cannotRead(let path, let detail):
            "无法读取 / cannot read \(path): \(detail)"
        case .tooLarge(let path, let bytes):
            "文件过大 / \(path) is \(bytes) bytes; the limit for one import is \(ClientError.importLimit) bytes: split it into several files."
        }
    }

    /// The largest table one `member import` sends: its base64 and the request around it fit in one request line.
    public static let importLimit = ProtocolCoding.maxRequestBytes * 3 / 4 - 4096

    /// The error code from the daemon, if the daemon refused.
    public var serverCode: String? {
        if case .server(let payload) = self { return payload.code }
        return nil
    }
}
