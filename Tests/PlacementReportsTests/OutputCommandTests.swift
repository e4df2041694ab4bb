import ArgumentParser
import Foundation
import PlacementOptimisation
import PlacementReports
import PlacementScenarios
import TestSupport
import Testing

@testable import PlacementCommands

@Suite("Command output: result sets, options and messages")
struct OutputCommandTests {
    private func entries(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    @Test(
        "--time-limit must be a finite number of seconds within a year, for plan as for solve",
        arguments: [["solve"], ["plan", "--budget", "5"]], ["inf", "nan", "-1", "0", "1e16", "9.3e15", "31536001"])
    func timeLimit(command: [String], value: String) {
        let arguments = [command[0], Fixtures.scenario("tiny")] + command.dropFirst() + ["--time-limit", value]
        let error = #expect(throws: (any Error).self) { _ = try PlacementCommand.parseAsRoot(arguments) }
        #expect(
            error.map { PlacementCommand.message(for: $0) }?.hasPrefix(
                "--time-limit must be a number of seconds above 0 and at most 31536000 (a year)") == true,
            "\(error.map { PlacementCommand.message(for: $0) } ?? "")")
    }

    @Test(
        "a year of --time-limit is accepted, for plan as for solve", arguments: [["solve"], ["plan", "--budget", "5"]])
    func timeLimitOfAYear(command: [String]) throws {
        _ = try PlacementCommand.parseAsRoot(
            [command[0], Fixtures.scenario("tiny")] + command.dropFirst() + ["--time-limit", "31536000"])
    }

    @Test("--time-limit inf is a usage error from the tool, not a trap")
    func timeLimitProcess() throws {
        let run = try PlacementProcess.run(["solve", Fixtures.scenario("tiny"), "--time-limit", "inf"])
        #expect(run.status == 64)
        #expect(run.errors.contains("--time-limit"))
    }

    @Test("--export-model with a path over 4 KB fails with exit 2 and a reason, not an abort")
    func longExportPath() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file(String(repeating: "a", count: 4_200) + ".mps")
        let run = try PlacementProcess.run(["solve", Fixtures.scenario("tiny"), "--export-model", path])
        #expect(run.status == 2)
        // Said before the folder is looked at or anything solved: a trial's folder with a path over 4 KB
        // had been called one that cannot be written (exit 64).
        #expect(run.errors.contains("--export-model: the path is \(path.utf8.count) bytes long"), "\(run.errors)")
        #expect(run.errors.contains("bytes long; at most 3600 are allowed"))
    }

    @Test("--export-model into a folder that is not there is refused before solving, and --out is not written")
    func exportFolderMissing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("out")
        let run = try PlacementProcess.run([
            "solve", Fixtures.scenario("tiny"), "--out", out, "--export-model", directory.file("missing/model.mps"),
        ])
        #expect(run.status == 64)
        #expect(run.errors.contains("is not a folder that can be written"))
        #expect(entries(directory.path).isEmpty)
    }

    /// A read-only file system (`/proc`): `access` grants root the folder, the file is refused. A trial
    /// found it only after solving, with exit 2 and a message that did not name the option.
    @Test("--export-model into a read-only file system is refused before solving, naming the option")
    func exportFolderReadOnly() throws {
        let run = try PlacementProcess.run(["solve", Fixtures.scenario("tiny"), "--export-model", "/proc/model.lp"])
        #expect(run.status == 64)
        #expect(run.errors.contains("--export-model /proc/model.lp: /proc is not a folder that can be written"))
    }

    @Test("plan --export-model inside --out, which the result set would replace, is refused before planning")
    func planExportIntoOut() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("out")
        let run = try PlacementProcess.run([
            "plan", Fixtures.scenario("tiny-plan"), "--budget", "100000", "--out", out, "--export-model",
            out + "/plan.mps",
        ])
        #expect(run.status == 64)
        #expect(run.errors.contains("inside --out"))
        #expect(entries(directory.path).isEmpty)
    }

    @Test("--export-model inside --out stays in the result set")
    func exportIntoOut() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("out")
        let run = try PlacementProcess.run([
            "solve", Fixtures.scenario("tiny"), "--out", out, "--export-model", out + "/model.lp",
        ])
        #expect(run.status == 0)
        #expect(entries(out).contains("model.lp"))
        #expect(entries(out).contains("regional.json"))
    }

    @Test("solve --out replaces an earlier result set whole")
    func replacesEarlierSet() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("out")
        var first = try PlacementCommand.parseAsRoot([
            "solve", Fixtures.scenario("tiny"), "--mode", "council", "--out", out,
        ])
        try first.run()
        #expect(entries(out).contains("council.json"))
        var second = try PlacementCommand.parseAsRoot(["solve", Fixtures.scenario("tiny"), "--out", out])
        try second.run()
        #expect(
            entries(out) == [
                OutputFolder.markerName, "metrics-regional.csv", "placements-regional.csv", "regional.json",
                "regional.md",
            ])
        #expect(entries(directory.path) == ["out"])
    }

    @Test("--out naming a folder of other files is a usage error, and the folder is left alone")
    func foreignOut() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try "mine".write(toFile: directory.file("notes.txt"), atomically: false, encoding: .utf8)
        var command = try PlacementCommand.parseAsRoot(["compare", Fixtures.scenario("tiny"), "--out", directory.path])
        #expect(throws: ExitCode.validationFailure) { try command.run() }
        #expect(entries(directory.path) == ["notes.txt"])
    }

    @Test("forecast --out is refused up front, as every command's, for a file or a folder of other files")
    func forecastForeignOut() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("notes.txt")
        try "mine".write(toFile: file, atomically: false, encoding: .utf8)
        for out in [file, directory.path] {
            var command = try PlacementCommand.parseAsRoot(["forecast", "--out", out])
            #expect(throws: ExitCode.validationFailure) { try command.run() }
        }
        #expect(entries(directory.path) == ["notes.txt"])
        let run = try PlacementProcess.run(["forecast", "--out", file])
        #expect(run.status == 64)
        #expect(run.errors.contains("--out \(file): exists and is not a folder"))
        #expect(!run.errors.contains("OutputError"))
    }

    @Test("forecast --out writes a result set, replaced whole by the next run")
    func forecastResultSet() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("forecast")
        for _ in 0..<2 {
            var command = try PlacementCommand.parseAsRoot(["forecast", Fixtures.scenario("tiny"), "--out", out])
            try command.run()
        }
        #expect(entries(out) == [OutputFolder.markerName, "forecast.csv", "forecast.html", "forecast.json"])
    }

    @Test("a written scenario replaces the earlier one whole: no table of the old scenario lingers")
    func scenarioReplacedWhole() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("scenario")
        var forecast = try PlacementCommand.parseAsRoot([
            "forecast", Fixtures.scenario("greater-manchester"), "--children-for", "2027", "--scenario-out", out,
        ])
        try forecast.run()
        #expect(entries(out).contains("actuals.csv"))
        // The synthetic scenario has no published actuals: Greater Manchester's must not stay beside them.
        var synthetic = try PlacementCommand.parseAsRoot(["generate", "synthetic", "--scale", "0.02", "--out", out])
        try synthetic.run()
        #expect(
            entries(out) == [
                OutputKind.scenario.markerName, "authorities.csv", "children.csv", "cooperatives.csv", "providers.csv",
                "scenario.yaml",
            ])
        _ = try ScenarioLoader.load(from: out)
    }

    @Test("a command's --out never replaces a scenario, the shipped ones included; a scenario never replaces results")
    func kindsKeptApart() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let scenario = directory.file("scenario")
        let results = directory.file("results")
        #expect(try PlacementProcess.run(["generate", "synthetic", "--scale", "0.02", "--out", scenario]).status == 0)
        #expect(try PlacementProcess.run(["solve", Fixtures.scenario("tiny"), "--out", results]).status == 0)
        let solve = try PlacementProcess.run(["solve", Fixtures.scenario("tiny"), "--out", scenario])
        #expect(solve.status == 64)
        #expect(solve.errors.contains("is a scenario"))
        #expect(entries(scenario).contains("children.csv"))
        let forecast = try PlacementProcess.run([
            "forecast", Fixtures.scenario("tiny"), "--children-for", "2027", "--scenario-out", results,
        ])
        #expect(forecast.status == 64)
        #expect(entries(results).contains("regional.json"))
        #expect(
            try PlacementProcess.run(["solve", Fixtures.scenario("tiny"), "--out", Fixtures.scenario("england-2025")])
                .status == 64)
    }

    @Test(
        "--out and --scenario-out that are one folder or nest are refused before the forecast, even when neither exists",
        arguments: [("same", "same"), ("s2/fc", "s2"), ("s3", "s3/scenario")])
    func nestedForecastOutputs(out: String, scenarioOut: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let run = try PlacementProcess.run([
            "forecast", Fixtures.scenario("tiny"), "--children-for", "2027", "--out", directory.file(out),
            "--scenario-out", directory.file(scenarioOut),
        ])
        #expect(run.status == 64)
        #expect(run.errors.contains("give two separate folders"))
        #expect(entries(directory.path).isEmpty)
    }

    @Test("--export-model in a sub-folder of --out, or naming --out itself, is refused before solving")
    func exportNestedInOut() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for (out, model) in [("r", "r/sub/m.lp"), ("q.mps", "q.mps")] {
            let run = try PlacementProcess.run([
                "solve", Fixtures.scenario("tiny"), "--out", directory.file(out), "--export-model",
                directory.file(model),
            ])
            #expect(run.status == 64)
            #expect(run.errors.contains("give a file directly in it, or outside it"))
        }
        #expect(entries(directory.path).isEmpty)
    }

    @Test("--scenario-out is checked before the forecast runs: a folder of other files is a usage error, left alone")
    func foreignScenarioOut() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try "mine".write(toFile: directory.file("notes.txt"), atomically: false, encoding: .utf8)
        let run = try PlacementProcess.run([
            "forecast", Fixtures.scenario("tiny"), "--children-for", "2027", "--scenario-out", directory.path,
        ])
        #expect(run.status == 64)
        #expect(run.errors.contains("--scenario-out \(directory.path): the folder holds files placement did not write"))
        #expect(run.output.isEmpty)
        #expect(entries(directory.path) == ["notes.txt"])
        let synthetic = try PlacementProcess.run(["generate", "synthetic", "--out", directory.path])
        #expect(synthetic.status == 64)
        #expect(entries(directory.path) == ["notes.txt"])
    }

    #if os(Linux)
        @Test("--out where no folder can be made fails before solving, naming the path given")
        func unwritableOut() throws {
            var command = try PlacementCommand.parseAsRoot([
                "solve", Fixtures.scenario("tiny"), "--out", "/proc/placement-out",
            ])
            #expect(throws: ExitCode.validationFailure) { try command.run() }
            let run = try PlacementProcess.run(["solve", Fixtures.scenario("tiny"), "--out", "/proc/placement-out"])
            #expect(run.status == 64)
            #expect(run.errors.contains("--out /proc/placement-out: cannot create a folder in /proc"))
            #expect(!run.errors.contains(".staging"))
            // Nothing solved: no time-limit or status line, only the one message.
            #expect(run.output.isEmpty)
        }
    #endif

    @Test(
        "sufficiency --all: codes never name a path outside --out, nor one report over another",
        arguments: [["../../escaped", "..", "T00000003"], ["T00000003/.", "T00000003", "t00000003"]])
    func dangerousCodes(codes: [String]) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let scenario = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        let solved = try PlacementOptimiser.solve(scenario, mode: .councilCoordinated)
        let context = SufficiencyReport.Context(solved, authorities: scenario.authorities.map(\.id))
        let reports = try scenario.authorities.map {
            try SufficiencyReport(.authority($0.id.rawValue), context: context)
        }
        // The reports are tiny's; the codes naming their folders are the dangerous ones.
        let set = PlacementCommand.Sufficiency.allReports(reports, codes: codes, context: context)
        let out = directory.file("a/b/out")
        try OutputFolder.write(set, to: out)
        #expect(set.folders.count == 3)
        let folders = entries(out).filter { !$0.hasPrefix("index") && $0 != OutputFolder.markerName }
        #expect(folders.count == 3)
        for folder in folders {
            #expect(FileManager.default.fileExists(atPath: "\(out)/\(folder)/sufficiency.html"))
        }
        #expect(entries(directory.path) == ["a"])
        #expect(entries(directory.file("a")) == ["b"])
        #expect(entries(directory.file("a/b")) == ["out"])
    }

    @Test("Control characters from input are escaped on stderr")
    func escapedMessages() throws {
        let run = try PlacementProcess.run([
            "sufficiency", Fixtures.scenario("tiny"), "--authority", "\u{1B}]0;owned\u{07}\u{1B}[2J\rNorth",
        ])
        #expect(run.status == 64)
        #expect(!run.errors.contains("\u{1B}"))
        #expect(!run.errors.contains("\r"))
        #expect(run.errors.contains("\\x1B]0;owned\\x07"))
        let unknownOption = try PlacementProcess.run(["solve", Fixtures.scenario("tiny"), "--\u{1B}[31mred"])
        #expect(unknownOption.status == 64)
        #expect(!unknownOption.errors.contains("\u{1B}"))
        #expect(unknownOption.errors.contains("\\x1B[31mred"))
        #expect(TerminalSafeText.escaping("a\u{9B}b\u{202E}c\n\td", multiline: true) == "a\\x9Bb\\u{202E}c\n\td")
    }

    /// Bidirectional marks (U+200E, U+200F, U+061C) can make an echoed value read differently from
    /// what was typed: stderr shows them escaped, as the scenario loader's messages do.
    @Test("A bidirectional mark in a bad value is escaped on stderr", arguments: ["\u{200E}", "\u{200F}", "\u{061C}"])
    func bidirectionalMarks(mark: String) throws {
        let run = try PlacementProcess.run([
            "sufficiency", Fixtures.scenario("tiny"), "--authority", "North\(mark)town",
        ])
        #expect(run.status == 64)
        #expect(!run.errors.contains(mark))
        let hex = String(mark.unicodeScalars.first!.value, radix: 16, uppercase: true)
        #expect(run.errors.contains("North\\u{\(hex)}town"), "got: \(run.errors)")
    }

    @Test("a scenario is never written inside a result set, which the next run writing it would replace")
    func scenarioInsideResultSet() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let results = directory.file("results")
        #expect(try PlacementProcess.run(["solve", Fixtures.scenario("tiny"), "--out", results]).status == 0)
        let before = entries(results)
        let run = try PlacementProcess.run([
            "generate", "synthetic", "--seed", "1", "--scale", "0.001", "--out", results + "/synthetic",
        ])
        #expect(run.status == 64)
        #expect(run.errors.contains("lies inside \(OutputFolder.canonical(results)), a result set"), "\(run.errors)")
        #expect(entries(results) == before)
        // The result set itself: said as what it is, not as a folder of unknown files.
        let onto = try PlacementProcess.run([
            "generate", "synthetic", "--seed", "1", "--scale", "0.001", "--out", results,
        ])
        #expect(onto.status == 64)
        #expect(onto.errors.contains("is a result set, which a scenario never replaces"), "\(onto.errors)")
        #expect(entries(results) == before)
    }

    @Test(
        "--out may not replace a result set holding a shocks or plan file the run reads",
        arguments: [
            ["compare", "--shocks", "shocks.yaml"], ["stress", "--shocks", "shocks.yaml"],
            ["sufficiency", "--all", "--shocks", "shocks.yaml"],
            ["plan", "--budget", "500000", "--shocks", "shocks.yaml"],
            ["compare", "--plan", "plan.csv"], ["sufficiency", "--all", "--plan", "plan.csv"],
        ])
    func inputInsideOut(_ arguments: [String]) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // A plan's result set, as `plan --out` writes it, with a shocks file saved beside its plan.
        let results = directory.file("results")
        let planned = try PlacementProcess.run([
            "plan", Fixtures.scenario("tiny-plan"), "--budget", "500000", "--out", results, "--quiet",
        ])
        #expect(planned.status == 0, "\(planned.errors)")
        try "description: prices\nshocks:\n  - price_change: {sector: private, factor: 1.1}\n"
            .write(toFile: results + "/shocks.yaml", atomically: true, encoding: .utf8)
        let before = entries(results)
        let input = results + "/" + arguments[arguments.count - 1]
        let run = try PlacementProcess.run(
            [arguments[0], Fixtures.scenario("tiny-plan")] + arguments.dropFirst().dropLast() + [
                input, "--out", results,
            ])
        #expect(run.status == 64, "\(arguments): \(run.errors)")
        #expect(run.errors.contains("which this run reads"), "\(run.errors)")
        #expect(entries(results) == before)
    }

    @Test("--export-model may not overwrite a file of the scenario it solves")
    func exportIntoScenario() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let scenario = directory.file("tiny")
        try FileManager.default.copyItem(atPath: Fixtures.scenario("tiny"), toPath: scenario)
        let children = try String(contentsOfFile: scenario + "/children.csv", encoding: .utf8)
        let run = try PlacementProcess.run(["solve", scenario, "--export-model", scenario + "/children.lp"])
        #expect(run.status == 64)
        #expect(run.errors.contains("which this run reads"), "\(run.errors)")
        #expect(!FileManager.default.fileExists(atPath: scenario + "/children.lp"))
        #expect(try String(contentsOfFile: scenario + "/children.csv", encoding: .utf8) == children)
    }

    @Test("a --data folder that is not there is said as such, with or without a scenario")
    func missingDataFolder() throws {
        for arguments in [
            ["forecast", "--data", "/nonexistent-placement-data"],
            ["baseline", Fixtures.scenario("greater-manchester"), "--data", "/nonexistent-placement-data"],
            ["simulate", Fixtures.scenario("greater-manchester"), "--data", "/nonexistent-placement-data"],
        ] {
            let run = try PlacementProcess.run(arguments)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.errors.contains("/nonexistent-placement-data: --data: no such folder"), "\(run.errors)")
        }
    }

    @Test("an unreadable shocks file or plan file says where and why")
    func unreadableFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let shocks = try PlacementProcess.run(["stress", Fixtures.scenario("tiny"), "--shocks", directory.path])
        #expect(shocks.status == 1)
        #expect(shocks.errors.contains("\(directory.path): it is a folder, not a file"), "\(shocks.errors)")
        let missing = directory.file("missing.csv")
        let plan = try PlacementProcess.run(["compare", Fixtures.scenario("tiny-plan"), "--plan", missing])
        #expect(plan.status == 1)
        #expect(plan.errors.contains("\(missing): No such file or directory"), "\(plan.errors)")
        let bytes = directory.file("bytes.yaml")
        try (Data("description: x\nshocks:\n".utf8) + [0xFF]).write(to: URL(fileURLWithPath: bytes))
        let notText = try PlacementProcess.run(["stress", Fixtures.scenario("tiny"), "--shocks", bytes])
        #expect(notText.status == 1)
        #expect(
            notText.errors.contains(
                "bytes.yaml:3:1: is not UTF-8 text: byte FF ('ÿ' in Windows-1252); save the file as UTF-8"),
            "\(notText.errors)")
    }

    @Test("--export-model inside a result set other than --out is refused: the next run writing it would delete it")
    func exportInsideAnotherResultSet() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let results = directory.file("results")
        #expect(try PlacementProcess.run(["solve", Fixtures.scenario("tiny"), "--out", results]).status == 0)
        let before = entries(results)
        let run = try PlacementProcess.run(["solve", Fixtures.scenario("tiny"), "--export-model", results + "/m.lp"])
        #expect(run.status == 64)
        #expect(run.errors.contains("a result set that the next run writing it replaces whole"), "\(run.errors)")
        #expect(entries(results) == before)
    }

    /// A written scenario is replaced whole by the next `generate`, `import` or `forecast
    /// --scenario-out` writing it: results or scenarios inside it went without a word.
    @Test("output inside a scenario placement wrote is refused, as inside a result set")
    func outputInsideAWrittenScenario() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let scenario = directory.file("scenario")
        #expect(try PlacementProcess.run(["generate", "synthetic", "--scale", "0.02", "--out", scenario]).status == 0)
        let before = entries(scenario)
        for arguments in [
            ["solve", Fixtures.scenario("tiny"), "--out", scenario + "/results"],
            ["generate", "synthetic", "--scale", "0.02", "--out", scenario + "/inner"],
            ["solve", Fixtures.scenario("tiny"), "--export-model", scenario + "/m.lp"],
        ] {
            let run = try PlacementProcess.run(arguments)
            #expect(run.status == 64, "\(arguments)")
            #expect(
                run.errors.contains("lies inside \(scenario), a scenario written by placement that the next run"),
                "\(run.errors)")
        }
        #expect(entries(scenario) == before)
    }

    @Test("a mean distance no child has is shown as –, not an empty cell")
    func undefinedMeanDistance() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let scenario = directory.file("tiny")
        try FileManager.default.copyItem(atPath: Fixtures.scenario("tiny"), toPath: scenario)
        let children = try String(contentsOfFile: scenario + "/children.csv", encoding: .utf8)
        try (children.split(separator: "\n").first.map { String($0) + "\n" } ?? "").write(
            toFile: scenario + "/children.csv", atomically: true, encoding: .utf8)
        let run = try PlacementProcess.run(["compare", scenario, "--modes", "council"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("| mean distance (miles) | – |"), "\(run.output)")
        #expect(!run.output.contains("· \n") && !run.output.contains("·  |"))
    }

    @Test("forecast --children-for refuses a scenario none of whose authorities it forecasts, writing nothing")
    func childrenForWithoutForecast() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let run = try PlacementProcess.run([
            "forecast", Fixtures.scenario("tiny"), "--children-for", "2027", "--scenario-out", directory.file("s"),
            "--out", directory.file("f"),
        ])
        #expect(run.status == 1)
        #expect(run.errors.contains("none of tiny's authorities is in the forecast"), "\(run.errors)")
        // Not first told, authority by authority, that the children are kept as they are.
        #expect(!run.errors.contains("its children are kept as they are"), "\(run.errors)")
        #expect(entries(directory.path).isEmpty)
    }

    @Test("simulate says which of its years the scenario's flows.csv has no rows for")
    func uncoveredFlowYears() throws {
        // tiny's flows.csv covers 2026 and 2027.
        let outside = try PlacementProcess.run([
            "simulate", Fixtures.scenario("tiny"), "--from", "2019", "--to", "2021",
        ])
        #expect(outside.status == 0)
        #expect(
            outside.errors.contains("flows.csv: warning: no rows for 2020, 2021: no child arrives"), "\(outside.errors)"
        )
        let covered = try PlacementProcess.run([
            "simulate", Fixtures.scenario("tiny"), "--from", "2025", "--to", "2027",
        ])
        #expect(covered.status == 0)
        #expect(!covered.errors.contains("no rows for"), "\(covered.errors)")
    }

    @Test("counts take their verb's number, and a single year is not a run of years")
    func wording() {
        #expect(ReportNumbers.countIs(1) == "1 is" && ReportNumbers.countIs(3) == "3 are")
        #expect(ReportNumbers.years(2024, 2024) == "2024" && ReportNumbers.years(2021, 2025) == "2021 to 2025")
    }

    @Test(
        "--quiet is taken by every command that may show progress",
        arguments: [
            ["plan", "Fixtures/scenarios/tiny-plan", "--budget", "1"], ["simulate", "Fixtures/scenarios/tiny"],
            ["baseline", "Fixtures/scenarios/tiny"], ["forecast"],
            ["generate", "synthetic", "--seed", "1", "--out", "o"],
            ["generate", "real"],
        ])
    func quiet(arguments: [String]) throws {
        _ = try PlacementCommand.parseAsRoot(arguments + ["--quiet"])
    }
}
