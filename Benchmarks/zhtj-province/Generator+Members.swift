import Foundation
import GRDB
import ZHTJCore

extension Generator {
    /// What happens to one member who needs an e-archive.
    enum Fate: CaseIterable { case none, pending, approved, approvedByCommittee, rejected, replacedPending, superseded, changeOpen }

    static func fate(_ r: inout SplitMix, busy: Bool) -> Fate {
        let x = r.below(100)
        if busy {
            // The busy university: more waiting for review.
            switch x {
            case ..<15: return .none
            case ..<35: return .pending
            case ..<75: return .approved
            case ..<85: return .rejected
            case ..<92: return .replacedPending
            default: return .superseded
            }
        }
        switch x {
        case ..<20: return .none
        case ..<32: return .pending
        case ..<62: return .approved
        case ..<72: return .approvedByCommittee
        case ..<82: return .rejected
        case ..<87: return .replacedPending
        case ..<95: return .superseded
        default: return .changeOpen
        }
    }

    /// Members in batches of 100 000 rows per transaction, with their uploads, versions and change requests.
    /// Returns sample members (ID number and name): every 1000th of all, and up to 2000 below the county admin's org.
    func insertMembers(_ queue: DatabaseQueue, _ tree: ProvinceTree) throws -> (all: [(String, String)], county: [(String, String)]) {
        var samples: [(String, String)] = [], county: [(String, String)] = []
        let countyPath = tree.orgs[Int(tree.countyIDs[5] - 1)].path
        var r = SplitMix(seed: 7)
        var people = People(seed: 11)
        let busyMembers = tree.busyBranches.count * 30
        // Of the busy university's members 80 % need an e-archive; the rest of the 300 000 are spread over the others.
        let busyRequired = busyMembers * 8 / 10
        let otherRequired = needEArchive - busyRequired
        let others = members - busyMembers
        let started = Date()
        var index = 0
        var upload: Int64 = 0
        var changeTotal = 0
        var pending = 0
        let reasons = ["缺少公章 / no stamp", "第2页缺失 / page 2 missing", "编号与系统不一致 / number mismatch", "扫描不清 / unreadable"]
        while index < members {
            try queue.inTransaction { db in
                let member = try db.makeStatement(
                    sql: """
                        INSERT INTO member (id, idNumber, name, birthDate, ethnicity, politicalStatus, joinDate, joinYear, branchID, isCadre,
                            developmentNumber, mobile, education, occupation, createdAt, createdByUID)
                        VALUES (?, ?, ?, ?, '汉族', '共青团员', ?, ?, ?, 0, ?, NULL, ?, ?, ?, ?)
                        """)
                let document = try db.makeStatement(sql: "INSERT INTO document (sha256, size, pages, archivedAt) VALUES (?, ?, ?, ?)")
                let uploadRow = try db.makeStatement(
                    sql: """
                        INSERT INTO upload (id, state, sha256, originalName, displayName, folder, orgID, size, pages, developmentNumber,
                            numberSource, memberID, checks, receivedAt)
                        VALUES (?, 'archived', ?, ?, ?, ?, ?, 250000, 2, ?, 'text', ?, '{}', ?)
                        """)
                let version = try db.makeStatement(
                    sql: """
                        INSERT INTO archiveVersion (memberID, version, uploadID, sha256, uploaderOrgID, required, createdAt, state, needsReview,
                            reviewerOrgID, decidedAt, reason, reasonCode, changeRequestID)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                let change = try db.makeStatement(
                    sql: """
                        INSERT INTO changeRequest (memberID, reason, state, requestedByAdmin, requestedByOrg, reviewerOrgID, decidedAt, usedByVersion, createdAt)
                        VALUES (?, '原件更换 / the form was replaced', ?, 1, ?, ?, ?, ?, ?)
                        """)
                let end = min(index + 100_000, members)
                while index < end {
                    let busy = index < busyMembers
                    let branchIndex = busy ? tree.busyBranches[index / 30] : tree.branches[r.below(tree.branches.count)]
                    let branch = tree.orgs[branchIndex]
                    // Exactly `otherRequired` of the others, spread evenly.
                    let k = index - busyMembers
                    let required = busy ? index < busyRequired : (k + 1) * otherRequired / others > k * otherRequired / others
                    let joinYear = required ? 2020 + r.below(7) : 2005 + r.below(15)
                    let joinMonth = joinYear == 2026 ? 1 + r.below(10) : 1 + r.below(12)
                    let age = 14 + r.below(10)
                    let birth = CivilDate(year: joinYear - age, month: 1 + r.below(12), day: 1 + r.below(28))!
                    let id = Int64(index + 1)
                    let number = joinYear >= 2016 ? People.developmentNumber(year: joinYear, index: index) : nil
                    let idNumber = People.idNumber(index: index, birth: birth), name = people.name()
                    if index % 1000 == 500 { samples.append((idNumber, name)) }
                    if county.count < 2000, branch.path.hasPrefix(countyPath), r.below(4) == 0 { county.append((idNumber, name)) }
                    try member.execute(arguments: [
                        id, idNumber, name, birth.description,
                        String(format: "%04d-%02d", joinYear, joinMonth), joinYear, branch.id, number,
                        busy ? "本科" : "高中", busy ? "学生" : "职员", now, uid,
                    ])
                    let voluntary = !required && joinYear >= 2016 && r.below(300) == 0
                    guard required || voluntary else {
                        index += 1
                        continue
                    }
                    let fate = required ? Self.fate(&r, busy: busy) : .approvedByCommittee
                    let reviewer = branch.reviewerID
                    func addVersion(_ v: Int, state: String, uploader: Int64, review: Bool, reason: String? = nil, changeID: Int64? = nil) throws {
                        upload += 1
                        let sha = try placeholder(upload) ?? String(format: "%064llx", UInt64(upload) &* 0x9E37_79B9_7F4A_7C15)
                        let received = now.addingTimeInterval(-Double(86400 * (1 + r.below(400))))
                        try document.execute(arguments: [sha, archiveBytes > 0 ? archiveBytes : 250_000, 2, received])
                        let folder = OrgNaming.folderName(id: uploader, shortName: tree.orgs[Int(uploader - 1)].shortName)
                        try uploadRow.execute(arguments: [
                            upload, sha, Data("\(number ?? "form")-\(v).pdf".utf8), "\(number ?? "form")-\(v).pdf", folder, uploader, number, id, received,
                        ])
                        let decided: Date? = state == "pending" || !review ? nil : received.addingTimeInterval(86400)
                        try version.execute(arguments: [
                            id, v, upload, sha, uploader, required, received, state, review, review ? reviewer : nil, decided, reason,
                            reason == nil ? nil : "other", changeID,
                        ])
                        if state == "pending" { pending += 1 }
                    }
                    switch fate {
                    case .none: break
                    case .pending: try addVersion(1, state: "pending", uploader: branch.id, review: true)
                    case .approved: try addVersion(1, state: "approved", uploader: branch.id, review: true)
                    case .approvedByCommittee: try addVersion(1, state: "approved", uploader: reviewer ?? 1, review: false)
                    case .rejected: try addVersion(1, state: "rejected", uploader: branch.id, review: true, reason: reasons[r.below(reasons.count)])
                    case .replacedPending:
                        try addVersion(1, state: "rejected", uploader: branch.id, review: true, reason: reasons[r.below(reasons.count)])
                        try addVersion(2, state: "pending", uploader: branch.id, review: true)
                    case .superseded:
                        try change.execute(arguments: [id, "used", branch.id, reviewer, now, 2, now])
                        let changeID = db.lastInsertedRowID
                        changeTotal += 1
                        try addVersion(1, state: "superseded", uploader: branch.id, review: true)
                        try addVersion(2, state: "approved", uploader: branch.id, review: true, changeID: changeID)
                    case .changeOpen:
                        try addVersion(1, state: "approved", uploader: branch.id, review: true)
                        try change.execute(arguments: [id, "pending", branch.id, reviewer, nil, nil, now])
                        changeTotal += 1
                    }
                    index += 1
                }
                return .commit
            }
            log(String(format: "members: %d / %d, uploads %d, pending %d, change requests %d (%.1f s)", index, members, upload, pending, changeTotal,
                       Date().timeIntervalSince(started)))
        }
        return (samples, county)
    }
}
