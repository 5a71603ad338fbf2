import ArgumentParser
import Foundation
import ZHTJClient
import ZHTJCore

extension ZHTJ {
    struct MemberLeave: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "leave",
            abstract: "申请离团（退团、脱团、开除团籍）/ File a member's leaving the league; the superior committee decides (R-M4).",
            discussion: "The record is never deleted: once approved the member is shown as left and counts nowhere.")

        @Argument(help: "ID number, development number, #id or name.") var member: String
        @Option(help: "退团 (withdraw), 脱团 (lapse) or 开除团籍 (expel).") var kind: String
        @Option(help: "Why, as the branch meeting recorded it.") var reason: String
        @Option(help: "The date of the branch meeting, YYYY-MM-DD.") var meetingDate: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (r, json) = try global.send(API.MemberLeave.self, LeaveParams(member: member, kind: kind, reason: reason, meetingDate: meetingDate))
                try global.emit(json) {
                    "已提交离团申请 / leave request \(r.id) filed: \(r.member), \(r.kind.description); waiting for \(r.decider) (zhtj approve-leave \(r.id))"
                }
            }
        }
    }

    struct LeaveRequests: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "leave-requests", abstract: "离团申请 / Leave requests in your org's subtree; those marked ★ are yours to decide.")

        @Flag(help: "Also the decided ones.") var all = false
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (list, json) = try global.send(API.LeaveList.self, RequestListParams(all: all))
                try global.emit(json) {
                    if list.isEmpty { return all ? "没有离团申请 / no leave requests" : "没有待审批的离团申请 / no leave requests are waiting" }
                    var table = TextTable(header: ["编号 id", "团员 member", "团支部 branch", "方式 kind", "原因 reason", "会议 meeting", "审批 decider", "状态 state", "时间 filed"])
                    for r in list {
                        table.add([
                            (r.yoursToDecide == true ? "★" : "") + String(r.id), r.member, r.branch, r.kind.rawValue, r.reason, r.meetingDate, r.decider,
                            r.state + (r.decisionReason.map { ": \($0)" } ?? ""), Format.time(r.filedAt),
                        ])
                    }
                    return table.render()
                }
            }
        }
    }

    struct ApproveLeave: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve-leave", abstract: "批准离团申请 / Approve: the member is recorded as left, kept for ever, and counts nowhere (R-M4).")

        @Argument var id: Int64
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (r, json) = try global.send(API.LeaveApprove.self, DecisionParams(id: id, reason: nil, reasonCode: nil))
                try global.emit(json) { "已批准 / approved: \(r.member) \(r.kind.description)" }
            }
        }
    }

    struct RejectLeave: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reject-leave", abstract: "驳回离团申请 / Reject a leave request with a reason.")

        @Argument var id: Int64
        @Option var reason: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (r, json) = try global.send(API.LeaveReject.self, DecisionParams(id: id, reason: reason, reasonCode: nil))
                try global.emit(json) { "已驳回 / rejected leave request \(r.id) for \(r.member)" }
            }
        }
    }
}
