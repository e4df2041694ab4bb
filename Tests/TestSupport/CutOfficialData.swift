import Foundation
import PlacementScenarios

/// A copy of the shipped official data whose DfE tables keep only some of their rows.
public struct CutOfficialData {
    public let directory: TemporaryDirectory
    public var path: String { directory.path }

    /// Keeps the header and the records of `file` whose year `keeps`.
    public init(_ file: String = OfficialTables.lookedAfterFile, keeping keeps: (Int) -> Bool) throws {
        directory = try TemporaryDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: "\(Fixtures.root)/data") where name != file {
            try FileManager.default.copyItem(atPath: "\(Fixtures.root)/data/\(name)", toPath: directory.file(name))
        }
        // DfE's records hold no line breaks inside quotes: one record a line.
        let lines = try String(contentsOfFile: "\(Fixtures.root)/data/\(file)", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true)
        let kept = [lines[0]] + lines.dropFirst().filter { line in keeps(Int(line.prefix(4)) ?? 0) }
        try (kept.joined(separator: "\n") + "\n").write(toFile: directory.file(file), atomically: true, encoding: .utf8)
    }

    public func remove() { directory.remove() }
}
