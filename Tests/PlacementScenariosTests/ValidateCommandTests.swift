import ArgumentParser
import Foundation
import PlacementCommands
import TestSupport
import Testing

@Suite("placement validate")
struct ValidateCommandTests {
    @Test("a valid scenario runs in process without error")
    func valid() throws {
        var command = try PlacementCommand.parseAsRoot(["validate", Fixtures.scenario("tiny")])
        try command.run()
    }

    @Test("an invalid scenario exits 1")
    func invalid() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try copy.append("children.csv", line: "C11,E99999999,foster,5-9,1,,,")
        var command = try PlacementCommand.parseAsRoot(["validate", copy.path])
        #expect(throws: ExitCode(1)) { try command.run() }
    }

    @Test("the built tool prints the problems on stderr, nothing on stdout, and exits 1")
    func endToEnd() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try copy.replace("providers.csv", "foster,2,600", with: "foster,three,600")
        let (status, output, errors) = try runPlacement(["validate", copy.path])
        #expect(status == 1)
        #expect(output.isEmpty)
        #expect(errors.contains("providers.csv:2:93: places: 'three' is not a whole number"))

        let (validStatus, summary, _) = try runPlacement(["validate", Fixtures.scenario("tiny")])
        #expect(validStatus == 0)
        #expect(summary.contains("13 children in 10 cohorts, 6 providers"))
    }

    @Test("the summary's tables group thousands, each column right-aligned and apart")
    func groupedCounts() throws {
        let (status, summary, _) = try runPlacement(["validate", Fixtures.scenario("england-2025")])
        #expect(status == 0)
        let lines = summary.split(separator: "\n").map(String.init)
        let all = try #require(lines.first { $0.hasPrefix("all ") })
        #expect(all.hasSuffix(" 81,773"), "\(all)")
        // Every cell of a row is its own word: no two counts run together.
        let header = try #require(lines.first { $0.hasPrefix("authority ") })
        #expect(all.split(separator: " ").count == header.split(separator: " ").count, "\(all)")
        let council = try #require(lines.first { $0.hasPrefix("Local authority ") })
        #expect(council.contains(" 26,230 ") && council.count == all.count - 3 * 8, "\(council)")
    }

    @Test("usage errors exit 64")
    func usage() throws {
        let (status, _, _) = try runPlacement(["validate"])
        #expect(status == 64)
    }

    private func runPlacement(_ arguments: [String]) throws -> (Int32, String, String) {
        let run = try BuiltTool.run("placement", arguments)
        return (run.status, run.standardOutput, run.standardError)
    }
}
