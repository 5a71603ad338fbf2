import ArgumentParser
import Foundation
import ZHTJClient
import ZHTJCore

extension ZHTJ {
    struct Transfer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "组织关系转接 / Transfer a member: to a branch of this tree (it accepts) or out of it (R-W1; refused until authenticated, R-E11).")

        @Argument var member: String
        @Option(help: "The receiving branch (identifier or full name); it checks and accepts.") var to: String?
        @Option(help: "Out of this tree: where the member goes (another province, the army, …); recorded at once.") var out: String?
        @Option(help: "A note for the receiving org.") var note: String?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (t, json) = try global.send(API.Transfer.self, TransferParams(member: member, to: to, out: out, note: note))
                try global.emit(json) {
                    t.state == .out
                        ? "已转出 / transferred out: \(t.member) → \(t.destination ?? ""); the record is kept"
                        : "已提交转接 / transfer \(t.id) filed: \(t.member) → \(t.to ?? ""); waiting for the receiving org (zhtj accept-transfer \(t.id))"
                }
            }
        }
    }

    struct Transfers: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "转接 / Transfers into and out of your org's subtree (open ones unless --all).")

        @Flag(help: "Only those coming in (yours to accept).") var incoming = false
        @Flag(help: "Only those going out.") var outgoing = false
        @Flag(help: "Also the ended ones.") var all = false
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                guard !(incoming && outgoing) else { throw ValidationError("--incoming or --outgoing, not both") }
                let direction = incoming ? "incoming" : outgoing ? "outgoing" : nil
                let (list, json) = try global.send(API.TransferList.self, RequestListParams(direction: direction, all: all))
                try global.emit(json) {
                    if list.isEmpty { return "没有转接 / no transfers" }
                    var table = TextTable(header: ["编号 id", "团员 member", "转出 from", "转入 to", "状态 state", "申请 filed", "处理 decided"])
                    for t in list {
                        table.add([
                            String(t.id), t.member, t.from, t.to ?? t.destination.map { "(\($0))" } ?? "", "\(t.state.chinese) \(t.state.rawValue)",
                            "\(t.filedBy) \(Format.time(t.filedAt))",
                            [t.decidedBy, t.decidedAt.map(Format.time), t.refusal].compactMap { $0 }.joined(separator: " "),
                        ])
                    }
                    return table.render()
                }
            }
        }
    }

    struct AcceptTransfer: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept-transfer", abstract: "接收转入团员 / Accept: the member moves to the receiving branch (R-W1).")

        @Argument var id: Int64
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (t, json) = try global.send(API.TransferAccept.self, DecisionParams(id: id, reason: nil, reasonCode: nil))
                try global.emit(json) { "已接收 / accepted: \(t.member) → \(t.to ?? "")" }
            }
        }
    }

    struct RefuseTransfer: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "refuse-transfer", abstract: "退回转接 / Refuse a transfer with a reason; the member stays where they are.")

        @Argument var id: Int64
        @Option var reason: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (t, json) = try global.send(API.TransferRefuse.self, DecisionParams(id: id, reason: reason, reasonCode: nil))
                try global.emit(json) { "已退回 / refused transfer \(t.id) of \(t.member): \(t.refusal ?? "")" }
            }
        }
    }

    struct CancelTransfer: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel-transfer", abstract: "撤回转接 / The sending side takes back a transfer not yet accepted.")

        @Argument var id: Int64
        @Option var reason: String?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let (t, json) = try global.send(API.TransferCancel.self, DecisionParams(id: id, reason: reason, reasonCode: nil))
                try global.emit(json) { "已撤回 / cancelled transfer \(t.id) of \(t.member)" }
            }
        }
    }
}
