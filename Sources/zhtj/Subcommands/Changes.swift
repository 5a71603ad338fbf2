import ArgumentParser
import Foundation
import ZHTJClient
import ZHTJCore

extension ZHTJ {
    struct ChangeRequest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "change-request", abstract: "申请修改电子档案 / Ask the superior committee to let a new file replace an e-archive (R-E12).")

        @Argument var member: String
        @Option(help: "Why the file must change.") var reason: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (c, json) = try global.send(API.ChangeRequest.self, ChangeRequestParams(member: member, reason: reason))
                try global.emit(json) { "已提交修改申请 / change request \(c.id) filed for \(c.member): waiting for the superior committee" }
            }
        }
    }

    struct ChangeRequests: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "change-requests", abstract: "待审批的修改申请 / Change requests waiting for your org.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (list, json) = try global.send(API.ChangeList.self, NoParams())
                try global.emit(json) {
                    if list.isEmpty { return "没有待审批的修改申请 / no change requests are waiting" }
                    var table = TextTable(header: ["编号 id", "团员 member", "原因 reason", "申请人 by", "时间 time"])
                    for c in list { table.add([String(c.id), c.member, c.reason, c.requestedBy, Format.time(c.createdAt)]) }
                    return table.render()
                }
            }
        }
    }

    struct ApproveChange: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "approve-change", abstract: "批准修改申请：允许提交一个新文件 / Approve: exactly one new file may come in.")

        @Argument var id: Int64
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (c, json) = try global.send(API.ChangeApprove.self, DecisionParams(id: id, reason: nil, reasonCode: nil))
                try global.emit(json) { "已批准 / approved change request \(c.id) for \(c.member): one new file may now be dropped" }
            }
        }
    }

    struct RejectChange: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reject-change", abstract: "驳回修改申请 / Reject a change request with a reason.")

        @Argument var id: Int64
        @Option var reason: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (c, json) = try global.send(API.ChangeReject.self, DecisionParams(id: id, reason: reason, reasonCode: nil))
                try global.emit(json) { "已驳回 / rejected change request \(c.id) for \(c.member)" }
            }
        }
    }

    struct MemberSetNumber: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-number", abstract: "更正发展团员编号 / Correct a development number (the member's org or its direct superior, R-M3).")

        @Argument var member: String
        @Argument var number: String
        @Option var reason: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (m, json) = try global.send(API.MemberSetNumber.self, SetNumberParams(member: member, number: number, reason: reason))
                try global.emit(json) { "已更正 / corrected: \(m.name) → \(m.developmentNumber ?? "")" }
            }
        }
    }
}
