import Foundation
import Testing
import ZHTJCore
import ZHTJDaemon

/// The daemon's route table against docs/protocol.md and the authorization table below (issue 12): a command
/// registered but missing from either fails here, and so does a documented command the daemon does not serve.
@Suite struct CommandRegistryTests {
    /// Who may send each command without a credential (docs/protocol.md, "Who may call what"). What an admin may
    /// do inside the tree is each handler's business and is checked end to end (AuthorizationTests).
    static let authorization: [String: Access] = [
        "whoami": .anyone, "init": .anyone, "reminders.banner": .anyone, "admin.recount": .anyone, "admin.backup": .anyone, "admin.status": .anyone, "register": .anyone, "org.code": .anyone, "audit.verify": .anyone, "audit.anchor": .anyone,
        "org.tree": .adminOrOperator,
        "org.codes": .admin, "org.create": .admin, "org.update": .admin, "org.secretary": .admin, "org.import": .admin,
        "org.progress": .admin, "member.import": .admin, "member.show": .adminOrMember, "member.search": .admin,
        "member.setNumber": .admin, "member.history": .admin, "transfer": .admin, "uploads.unmatched": .admin,
        "uploads.refused": .admin, "upload.attach": .admin, "upload.retry": .admin, "reviews": .admin,
        "reviews.overview": .admin, "review.approve": .admin, "review.reject": .admin, "change.request": .admin,
        "change.list": .admin, "change.approve": .admin, "change.reject": .admin, "archive.get": .adminOrMember,
        "labels": .admin, "reminders": .admin, "stats": .admin,
        "member.leave": .admin, "leave.list": .admin, "leave.approve": .admin, "leave.reject": .admin, "transfer.list": .admin,
        "transfer.accept": .admin, "transfer.refuse": .admin, "transfer.cancel": .admin, "member.card": .adminOrMember,
        "member.selfRegister": .anyone, "member.selfRequests": .admin, "member.approveSelf": .admin,
        "distinction.add": .admin, "distinction.list": .admin, "fee.record": .admin, "fee.import": .admin, "fee.status": .admin,
        "console.link": .admin, "console.logoutAll": .admin,
        "fee.list": .admin,
        "cadre.add": .admin, "cadre.import": .admin, "cadre.list": .admin, "cadre.changePost": .admin, "cadre.remove": .admin,
        "org.keyArea": .admin, "cadre.staffing": .admin, "cadre.archives": .admin,
    ]

    static func protocolDoc() throws -> String {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/protocol.md")
        return try String(contentsOf: docs, encoding: .utf8)
    }

    /// The `### \`name\`` headings under "## Commands".
    static func documentedCommands(_ doc: String) -> [String] {
        guard let start = doc.range(of: "\n## Commands\n") else { return [] }
        let section = doc[start.upperBound...].components(separatedBy: "\n## ").first ?? ""
        return section.components(separatedBy: "\n").compactMap { line in
            guard line.hasPrefix("### `"), line.hasSuffix("`") else { return nil }
            return String(line.dropFirst(5).dropLast())
        }
    }

    /// The commands named in the first column of the "Who may call what" table.
    static func tableCommands(_ doc: String) -> Set<String> {
        guard let start = doc.range(of: "### Who may call what") else { return [] }
        var names = Set<String>()
        for line in doc[start.upperBound...].components(separatedBy: "\n").drop(while: { !$0.hasPrefix("|") }) {
            guard line.hasPrefix("|") else { break }
            let first = line.split(separator: "|").first ?? ""
            for part in first.split(separator: ",") {
                let name = part.trimmingCharacters(in: .whitespaces)
                if name.hasPrefix("`"), name.hasSuffix("`") { names.insert(String(name.dropFirst().dropLast())) }
            }
        }
        return names
    }

    @Test func everyRegisteredCommandIsDocumentedAndEveryDocumentedOneIsServed() throws {
        let doc = try Self.protocolDoc()
        let registered = Set(RouteTable.daemon.names)
        let documented = Self.documentedCommands(doc)
        #expect(documented.count == Set(documented).count, "a command documented twice")
        #expect(registered.subtracting(documented).sorted() == [], "registered, no section in docs/protocol.md")
        #expect(Set(documented).subtracting(registered).sorted() == [], "documented, not served")
        let table = Self.tableCommands(doc)
        #expect(registered.subtracting(table).sorted() == [], "registered, missing from \"Who may call what\"")
        #expect(table.subtracting(registered).sorted() == [], "in \"Who may call what\", not served")
    }

    @Test func everyRegisteredCommandIsInTheAuthorizationTable() {
        let registered = RouteTable.daemon.names
        #expect(Set(registered) == Set(Self.authorization.keys))
        for name in registered {
            #expect(RouteTable.daemon.access(of: name) == Self.authorization[name], "\(name)")
        }
    }

    /// The wire format is pinned by the documented examples: each reply in a command's section decodes as that
    /// command's result type and encodes back to the same bytes; each request decodes as its params.
    @Test func theDocumentedExamplesRoundTrip() throws {
        let doc = try Self.protocolDoc()
        var checked = 0
        var current: String? = nil
        for line in doc.components(separatedBy: "\n") {
            if line.hasPrefix("### `") { current = String(line.dropFirst(5).dropLast()) }
            if line.hasPrefix("{\"id\":"), line.contains("\"ok\":true"), let name = current, let command = RouteTable.daemon.command(name) {
                #expect(try Self.reencodedReply(command, line) == line, "\(name)")
                checked += 1
            }
            if let range = line.range(of: #"{"id":"#), line.contains("\"command\":"), line.contains("\"params\":") {
                let json = String(line[range.lowerBound...].prefix { $0 != "'" }).replacingOccurrences(of: "\\n", with: "")
                    .replacingOccurrences(of: "%s", with: "x")
                let envelope = try ProtocolCoding.decoder().decode(RequestEnvelope.self, from: Data(json.utf8))
                let command = try #require(RouteTable.daemon.command(envelope.command), "\(envelope.command)")
                #expect(throws: Never.self) { try Self.decodeParams(command, json) }
                checked += 1
            }
        }
        #expect(checked >= 10, "only \(checked) examples found")
    }

    static func reencodedReply<C: ZHTJCommand>(_: C.Type, _ line: String) throws -> String {
        let reply = try ProtocolCoding.decoder().decode(Response<C.Result>.self, from: Data(line.utf8))
        return String(decoding: try ProtocolCoding.encoder().encode(reply), as: UTF8.self)
    }

    static func decodeParams<C: ZHTJCommand>(_: C.Type, _ json: String) throws {
        _ = try ProtocolCoding.decoder().decode(Request<C.Params>.self, from: Data(json.utf8))
    }
}
