import Foundation

/// The package's built executables, found beside the test bundle (wherever `swift build` put it:
/// `.build/debug`, a `--scratch-path`, release), and a way to run one as a process.
public enum BuiltTool {
    /// The folder holding the built products: the test bundle's own folder.
    public static let productsDirectory: URL = {
        let bundle = Bundle.main.bundleURL
        return bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
    }()

    /// What a run printed and how it ended.
    public struct Run: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    /// Runs `placement` with `arguments` and `--format json`, and returns the printed JSON object;
    /// nil when it exits non-zero or prints no object (`run` then says why).
    public static func placementJSON(_ arguments: [String]) throws -> (object: [String: Any]?, run: Run) {
        let run = try run("placement", arguments + ["--format", "json"])
        guard run.status == 0 else { return (nil, run) }
        return (try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any], run)
    }

    /// Runs the product `name` with `arguments` to completion (in `workingDirectory`, by default the
    /// tests' own). `standardOutput` or `standardError`, when given, is where that stream goes instead
    /// of being captured (it then reads as empty in the `Run`).
    public static func run(
        _ name: String, _ arguments: [String], environment: [String: String]? = nil, workingDirectory: String? = nil,
        standardOutput: FileHandle? = nil, standardError: FileHandle? = nil
    ) throws -> Run {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent(name)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        let output = standardOutput == nil ? Pipe() : nil
        let errors = standardError == nil ? Pipe() : nil
        process.standardOutput = standardOutput ?? output
        process.standardError = standardError ?? errors
        try process.run()
        // Both pipes drained at once, so a chatty stderr cannot block the child.
        let errorData = LockedData()
        let reader = Thread { errorData.value = errors?.fileHandleForReading.readDataToEndOfFile() ?? Data() }
        reader.start()
        let outputData = output?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        process.waitUntilExit()
        while !errorData.isSet { Thread.sleep(forTimeInterval: 0.001) }
        return Run(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData.value, as: UTF8.self))
    }
}

/// Data handed from the stderr reader to the caller.
private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Data?

    var value: Data {
        get { lock.withLock { stored ?? Data() } }
        set { lock.withLock { stored = newValue } }
    }

    var isSet: Bool { lock.withLock { stored != nil } }
}
