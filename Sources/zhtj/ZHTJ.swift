import ArgumentParser

/// `zhtj`: the admins' command line. It talks to `zhtjd` over its Unix socket.
@main
struct ZHTJ: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zhtj",
        abstract: "智慧团建 团员电子数据库 / the league member e-database: orgs, admins, members.",
        discussion: """
            The daemon zhtjd must be running. The socket is found from --socket, ZHTJ_SOCKET, the credentials \
            file, or ./Storage/run/zhtjd.sock. Add --json to any command for machine-readable output.
            """,
        subcommands: [
            Init.self, Register.self, WhoAmI.self, Org.self, Member.self, Show.self, Get.self, History.self, Reviews.self,
            Approve.self, Reject.self, ChangeRequest.self, ChangeRequests.self, ApproveChange.self, RejectChange.self,
            Unmatched.self, Attach.self, Refused.self, Retry.self, Labels.self, Audit.self, Reminders.self, Transfer.self, Transfers.self,
            AcceptTransfer.self, RefuseTransfer.self, CancelTransfer.self, LeaveRequests.self, ApproveLeave.self, RejectLeave.self, Card.self,
            Award.self, Sanction.self, Awards.self, Fee.self, Cadre.self, Stats.self, Console.self, Admin.self,
        ])
}
