import ArgumentParser
import Foundation
import PlacementCommands
import TestSupport
import Testing

/// Commands run on `tiny` with `TinyData`: its three councils have published figures, so the
/// commands that solve do so in today's market, and the years they may start from are 2024 and 2025.
@Suite("Commands on published authorities: the market said, the years checked, the warnings kept")
struct TodaysMarketCommandTests {
    @Test("the sufficiency report's method follows the market solved: today's, not every place free")
    func sufficiencyMethodInTodaysMarket() throws {
        let data = try TinyData()
        defer { data.directory.remove() }
        let out = try TemporaryDirectory()
        defer { out.remove() }
        let report = out.file("northtown")
        var command = try PlacementCommand.parseAsRoot([
            "sufficiency", Fixtures.scenario("tiny"), "--authority", "Northtown", "--data", data.directory.path,
            "--out", report, "--quiet",
        ])
        try command.run()
        let markdown = try String(contentsOfFile: report + "/sufficiency.md", encoding: .utf8)
        let method = try #require(markdown.components(separatedBy: "## Method and data").last)
        #expect(!method.contains("treated as free"))
        #expect(method.contains("today's market"))
        #expect(method.contains("As-is is today's placements"))
        // The change from today is of every child placed at once, which the summary says, so that it is
        // not read as a year's change.
        let summary = try #require(markdown.components(separatedBy: "## Summary").last)
        #expect(summary.contains("commissioning, with every child placed afresh in today's market"))
    }

    @Test("real authorities given a --data folder without the official tables are refused with why")
    func missingDataIsSaid() throws {
        let away = try TemporaryDirectory()
        defer { away.remove() }
        // Greater Manchester's real codes, with a data folder holding none of the tables (without
        // --data the tool finds the shipped tables from any folder).
        let scenario = away.file("greater-manchester")
        try FileManager.default.copyItem(atPath: Fixtures.scenario("greater-manchester"), toPath: scenario)
        try FileManager.default.createDirectory(atPath: away.file("no-data"), withIntermediateDirectories: false)
        // Named with --data, a folder without the tables is an error (it had been a note, exit 0).
        let run = try BuiltTool.run(
            "placement", ["compare", scenario, "--modes", "council", "--data", "no-data", "--quiet"],
            workingDirectory: away.path)
        #expect(run.status == 1)
        #expect(
            run.standardError.contains("no-data: --data: holds none of the official tables"), "\(run.standardError)")
        // Synthetic codes (tiny's) are not told: no official data is expected for them.
        let tiny = try BuiltTool.run(
            "placement", ["compare", Fixtures.scenario("tiny"), "--data", "no-data", "--quiet"],
            workingDirectory: away.path)
        #expect(tiny.status == 0 && !tiny.standardError.contains("no official data"))
    }

    @Test("with --empty-market the method says every place is free, as the comparison report does")
    func sufficiencyMethodInEmptyMarket() throws {
        let data = try TinyData()
        defer { data.directory.remove() }
        let out = try TemporaryDirectory()
        defer { out.remove() }
        for command in ["sufficiency", "compare"] {
            let folder = out.file(command)
            let scope = command == "sufficiency" ? ["--authority", "Northtown"] : []
            var parsed = try PlacementCommand.parseAsRoot(
                [command, Fixtures.scenario("tiny")] + scope + [
                    "--data", data.directory.path, "--empty-market", "--out", folder, "--quiet",
                ])
            try parsed.run()
            let markdown = try String(
                contentsOfFile: folder + (command == "sufficiency" ? "/sufficiency.md" : "/report.md"),
                encoding: .utf8)
            #expect(markdown.contains("Every place in the scenario is treated as free for the scenario's children"))
            #expect(markdown.contains("--empty-market: every registered place is treated as empty and free."))
            #expect(!markdown.contains("today's market:"))
        }
    }

    @Test("simulate --from a year without published figures names the years there are, exit 64")
    func simulateFromUnpublishedYear() throws {
        let data = try TinyData()
        defer { data.directory.remove() }
        var command = try PlacementCommand.parseAsRoot([
            "simulate", Fixtures.scenario("tiny"), "--data", data.directory.path, "--from", "2020", "--to", "2022",
        ])
        #expect(throws: ExitCode.validationFailure) { try command.run() }
        let run = try BuiltTool.run(
            "placement",
            ["simulate", Fixtures.scenario("tiny"), "--data", data.directory.path, "--from", "2020", "--to", "2022"])
        #expect(run.status == 64)
        #expect(run.standardError.contains("Error: --from 2020: no published figures for 2020"))
        #expect(run.standardError.contains("(published there: 2024 to 2025)"))
        #expect(!run.standardError.contains("flows.csv"))
    }

    /// A copy of `tiny` with a child no provider can take: loading it warns.
    static func scenarioWithWarning() throws -> ScenarioCopy {
        let copy = try ScenarioCopy(of: "tiny")
        try copy.append("children.csv", line: "C99,T00000001,residential_school,10-15,1,,,")
        return copy
    }

    @Test("the scenario's solving warnings come from validate and the solving commands, not forecast or baseline")
    func warningsOnlyWhereSolved() throws {
        let data = try TinyData()
        defer { data.directory.remove() }
        let copy = try Self.scenarioWithWarning()
        defer { copy.remove() }
        let validate = try BuiltTool.run("placement", ["validate", copy.path])
        #expect(validate.standardError.contains("warning: placement_type"))
        let solve = try BuiltTool.run("placement", ["solve", copy.path, "--format", "json"])
        #expect(solve.standardError.contains("warning: placement_type"))
        for arguments in [["forecast", copy.path], ["baseline", copy.path, "--data", data.directory.path]] {
            let run = try BuiltTool.run("placement", arguments)
            #expect(run.status == 0, "\(arguments[0]): \(run.standardError)")
            // forecast says tiny's authorities are not DfE's, a warning of its own; no other warning.
            let warnings = run.standardError.split(separator: "\n").filter { $0.contains("warning:") }
            #expect(
                warnings.allSatisfy { $0.contains("are not in DfE's tables") }, "\(arguments[0]): \(run.standardError)")
        }
        // The backtest replays published figures (TinyData has no flows, so it stops there, after loading).
        let backtest = try BuiltTool.run(
            "placement", ["simulate", copy.path, "--data", data.directory.path, "--backtest", "2024"])
        #expect(!backtest.standardError.contains("warning:"), "\(backtest.standardError)")
    }
}
