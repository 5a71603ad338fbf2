import ArgumentParser
import Foundation
import ZHTJClient
import ZHTJCore

#if canImport(Glibc)
    import Glibc
#endif

extension ZHTJ {
    struct MemberSelfRegister: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "self-register",
            abstract: "团员本人注册 / A member asks for a credential of their own (R-E13); the branch approves it.",
            discussion: """
                Once the branch admin runs `zhtj member approve-self`, the credential shows your record (`zhtj member show`), \
                downloads your e-archive (`zhtj get`) and makes your card (`zhtj card`), and nothing else.
                """)

        @Option(help: "Your 18-character ID number.") var idNumber: String
        @Option(help: "Your name, exactly as registered.") var name: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                // Never replace a credential someone holds (an admin's above all): a member's goes into a file of its own.
                if FileManager.default.fileExists(atPath: global.credentialsPath) {
                    throw ClientError.cannotWrite(
                        path: global.credentialsPath,
                        detail: "凭据文件已存在，不会覆盖：请用 --credentials 新文件 / a credentials file is there already and is never replaced: give --credentials NEW_FILE")
                }
                let path = global.socketPath(nil)
                let (result, _) = try global.send(API.MemberSelfRegister.self, SelfRegisterParams(idNumber: idNumber, name: name), anonymous: true)
                let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
                let account = result.account
                try Credentials(
                    credential: result.credential, socket: absolute, adminID: 0, adminName: account.member, orgID: account.branchID,
                    orgName: account.branch, uid: getuid(), memberID: account.memberID
                ).save(path: global.credentialsPath)
                if global.json {
                    // Never print the secret.
                    let out = try ProtocolCoding.encoder().encode(SelfRegisterSummary(account: account, credentialsFile: global.credentialsPath))
                    print(String(decoding: out, as: UTF8.self))
                } else {
                    print("""
                        已申请 / requested: \(account.member), \(account.branch)
                        凭据已保存 / credential saved to \(global.credentialsPath) (mode 0600; it works for this system user only)
                        请团支部管理员批准 / ask your branch admin to approve it: zhtj member approve-self \(account.member)
                        """)
                }
            }
        }
    }

    struct MemberSelfRequests: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "self-requests", abstract: "待批准的团员本人凭据 / Members' own credentials waiting for approval in your subtree.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (list, json) = try global.send(API.MemberSelfRequests.self, NoParams())
                try global.emit(json) {
                    if list.isEmpty { return "没有待批准的申请 / no requests are waiting" }
                    var table = TextTable(header: ["团员 member", "团支部 branch", "系统用户 uid", "时间 requested"])
                    for a in list { table.add(["\(a.member) (#\(a.memberID))", a.branch, String(a.uid), Format.time(a.requestedAt)]) }
                    return table.render()
                }
            }
        }
    }

    struct MemberApproveSelf: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve-self", abstract: "批准团员本人凭据 / Approve a member's own credential (the member's branch, R-E13).")

        @Argument(help: "ID number, development number, #id or name.") var member: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (a, json) = try global.send(API.MemberApproveSelf.self, MemberKeyParams(key: member))
                try global.emit(json) { "已批准 / approved: \(a.member) may now see their own record (system user \(a.uid))" }
            }
        }
    }
}

/// What `zhtj member self-register --json` prints: the account and where the credential went, never the secret.
struct SelfRegisterSummary: Encodable {
    var account: MemberAccountInfo
    var credentialsFile: String
}
