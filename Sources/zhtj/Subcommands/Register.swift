import ArgumentParser
import Foundation
import ZHTJClient
import ZHTJCore

#if canImport(Glibc)
    import Glibc
#endif

extension ZHTJ {
    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "用注册码注册为管理员 / Register as an org's admin with an 8-character code; stores the credential.")

        @Option(help: "The 8-character registration code (case-sensitive).")
        var code: String

        @Option(help: "The org you register for (identifier or name); it must be the code's org.")
        var org: String?

        @Option(help: "Your name.")
        var name: String

        @Option(help: "Your 18-character ID number.")
        var idNumber: String

        @Option(help: "When you joined the league: YYYY-MM.")
        var joinDate: String

        @Option(help: "Your mobile number.")
        var mobile: String?

        @Option(help: "Your email address (for reminders).")
        var email: String?

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let path = global.socketPath(nil)
                let (result, json) = try global.send(API.Register.self, RegisterParams(code: code, org: org, name: name, idNumber: idNumber, joinDate: joinDate, mobile: mobile, email: email), anonymous: true)
                let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
                let stored = Credentials(
                    credential: result.credential, socket: absolute, adminID: result.admin.id, adminName: result.admin.name,
                    orgID: result.admin.org.id, orgName: result.admin.org.fullName, uid: getuid())
                try stored.save(path: global.credentialsPath)
                if global.json {
                    // Never print the secret: the JSON leaves it out.
                    let object = try JSONSerialization.jsonObject(with: json.pretty()) as? [String: Any] ?? [:]
                    let admin = object["admin"] ?? [:]
                    let out = try JSONSerialization.data(
                        withJSONObject: ["admin": admin, "credentialsFile": global.credentialsPath], options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
                    print(String(decoding: out, as: UTF8.self))
                } else {
                    print("""
                        注册成功 / registered: \(result.admin.name), 管理员 admin of \(Format.org(result.admin.org))
                        凭据已保存 / credential saved to \(global.credentialsPath) (mode 0600; it works for this system user only)
                        """)
                }
            }
        }
    }

    struct WhoAmI: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "whoami", abstract: "显示当前身份 / Show who the daemon sees: uid, operator, admin and org.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (result, json) = try global.send(API.Whoami.self, NoParams())
                try global.emit(json) {
                    var lines = ["系统用户 uid: \(result.uid)\(result.isOperator ? "（运维人员 operator）" : "")"]
                    if let admin = result.admin {
                        lines.append("管理员 admin: \(admin.name) (#\(admin.id)), \(Format.org(admin.org))")
                    } else if let member = result.member {
                        let state = member.state == "approved" ? "已批准 approved" : "待团支部批准 waiting for the branch's approval"
                        lines.append("团员本人 member: \(member.member) (#\(member.memberID)), \(member.branch); \(state)")
                    } else {
                        lines.append("未注册 / not registered as an admin (no credentials at \(global.credentialsPath))")
                    }
                    if !result.initialised { lines.append("尚未初始化 / not initialised: the operator runs `zhtj init --root-name NAME`") }
                    return lines.joined(separator: "\n")
                }
            }
        }
    }
}
