import Foundation

/// The JSON coding shared by the daemon and every client: one object per line, dates as ISO 8601.
public enum ProtocolCoding {
    /// The longest request line the daemon accepts, in bytes (a member table of ~40 000 rows fits).
    public static let maxRequestBytes = 16 * 1024 * 1024

    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

/// The outer fields of a request: `{"id": 1, "command": "org.tree", "credential": "…", "params": {…}}`.
public struct RequestEnvelope: Codable, Sendable {
    public var id: Int?
    public var command: String
    public var credential: String?

    public init(id: Int? = nil, command: String, credential: String? = nil) {
        self.id = id
        self.command = command
        self.credential = credential
    }
}

/// A request with typed parameters, for encoding on the client side and decoding on the daemon's.
public struct Request<Params: Codable & Sendable>: Codable, Sendable {
    public var id: Int?
    public var command: String
    public var credential: String?
    public var params: Params

    public init(id: Int? = nil, command: String, credential: String?, params: Params) {
        self.id = id
        self.command = command
        self.credential = credential
        self.params = params
    }

    /// The request of a typed command: its name with its own parameter type.
    public init<C: ZHTJCommand>(id: Int? = nil, _ command: C.Type, credential: String?, params: Params) where C.Params == Params {
        self.init(id: id, command: C.name, credential: credential, params: params)
    }
}

/// Parameters for commands that take none. Whatever a request sends as `params` is ignored (also an array or a
/// string), as the daemon always did for these commands.
public struct NoParams: Codable, Sendable, Equatable {
    public init() {}

    public init(from decoder: any Decoder) throws {}

    public func encode(to encoder: any Encoder) throws {
        _ = encoder.container(keyedBy: NoKeys.self)
    }

    private enum NoKeys: CodingKey {}
}

/// The error object of a failed response.
public struct ErrorPayload: Codable, Sendable, Equatable {
    public var code: String
    public var message: String
    public var messageZh: String

    public init(_ error: ZHTJError) {
        self.code = error.code
        self.message = error.english
        self.messageZh = error.chinese
    }
}

/// `{"id": 1, "ok": true, "result": {…}}` or `{"id": 1, "ok": false, "error": {…}}`.
public struct Response<Result: Codable & Sendable>: Codable, Sendable {
    public var id: Int?
    public var ok: Bool
    public var result: Result?
    public var error: ErrorPayload?

    public init(id: Int?, result: Result) {
        self.id = id
        self.ok = true
        self.result = result
        self.error = nil
    }

    public init(id: Int?, error: ZHTJError) {
        self.id = id
        self.ok = false
        self.result = nil
        self.error = ErrorPayload(error)
    }
}
