import ArgumentParser

extension ZHTJ {
    struct Org: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "组织：建立、注册码、组织树、书记、进度、批量导入 / Orgs: create, registration codes, tree, secretary, progress, batch import.",
            subcommands: [OrgCreate.self, OrgCode.self, OrgCodes.self, OrgTree.self, OrgSecretary.self, OrgUpdate.self, OrgProgress.self, OrgImport.self, OrgKeyArea.self])
    }
}
