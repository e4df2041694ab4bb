import Foundation

/// Runs GLPK's own command-line solver, `glpsol` (Debian's glpk-utils), on an exported model: an
/// independent check of what the library reports.
public enum Glpsol {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The optimal objective glpsol reports for a free MPS file.
    public static func objective(ofFreeMPS path: String, maximise: Bool = false) throws -> Double {
        try objective(arguments: ["--freemps", path] + (maximise ? ["--max"] : []))
    }

    /// The optimal objective glpsol reports for a CPLEX LP file.
    public static func objective(ofCPLEXLP path: String) throws -> Double {
        try objective(arguments: ["--lp", path])
    }

    private static func objective(arguments: [String]) throws -> Double {
        let report = FileManager.default.temporaryDirectory
            .appendingPathComponent("glpsol-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: report) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
        process.arguments = arguments + ["-o", report]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "glpsol \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        // The report has a line such as "Objective:  cost = 153.675 (MINimum)".
        let text = try String(contentsOfFile: report, encoding: .utf8)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Objective:") }),
            let equals = line.firstIndex(of: "="),
            let value = Double(line[line.index(after: equals)...].split(separator: " ").first ?? "")
        else {
            throw Failure(description: "no objective in glpsol's report:\n\(text)")
        }
        return value
    }
}
