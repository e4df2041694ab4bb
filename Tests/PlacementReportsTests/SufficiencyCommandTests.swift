import ArgumentParser
import Foundation
import PlacementCommands
import TestSupport
import Testing

@Suite("placement sufficiency")
struct SufficiencyCommandTests {
    static func run(_ arguments: [String]) throws {
        var command = try PlacementCommand.parseAsRoot(["sufficiency", Fixtures.scenario("tiny")] + arguments)
        try command.run()
    }

    @Test("--all writes an index and one folder per authority")
    func all() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.run(["--all", "--out", directory.path])
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(entries.filter { $0.hasPrefix("T") } == ["T00000001", "T00000002", "T00000003"])
        #expect(["index.html", "index.md", "index.json", "index-authorities.csv"].allSatisfy(entries.contains))
        for code in ["T00000001", "T00000002", "T00000003"] {
            #expect(FileManager.default.fileExists(atPath: directory.file("\(code)/sufficiency.html")))
        }
        let index = try String(contentsOfFile: directory.file("index-authorities.csv"), encoding: .utf8)
        #expect(index.contains("T00000003/sufficiency.html"))
    }

    @Test(
        "An unknown authority fails before anything is written",
        arguments: [
            ["--authority", "T00000009"], ["--cooperative", "nowhere"],
        ])
    func unknownScope(arguments: [String]) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("reports")
        #expect(throws: ExitCode.validationFailure) { try Self.run(arguments + ["--out", out]) }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("Exactly one scope must be named", arguments: [[String](), ["--all", "--authority", "T00000001"]])
    func oneScope(arguments: [String]) {
        #expect(throws: (any Error).self) {
            _ = try PlacementCommand.parseAsRoot(
                ["sufficiency", Fixtures.scenario("tiny"), "--out", "/tmp/x"] + arguments)
        }
    }
}

@Suite("A co-operative's analyst at the command line")
struct CooperativeScopeTests {
    @Test("--cooperative takes the name as well as the id, and solves regional commissioning by default")
    func byNameAndRegional() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var command = try PlacementCommand.parseAsRoot([
            "sufficiency", Fixtures.scenario("tiny"), "--cooperative", "north and south co-operative", "--out",
            directory.path,
        ])
        try command.run()
        let report = try String(contentsOfFile: directory.file("sufficiency.md"), encoding: .utf8)
        #expect(report.contains("North and South Co-operative"))
        #expect(report.contains("solved under regional commissioning"))
    }

    @Test("placement --version prints the version and succeeds")
    func version() throws {
        let run = try BuiltTool.run("placement", ["--version"])
        #expect(run.status == 0)
        #expect(run.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == PlacementCommand.version)
    }
}
