import Foundation
import ZHTJCore
import ZHTJDaemon
import ZHTJRegistry
import ZHTJTestSupport

/// The end-to-end tests' tree, in process: root 0001 (admin uid 5000), committee 0002 (admin 5001) with branch 0003
/// (admin 5002), committee 0004 (admin 5003) with branch 0005; the same four members. A branch upload for 李明 is
/// waiting for 0002's review.
struct InProcessScenario {
    let daemon: InProcessDaemon
    var credentials: [UInt32: String] = [:]
    static let root: UInt32 = 5000, committeeA: UInt32 = 5001, branchA: UInt32 = 5002, committeeB: UInt32 = 5003


    init() throws {
        daemon = try InProcessDaemon()
        credentials[Self.root] = try daemon.rootAdmin(uid: Self.root)
        for (name, category, parent) in [("某某大学团委", "committee", nil), ("计算机专业2023级3班团支部", "branch", "0002"),
                                         ("某某机械厂团委", "committee", nil), ("包装车间团支部", "branch", "0004")] as [(String, String, String?)] {
            _ = try ok(API.OrgCreate.self, OrgCreateParams(name: name, category: category, industry: "国有企业", parent: parent, fullName: nil), as: Self.root)
        }
        try registerAdmin(org: "0002", issuer: Self.root, uid: Self.committeeA)
        try registerAdmin(org: "0004", issuer: Self.root, uid: Self.committeeB)
        try registerAdmin(org: "0003", issuer: Self.committeeA, uid: Self.branchA)
        _ = try ok(API.MemberImport.self, MemberImportParams(fileName: "members.csv", contentBase64: Data(TestMembers.csv.utf8).base64EncodedString()), as: Self.root)
        // 李明's form, as the ingest pipeline records a branch upload (R-E4: pending for 0002).
        let li = try daemon.database.member(key: "李明", within: .everything)
        var upload = NewUpload(state: .archived, originalName: Array("李明.pdf".utf8), displayName: "李明.pdf", folder: "0003-计算机专业2023级3班团支部", checks: "{}")
        upload.sha256 = String(repeating: "a", count: 64)
        upload.orgID = li.branchID
        upload.uploaderOrgID = li.branchID
        upload.memberID = li.id
        upload.pages = 4
        upload.size = 1000
        _ = try daemon.database.recordUpload(upload, now: Date())
    }

    mutating func registerAdmin(org: String, issuer: UInt32, uid: UInt32) throws {
        let code = try ok(API.OrgCode.self, OrgRefParams(org: org), as: issuer).code
        credentials[uid] = try ok(
            API.Register.self,
            RegisterParams(code: code, org: nil, name: "管理员\(uid)", idNumber: "110101199805050055", joinDate: "2012-05", mobile: nil, email: nil),
            as: uid
        ).credential
    }

    /// Sends `command` as the admin of `uid`; the reply.
    func send<C: ZHTJCommand>(_ command: C.Type, _ params: C.Params, as uid: UInt32) throws -> Response<C.Result> {
        try daemon.send(command, params, credential: credentials[uid], uid: uid)
    }

    /// The result, or a thrown failure naming the error.
    func ok<C: ZHTJCommand>(_ command: C.Type, _ params: C.Params, as uid: UInt32) throws -> C.Result {
        let reply = try send(command, params, as: uid)
        guard let result = reply.result else { throw TestFailure("\(C.name) as \(uid): \(reply.error?.code ?? "?") \(reply.error?.message ?? "")") }
        return result
    }

    /// The error code of a refused command (nil when it succeeded).
    func refusal<C: ZHTJCommand>(_ command: C.Type, _ params: C.Params, as uid: UInt32) throws -> String? {
        try send(command, params, as: uid).error?.code
    }
}
