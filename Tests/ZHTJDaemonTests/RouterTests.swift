import Foundation
import Testing
import ZHTJCore
import ZHTJDaemon

/// The router in process (issue 12): the order of the checks in docs/protocol.md ("The request"), the credential
/// checked once from each command's access, and the reply's shape.
@Suite struct RouterTests {
    func errorCode(_ reply: String) throws -> String? {
        let object = try JSONSerialization.jsonObject(with: Data(reply.utf8)) as? [String: Any]
        return (object?["error"] as? [String: Any])?["code"] as? String
    }

    @Test func unreadableRequestsAndUnknownCommands() throws {
        let d = try InProcessDaemon()
        #expect(try errorCode(d.send("not json")) == "bad_request")
        #expect(try errorCode(d.send(#"{"id":"1","command":"whoami"}"#)) == "bad_request")
        #expect(d.send(#"{"id":7,"command":"org.frobnicate"}"#).hasPrefix(#"{"error":{"code":"unknown_command""#))
        #expect(d.send(#"{"id":7,"command":"org.frobnicate"}"#).hasSuffix(#""id":7,"ok":false}"#))
    }

    /// Without a credential: `.admin` commands are refused before their params are read (even bad ones);
    /// `org.tree` is the operator's; the `.anyone` commands reach their handlers.
    @Test func accessWithoutACredential() throws {
        let d = try InProcessDaemon()
        let stranger: UInt32 = 4242
        for name in RouteTable.daemon.names {
            let reply = d.send(#"{"id":1,"command":"\#(name)","params":{"id":"not a number","org":5}}"#, uid: stranger)
            switch RouteTable.daemon.access(of: name) {
            case .admin, .adminOrOperator, .adminOrMember: #expect(try errorCode(reply) == "credential_required", "\(name): \(reply)")
            default: #expect(try errorCode(reply) != "credential_required", "\(name): \(reply)")
            }
        }
        // The operator may see the tree without a credential (here: not initialised yet).
        #expect(try errorCode(d.send(#"{"id":1,"command":"org.tree"}"#)) == "no_root")
    }

    /// A credential that is sent is checked for every command, also those that need none (docs/protocol.md,
    /// "Identity"), and only from the uid that registered it.
    @Test func aCredentialIsCheckedForEveryCommand() throws {
        let d = try InProcessDaemon()
        let credential = try d.rootAdmin(uid: 5000)
        let bogus = String(repeating: "ab", count: 32)
        for name in RouteTable.daemon.names {
            #expect(try errorCode(d.send(#"{"command":"\#(name)","credential":"\#(bogus)"}"#, uid: 5000)) == "credential_invalid", "\(name)")
            #expect(try errorCode(d.send(#"{"command":"\#(name)","credential":"\#(credential)"}"#, uid: 5001)) == "credential_wrong_user", "\(name)")
        }
        let me = try d.send(API.Whoami.self, NoParams(), credential: credential, uid: 5000)
        #expect(me.result?.admin?.name == "王书记")
        #expect(me.result?.isOperator == false)
    }

    /// Params are read after the credential: a bad one is a `bad_request` naming the field.
    @Test func badParamsAreNamed() throws {
        let d = try InProcessDaemon()
        let credential = try d.rootAdmin()
        let reply = d.send(#"{"id":3,"command":"member.search","credential":"\#(credential)","params":{}}"#, uid: 5000)
        #expect(try errorCode(reply) == "bad_request")
        #expect(reply.contains(#"missing field \"text\""#))
        // Commands that take no params ignore whatever is sent as params, as they always did.
        #expect(d.send(#"{"id":4,"command":"whoami","params":[1,2]}"#).hasPrefix(#"{"id":4,"ok":true"#))
        #expect(try errorCode(d.send(#"{"id":3,"command":"reviews.overview","credential":"\#(credential)","params":"x"}"#, uid: 5000)) == nil)
        // A missing `params` reads as {}; so do `reviews` and `org.tree`, whose params are all optional (issue 13).
        for command in ["reviews", "org.tree", "reviews.overview"] {
            #expect(try errorCode(d.send(#"{"id":3,"command":"\#(command)","credential":"\#(credential)"}"#, uid: 5000)) == nil)
            #expect(try errorCode(d.send(#"{"id":3,"command":"\#(command)","credential":"\#(credential)","params":{}}"#, uid: 5000)) == nil)
        }
    }

    /// A typed command's reply decodes as its result type, with the request's id.
    @Test func typedRoundTrip() throws {
        let d = try InProcessDaemon()
        let credential = try d.rootAdmin()
        let tree = try d.send(API.OrgTree.self, OrgTreeParams(org: nil), credential: credential, uid: 5000)
        #expect(tree.id == 1 && tree.ok)
        #expect(tree.result?.nodes.first?.org.shortName == "团某某市委")
        let whoami = d.send(#"{"id":1,"command":"whoami"}"#)
        #expect(whoami == #"{"id":1,"ok":true,"result":{"initialised":true,"isOperator":true,"uid":\#(d.operatorUID)}}"#)
    }
}
