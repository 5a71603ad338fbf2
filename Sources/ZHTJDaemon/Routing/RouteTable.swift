import Foundation
import ZHTJCore

/// Every command the daemon serves, by wire name: its access and a function that decodes the params, calls the
/// handler and encodes the response. Built once (`RouteTable.daemon`) from the features' route collections;
/// the router looks commands up here, so nothing switches over all commands.
public struct RouteTable: Sendable {
    struct Route: Sendable {
        var command: any ZHTJCommand.Type
        var access: Access
        var run: @Sendable (RequestHandler, Data, RequestContext, Int?) throws -> [UInt8]
        /// The same handler with typed params and result (the browser console's calls, no JSON between).
        var typed: @Sendable (RequestHandler, any Sendable, RequestContext) throws -> any Sendable
    }

    private(set) var routes: [String: Route] = [:]

    /// The registered command names, sorted.
    public var names: [String] { routes.keys.sorted() }

    /// The access of a registered command.
    public func access(of name: String) -> Access? { routes[name]?.access }

    /// The type of a registered command (its params and result types).
    public func command(_ name: String) -> (any ZHTJCommand.Type)? { routes[name]?.command }

    func route(_ name: String) -> Route? { routes[name] }

    /// Registers `handler` (an unapplied `RequestHandler` method) for command `C`. A handler that needs an admin
    /// can only serve a command whose access requires a credential; a command is registered once.
    mutating func add<C: ZHTJCommand, Context: HandlerContext>(
        _ command: C.Type, _ handler: @escaping @Sendable (RequestHandler) -> (C.Params, Context) throws -> C.Result
    ) {
        precondition(routes[C.name] == nil, "\(C.name) is registered twice")
        precondition(!Context.requiresAdmin || C.access == .admin, "\(C.name): an admin-only handler for a command open to others")
        routes[C.name] = Route(command: C.self, access: C.access) { target, data, request, id in
            guard let context = Context(request) else { throw ZHTJError.credentialRequired }
            let params: C.Params = try RequestHandler.params(data)
            let result = try handler(target)(params, context)
            return RequestHandler.encode(Response(id: id, result: result))
        } typed: { target, params, request in
            guard let context = Context(request) else { throw ZHTJError.credentialRequired }
            guard let params = params as? C.Params else { throw ZHTJError.badRequest("params of \(C.name)") }
            return try handler(target)(params, context)
        }
    }

    /// The daemon's commands, feature by feature.
    public static let daemon: RouteTable = {
        var table = RouteTable()
        let features: [any RouteCollection.Type] = [
            RegistrationRoutes.self, OrgRoutes.self, MemberRoutes.self, UploadRoutes.self, ReviewRoutes.self, ChangeRoutes.self,
            ArchiveRoutes.self, ReminderRoutes.self, LabelRoutes.self, MaintenanceRoutes.self, LeaveRoutes.self, TransferRoutes.self, CardRoutes.self,
            MemberAccountRoutes.self, DistinctionRoutes.self, FeeRoutes.self, CadreRoutes.self, ConsoleRoutes.self,
        ]
        for feature in features { feature.register(on: &table) }
        return table
    }()
}

/// One feature's commands (like Hummingbird's `RouteCollection`): `register(on:)` adds each command's handler.
protocol RouteCollection {
    static func register(on routes: inout RouteTable)
}
