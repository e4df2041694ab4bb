import Foundation

/// Runs a built tool with a pseudo-terminal as its standard streams (util-linux's `script`), as a
/// person at a terminal would, to see what only a terminal is shown.
public enum PseudoTerminal {
    /// Everything the tool wrote to the terminal (stdout and stderr together), and its exit status.
    public static func run(_ name: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (
        status: Int32, text: String
    ) {
        let tool = BuiltTool.productsDirectory.appendingPathComponent(name).path
        let command = ([tool] + arguments).map(quoted).joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        // -q no banner, -e the tool's exit status, -c the command; the typescript is discarded.
        process.arguments = ["-qec", command, "/dev/null"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `text` in single quotes for the shell `script` runs the command with.
    private static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
