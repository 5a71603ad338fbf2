import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where `swift build` put `zhtjd` and `zhtj`: beside the test bundle.
enum Binaries {
    static let folder: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // On Linux the runner is `<products>/zhtjPackageTests.xctest`; elsewhere it may sit deeper in a bundle.
        while !FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent("zhtjd").path), dir.path != "/" {
            dir = dir.deletingLastPathComponent()
        }
        return dir.path
    }()

    static var zhtjd: String { folder + "/zhtjd" }
    static var zhtj: String { folder + "/zhtj" }
}

/// The output of a finished process.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String

    var combined: String { stdout + stderr }
}

/// Runs a program to its end, with a time limit.
func runProgram(
    _ path: String, _ arguments: [String], environment: [String: String], currentDirectory: String? = nil, stdin: Data? = nil,
    timeout: TimeInterval = 60
) throws -> ProcessResult {
    // A child that exits without reading its stdin must not kill the test runner.
    signal(SIGPIPE, SIG_IGN)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.environment = environment
    if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
    try? input.fileHandleForWriting.close()
    // Read both pipes to the end before waiting, so a full pipe never blocks the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data(), errData = Data()
    group.enter()
    DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    group.enter()
    DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    if group.wait(timeout: .now() + timeout) == .timedOut {
        process.terminate()
        throw TestFailure("\(path) \(arguments) did not finish within \(timeout)s")
    }
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
