import Foundation
import Testing

/// A running daemon with a root org, its admin ("root.cred"), a committee, a branch, and a second committee with a
/// branch of its own (for scoping tests). Identifiers: root 0001, 0002 committee A, 0003 branch A1, 0004 committee B,
/// 0005 branch B1.
struct Scenario {
    let daemon: TestDaemon

    init(extraEnvironment: [String: String] = [:], onSQLite: Bool = false) throws {
        daemon = try TestDaemon(extraEnvironment: extraEnvironment, onSQLite: onSQLite)
        try daemon.start()
        let code = try Scenario.initRoot(daemon)
        try expectOK(daemon.cli(["register", "--code", code, "--name", "王芳", "--id-number", "110101199001011237", "--join-date", "2004-05"], credentials: "root.cred"))
        try expectOK(daemon.cli(["org", "create", "--name", "某某大学团委", "--category", "committee", "--industry", "普通高等院校"], credentials: "root.cred"))
        try expectOK(daemon.cli(["org", "create", "--name", "计算机专业2023级3班团支部", "--category", "branch", "--parent", "0002"], credentials: "root.cred"))
        try expectOK(daemon.cli(["org", "create", "--name", "某某机械厂团委", "--category", "committee", "--industry", "国有企业"], credentials: "root.cred"))
        try expectOK(daemon.cli(["org", "create", "--name", "包装车间团支部", "--category", "branch", "--parent", "0004"], credentials: "root.cred"))
    }

    /// Runs `zhtj init` as the operator and returns the printed code.
    static func initRoot(_ daemon: TestDaemon) throws -> String {
        let result = try daemon.cli(["init", "--root-name", "团某某市委", "--category", "leading-body", "--json"], credentials: nil)
        try expectOK(result)
        return try jsonObject(result.stdout)["code"].flatMap { ($0 as? [String: Any])?["code"] as? String } ?? ""
    }

    /// Issues a code for `org` as the admin in `credentials` and registers a new admin with it into `newCredentials`.
    func registerAdmin(org: String, issuer: String, newCredentials: String, name: String = "李华") throws {
        let code = try issueCode(org: org, as: issuer)
        try expectOK(daemon.cli(["register", "--code", code, "--name", name, "--id-number", "110101199805050055", "--join-date", "2012-05"], credentials: newCredentials))
    }

    func issueCode(org: String, as credentials: String?) throws -> String {
        let result = try daemon.cli(["org", "code", org, "--json"], credentials: credentials)
        try expectOK(result)
        return try jsonObject(result.stdout)["code"] as? String ?? ""
    }
}

@discardableResult
func expectOK(_ result: ProcessResult, sourceLocation: SourceLocation = #_sourceLocation) throws -> ProcessResult {
    #expect(result.status == 0, "exit \(result.status): \(result.combined)", sourceLocation: sourceLocation)
    if result.status != 0 { throw TestFailure("command failed: \(result.combined)") }
    return result
}

func jsonObject(_ text: String) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
        throw TestFailure("not a JSON object: \(text)")
    }
    return object
}

/// The array under `key` of a JSON object: the `items` of a `reviews` page, the `nodes` of an `org tree`.
func jsonList(_ text: String, _ key: String) throws -> [[String: Any]] {
    guard let array = try jsonObject(text)[key] as? [[String: Any]] else { throw TestFailure("no array \"\(key)\" in: \(text)") }
    return array
}

func jsonArray(_ text: String) throws -> [[String: Any]] {
    guard let array = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
        throw TestFailure("not a JSON array: \(text)")
    }
    return array
}
