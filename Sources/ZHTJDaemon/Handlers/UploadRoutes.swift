import Foundation
import ZHTJFiles
import ZHTJCore
import ZHTJIngest
import ZHTJRegistry

#if canImport(Glibc)
    import Glibc
#endif

/// Files that matched no member or were refused.
enum UploadRoutes: RouteCollection {
    static func register(on routes: inout RouteTable) {
        routes.add(API.UploadsUnmatched.self, RequestHandler.unmatched)
        routes.add(API.UploadsRefused.self, RequestHandler.refused)
        routes.add(API.UploadAttach.self, RequestHandler.attach)
        routes.add(API.UploadRetry.self, RequestHandler.retry)
    }
}

extension RequestHandler {
    func unmatched(_: NoParams, _ context: AdminContext) throws -> [UploadInfo] {
        try uploads(.unmatched, context)
    }

    func refused(_: NoParams, _ context: AdminContext) throws -> [UploadInfo] {
        try uploads(.refused, context)
    }

    /// `uploads.unmatched` / `uploads.refused`: the files of the caller's subtree in that state, oldest first.
    private func uploads(_ state: UploadState, _ context: AdminContext) throws -> [UploadInfo] {
        return try database.uploads(state: state, within: context.scope)
    }

    /// `upload.attach`: gives an unmatched file to a member of the caller's subtree.
    func attach(_ params: AttachParams, _ context: AdminContext) throws -> UploadInfo {
        let member = try database.member(key: params.member, within: context.scope)
        _ = try upload(params.upload, in: context.scope)
        return try database.attach(uploadID: params.upload, memberID: member.id, caller: context.caller, now: context.now)
    }

    /// An upload whose folder's org is in `scope`; any other is not found (it is none of the admin's business).
    private func upload(_ id: Int64, in scope: Subtree) throws -> UploadInfo {
        guard let info = try database.upload(id: id), let orgID = info.orgID, let org = try database.orgPathAndCategory(orgID),
            scope.contains(path: org.path)
        else { throw ZHTJError.uploadNotFound(id) }
        return info
    }

    /// `upload.retry`: moves a refused file back into its inbox folder (its reason note is removed), to be checked again.
    func retry(_ params: UploadRefParams, _ context: AdminContext) throws -> UploadInfo {
        let caller = context.caller
        let info = try upload(params.upload, in: context.scope)
        guard info.state == .refused, let location = try database.refusedLocation(id: params.upload) else {
            throw ZHTJError.uploadNotRefused(params.upload)
        }
        let source = RawPath(location.refusedPath)
        let folder = location.folder.isEmpty ? RawPath(layout.inbox) : RawPath(layout.inbox + "/" + location.folder)
        var target = folder.appending(location.name)
        var n = 1
        var info2 = stat()
        while target.withCString({ lstat($0, &info2) }) == 0 {
            target = folder.appending(location.name + Array(".retry\(n)".utf8))
            n += 1
        }
        // Recorded first: the file back in the inbox must never be taken for the refused one (and moved back).
        try database.markRetried(uploadID: params.upload, caller: caller, now: context.now)
        guard source.withCString({ from in target.withCString { to in rename(from, to) } }) == 0 else {
            throw ZHTJError.storage("cannot move \(source) back to the inbox: \(String(cString: strerror(errno))); it stays in refused/")
        }
        _ = RawPath(location.refusedPath + Array(".reason.txt".utf8)).withCString { unlink($0) }
        folder.syncDirectory()
        source.parent.syncDirectory()
        logger.notice("refused file put back into the inbox", metadata: ["zhtj.upload": "\(params.upload)"])
        return try database.upload(id: params.upload) ?? info
    }
}
