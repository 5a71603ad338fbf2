import Crypto
import Foundation
import Logging
import ZHTJBackup
import ZHTJConsole
import ZHTJCore
import ZHTJRegistry

#if canImport(Glibc)
    import Glibc
#endif

/// Turns one request line into one response line: decodes the envelope, finds the command in its route table,
/// establishes who is asking (the peer's uid and credential) against the command's access, and runs the feature's
/// handler (the handlers are its extensions, one file per feature); the storage layer does the transactional work.
public final class RequestHandler: Sendable {
    let database: any Registry
    let layout: StorageLayout
    let settings: DaemonSettings
    let clock: DaemonClock
    let logger: Logger
    /// The uid running zhtjd: it (and root) is the operator.
    let operatorUID: UInt32
    let groupID: gid_t?
    let delivery: ReminderDelivery
    /// Backups and the daemon's status (nil in tests that run the handler alone).
    let backups: BackupRunner?
    /// The commands it serves.
    let routes: RouteTable
    /// The browser console's sessions and listener (nil in tests that run the handler alone).
    let console: ConsoleState?

    public init(
        database: any Registry, layout: StorageLayout, settings: DaemonSettings, clock: DaemonClock, logger: Logger,
        groupID: gid_t?, delivery: ReminderDelivery, backups: BackupRunner? = nil, routes: RouteTable = .daemon,
        console: ConsoleState? = nil
    ) {
        self.console = console
        self.backups = backups
        self.routes = routes
        self.delivery = delivery
        self.database = database
        self.layout = layout
        self.settings = settings
        self.clock = clock
        self.logger = logger
        self.operatorUID = getuid()
        self.groupID = groupID
    }

    /// Handles one request line from a peer with `uid`; always returns a response line (without the newline).
    public func handle(line: [UInt8], uid: UInt32) -> [UInt8] {
        let data = Data(line)
        var requestID: Int? = nil
        var auditCaller = Caller(uid: uid)
        var commandName = "?"
        do {
            let envelope: RequestEnvelope
            do {
                envelope = try ProtocolCoding.decoder().decode(RequestEnvelope.self, from: data)
            } catch {
                throw ZHTJError.badRequest("not a JSON request object with a \"command\" (\(Self.short(error)))")
            }
            requestID = envelope.id
            commandName = String(envelope.command.prefix(40))
            guard let route = routes.route(envelope.command) else { throw ZHTJError.unknownCommand(envelope.command) }
            let context = try authenticate(envelope.credential, uid: uid, access: route.access, command: envelope.command)
            auditCaller = context.caller
            var log = logger
            log[metadataKey: "zhtj.uid"] = "\(uid)"
            log[metadataKey: "zhtj.command"] = "\(envelope.command)"
            if let admin = context.admin { log[metadataKey: "zhtj.admin"] = "\(admin.id)" }
            log.debug("request")
            return try route.run(self, data, context, requestID)
        } catch let error as ZHTJError {
            logger.info("request refused", metadata: ["zhtj.uid": "\(uid)", "zhtj.error": "\(error.code)"])
            if error.isDenial {
                // Every denial is audited: who, which command, why, and its parameters (never the credential).
                auditRefusal(
                    caller: auditCaller, action: "denied", target: commandName, detail: "\(error.code) \(Self.paramsSummary(data))", now: clock.now())
            }
            return Self.encode(Response<NoParams>(id: requestID, error: error))
        } catch {
            logger.error("request failed", metadata: ["zhtj.uid": "\(uid)", "zhtj.error": "\(error)"])
            return Self.encode(Response<NoParams>(id: requestID, error: .internalError("\(error)")))
        }
    }

    /// Records a refusal in the audit log. The refusal itself stands either way; a failed write is logged at error
    /// level (it used to vanish), since the audit log is then missing an entry.
    func auditRefusal(caller: Caller, action: String, target: String, detail: String?, now: Date) {
        do {
            try database.recordRefusal(caller: caller, action: action, target: target, detail: detail, now: now)
        } catch {
            logger.error(
                "audit write failed: a refusal is missing from the audit log",
                metadata: ["zhtj.action": "\(action)", "zhtj.target": "\(target)", "zhtj.error": "\(error)"])
        }
    }

    /// Checks the credential, if any, against the peer's uid; without one, the command's access decides.
    private func authenticate(_ credential: String?, uid: UInt32, access: Access, command: String) throws -> RequestContext {
        let now = clock.now()
        let isOperator = uid == 0 || uid == operatorUID
        guard let credential, !credential.isEmpty else {
            switch access {
            case .anyone: break
            case .adminOrOperator: guard isOperator else { throw ZHTJError.credentialRequired }
            case .admin, .adminOrMember: throw ZHTJError.credentialRequired
            }
            return RequestContext(caller: Caller(uid: uid), admin: nil, scope: nil, isOperator: isOperator, now: now)
        }
        guard let found = try database.admin(credentialHash: Self.hash(credential)) else {
            return try authenticateMember(credential, uid: uid, access: access, command: command, isOperator: isOperator, now: now)
        }
        guard found.uid == uid else { throw ZHTJError.credentialWrongUser }
        let caller = Caller(uid: uid, adminID: found.info.id, orgID: found.info.org.id)
        return RequestContext(
            caller: caller, admin: found.info, scope: Subtree(path: found.orgPath), isOperator: isOperator, now: now, credentialHash: Self.hash(credential))
    }

    /// A member's own credential (R-E13): bound to its uid, usable once approved, and only for the commands open to
    /// members (`.adminOrMember`) and to anyone.
    private func authenticateMember(_ credential: String, uid: UInt32, access: Access, command: String, isOperator: Bool, now: Date) throws -> RequestContext {
        guard let found = try database.memberAccount(credentialHash: Self.hash(credential)), found.account.state != "revoked" else {
            throw ZHTJError.credentialInvalid
        }
        guard found.account.uid == uid else { throw ZHTJError.credentialWrongUser }
        let context = RequestContext(caller: Caller(uid: uid), admin: nil, scope: Subtree(path: found.branchPath), isOperator: isOperator, now: now, member: found.account)
        switch access {
        case .anyone: return context
        case .admin, .adminOrOperator: throw ZHTJError.memberCredentialLimited(String(command.prefix(40)))
        case .adminOrMember:
            guard found.account.state == "approved" else { throw ZHTJError.memberAccountPending(found.account.member) }
            return context
        }
    }

    /// The request's `params` as compact JSON, at most 300 characters (for the audit of a denial).
    static func paramsSummary(_ data: Data) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let params = object["params"],
            let json = try? JSONSerialization.data(withJSONObject: params, options: [.sortedKeys, .fragmentsAllowed])
        else { return "" }
        return String(String(decoding: json, as: UTF8.self).prefix(300))
    }

    static func hash(_ credential: String) -> String {
        Hex.string(SHA256.hash(data: Data(credential.utf8)))
    }

    /// Decodes `params` (a missing `params` reads as `{}`).
    static func params<P: Decodable>(_ data: Data) throws -> P {
        do {
            if let params = try ProtocolCoding.decoder().decode(ParamsWrapper<P>.self, from: data).params { return params }
            return try ProtocolCoding.decoder().decode(P.self, from: Data("{}".utf8))
        } catch {
            throw ZHTJError.badRequest("params: \(short(error))")
        }
    }

    static func encode<R: Encodable>(_ response: R) -> [UInt8] {
        (try? Array(ProtocolCoding.encoder().encode(response))) ?? Array(#"{"ok":false,"error":{"code":"internal","message":"encoding failed","messageZh":"编码失败"}}"#.utf8)
    }

    static func short(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing field \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let ctx), DecodingError.valueNotFound(_, let ctx):
            "wrong type at \"\(ctx.codingPath.map(\.stringValue).joined(separator: "."))\""
        case DecodingError.dataCorrupted(let ctx): ctx.debugDescription
        default: "\(error)"
        }
    }
}

private struct ParamsWrapper<P: Decodable>: Decodable {
    let params: P?
}
