import Foundation
import PlacementCommands
import TestSupport
import Testing

/// `--format` either works, with or without `--out`, or is refused with a reason.
@Suite("--format and --out together")
struct OutputFormatTests {
    static let tiny = Fixtures.scenario("tiny")

    @Test("sufficiency --out --format json writes the folder and prints the report as JSON")
    func sufficiencyJSONWithOut() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("northtown")
        let run = try BuiltTool.run(
            "placement", ["sufficiency", Self.tiny, "--authority", "Northtown", "--out", out, "--format", "json"])
        #expect(run.status == 0, "\(run.standardError)")
        let json = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        #expect((json?["title"] as? String)?.contains("Northtown") == true)
        #expect(run.standardError.contains("Sufficiency report written"))
        #expect(FileManager.default.fileExists(atPath: "\(out)/sufficiency.json"))
    }

    @Test("sufficiency --all --out --format markdown prints the index")
    func sufficiencyIndexWithOut() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let run = try BuiltTool.run(
            "placement", ["sufficiency", Self.tiny, "--all", "--out", directory.file("all"), "--format", "markdown"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("# "))
        #expect(run.standardOutput.contains("Eastbury"))
        #expect(run.standardError.contains("3 sufficiency reports written"))
    }

    @Test("without --format, sufficiency --out prints where it wrote, as before")
    func sufficiencyDefault() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let run = try BuiltTool.run(
            "placement", ["sufficiency", Self.tiny, "--authority", "Northtown", "--out", directory.file("r")])
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("Sufficiency report written"))
    }

    @Test("sufficiency --help lists only the formats it prints")
    func sufficiencyHelp() {
        let help = PlacementCommand.helpMessage(for: PlacementCommand.Sufficiency.self, columns: 200)
        #expect(help.contains("(values: markdown, json)"))
        #expect(!help.contains("json or csv"))
        #expect(!help.contains("values: markdown, json, csv"))
    }

    @Test(
        "sufficiency --format csv is refused with the formats it takes, with or without --out",
        arguments: [false, true])
    func sufficiencyCSVRefused(withOut: Bool) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("r")
        let run = try BuiltTool.run(
            "placement",
            ["sufficiency", Self.tiny, "--authority", "Northtown", "--format", "csv"] + (withOut ? ["--out", out] : []))
        #expect(run.status == 64)
        #expect(run.standardError.contains("'csv' is invalid for '--format <format>'"))
        #expect(run.standardError.contains("'markdown' and 'json'"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("solve --out --format csv prints the placements CSV and writes the folder")
    func solveCSVWithOut() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("s")
        let run = try BuiltTool.run("placement", ["solve", Self.tiny, "--out", out, "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("mode,unit_id,"))
        #expect(FileManager.default.fileExists(atPath: "\(out)/regional.json"))
    }
}
