import Foundation
import Testing
import ZHTJDaemon

/// The cuts docs/architecture.md describes, checked on the source tree (issue 12): SQL and GRDB only in the
/// SQLite target, no file I/O there, no wire-only type in the storage seam, no list of every command anywhere.
@Suite struct ArchitectureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path

    static func swiftFiles(under folder: String) -> [(path: String, text: String)] {
        let base = root + "/" + folder
        let names = FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? []
        return names.filter { $0.hasSuffix(".swift") }.sorted().compactMap { name in
            (try? String(contentsOfFile: base + "/" + name, encoding: .utf8)).map { (folder + "/" + name, $0) }
        }
    }

    static func words(_ text: String) -> Set<String> {
        Set(text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
    }

    @Test func onlyTheStorageTargetImportsGRDBOrLibpqOrTouchesFiles() {
        let sources = Self.swiftFiles(under: "Sources")
        #expect(sources.count > 50)
        let importers = sources.filter { $0.text.contains("import GRDB") }.map(\.path)
        #expect(!importers.isEmpty && importers.allSatisfy { $0.hasPrefix("Sources/ZHTJStorage/") }, "\(importers)")
        // libpq is wrapped once: only PGConnection sees its C types.
        let libpq = sources.filter { $0.text.contains("import CLibpq") }.map(\.path)
        #expect(libpq == ["Sources/ZHTJStorage/Postgres/PGConnection.swift"], "\(libpq)")
        for file in Self.swiftFiles(under: "Sources/ZHTJStorage") + Self.swiftFiles(under: "Sources/ZHTJRegistry") {
            for call in ["FileManager", "contentsOfFile", "Data(contentsOf", "fopen(", "open("] {
                #expect(!file.text.contains(call), "\(file.path) uses \(call)")
            }
        }
    }

    /// The wire-only types (params, results, envelopes in ZHTJCore/Protocol) never appear in the storage seam.
    /// The console (issue 17) is the only HTTP code, and it reaches the registry only through its backend.
    @Test func onlyTheConsoleSpeaksHTTPAndItKnowsNoStorage() {
        let sources = Self.swiftFiles(under: "Sources")
        let http = sources.filter { $0.text.contains("import Hummingbird") || $0.text.contains("import Mustache") }.map(\.path)
        #expect(!http.isEmpty && http.allSatisfy { $0.hasPrefix("Sources/ZHTJConsole/") }, "\(http)")
        for file in sources where file.path.hasPrefix("Sources/ZHTJConsole/") {
            for module in ["ZHTJStorage", "ZHTJRegistry", "ZHTJDaemon", "ZHTJIngest"] {
                #expect(!file.text.contains("import \(module)"), "\(file.path) imports \(module)")
            }
        }
    }

    @Test func theSeamSpeaksNoWireTypes() {
        var wire = Set<String>()
        for file in Self.swiftFiles(under: "Sources/ZHTJCore/Protocol") {
            for line in file.text.split(separator: "\n") where line.hasPrefix("public struct ") || line.hasPrefix("public enum ") {
                if let name = line.split(separator: " ").dropFirst(2).first?.split(whereSeparator: { ":<{ ".contains($0) }).first {
                    wire.insert(String(name))
                }
            }
        }
        #expect(wire.isSuperset(of: ["GetResult", "ProgressResult", "DecisionParams", "Response"]))
        for file in Self.swiftFiles(under: "Sources/ZHTJRegistry") {
            #expect(Self.words(file.text).intersection(wire.subtracting(["ZHTJCommand", "Access", "API"])).isEmpty, "\(file.path)")
        }
        for file in Self.swiftFiles(under: "Sources/ZHTJStorage") {
            let publicLines = file.text.split(separator: "\n").filter { $0.contains("public func") }.joined(separator: "\n")
            #expect(Self.words(publicLines).intersection(wire).isEmpty, "\(file.path)")
        }
    }

    /// Commands are registered per feature: no file names more than a feature's worth of them.
    @Test func noFileListsEveryCommand() {
        let commands = RouteTable.daemon.names.count
        #expect(commands == CommandRegistryTests.authorization.count)
        for file in Self.swiftFiles(under: "Sources") where !file.path.contains("/Protocol/Commands/") {
            let named = Self.words(file.text.replacingOccurrences(of: "API.", with: "API_")).filter { $0.hasPrefix("API_") }
            #expect(named.count <= 8, "\(file.path) names \(named.count) commands")
        }
    }
}
