import Foundation

/// Paths to the repository's `Fixtures/` folder, found from this file's location.
public enum Fixtures {
    public static let root: String = {
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").path
    }()

    public static func scenario(_ name: String) -> String { "\(root)/scenarios/\(name)" }
}

/// A copy of a shipped scenario in a temporary folder, to be edited by a test.
public struct ScenarioCopy {
    public let directory: TemporaryDirectory
    public var path: String { directory.path }

    public init(of name: String) throws {
        directory = try TemporaryDirectory()
        let source = Fixtures.scenario(name)
        for file in try FileManager.default.contentsOfDirectory(atPath: source) where !file.hasSuffix(".md") {
            try FileManager.default.copyItem(atPath: "\(source)/\(file)", toPath: directory.file(file))
        }
    }

    public func read(_ file: String) throws -> String {
        try String(contentsOfFile: directory.file(file), encoding: .utf8)
    }

    public func write(_ file: String, _ text: String) throws {
        try text.write(toFile: directory.file(file), atomically: true, encoding: .utf8)
    }

    /// Appends one CSV line.
    public func append(_ file: String, line: String) throws { try write(file, try read(file) + line + "\n") }

    /// Replaces the first occurrence of `old` with `new`.
    public func replace(_ file: String, _ old: String, with new: String) throws {
        let text = try read(file)
        guard let range = text.range(of: old) else { throw CocoaError(.fileReadUnknown) }
        try write(file, text.replacingCharacters(in: range, with: new))
    }

    public func remove() { directory.remove() }
}
