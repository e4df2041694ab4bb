import ArgumentParser
import TestSupport
import Testing

@testable import PlacementCommands

/// A negative number after a numeric option is that option's value, so the option's own range check
/// answers, not a "missing value" for an option the minus sign seemed to start.
@Suite("Numeric options take negative values and refuse them by their range")
struct NegativeNumberTests {
    static let tiny = Fixtures.scenario("tiny")

    /// Every numeric option of every command, given a negative value, and what its range check says.
    static let refused: [(arguments: [String], message: String)] = [
        (["solve", tiny, "--threads", "-3"], "--threads must be at least 1"),
        (["solve", tiny, "--time-limit", "-1"], "--time-limit must be a number of seconds above 0"),
        (["compare", tiny, "--draws", "-1"], "--draws must be from 1 to 10000"),
        (["compare", tiny, "--seed", "-1"], "The value '-1' is invalid for '--seed <seed>'"),
        (["stress", tiny, "--draws", "-1"], "--draws must be from 1 to 10000"),
        (["sufficiency", tiny, "--authority", "Northtown", "--simulate-to", "-5"], "--simulate-to must be a year"),
        (
            ["sufficiency", tiny, "--authority", "Northtown", "--simulate-to", "2027", "--draws", "-1"],
            "--draws must be 1 to 1,000"
        ),
        (["sufficiency", tiny, "--authority", "Northtown", "--plan", "p.csv", "--open-by", "-5"], "--open-by must be"),
        (["sufficiency", tiny, "--authority", "Northtown", "--seed", "-1"], "'-1' is invalid for '--seed <seed>'"),
        (["plan", tiny, "--budget", "-5"], "--budget must be a number of pounds from 0 to 1,000,000,000,000"),
        // Shares are whole pounds adding up to the budget: pence had printed shares a pound off it.
        (["plan", tiny, "--budget", "1000000.5"], "--budget is whole pounds (1000000.5 has pence)"),
        (["plan", tiny, "--budget", "5", "--gap", "-1"], "--gap must be ≥ 0"),
        (
            ["plan", tiny, "--budget", "5", "--gap", "2"],
            "--gap is a fraction of the objective, at most 1 (0.02 is 2%)"
        ),
        (["plan", tiny, "--budget", "5", "--time-limit", "-1"], "--time-limit must be a number of seconds above 0"),
        (["plan", tiny, "--budget", "5", "--year", "-5"], "--year must be a calendar year"),
        (
            ["import", "c.csv", "--authority", "Northtown", "--as-of", "2025-03-31", "--radius", "-5"],
            "--radius must be"
        ),
        (
            ["forecast", "--to", "-5"],
            "--to must be a year after the last published year and at most 15 years after it"
        ),
        (["forecast", "--backtest", "-1"], "--backtest must be a year from 1990 to 2100"),
        (["forecast", "--seed", "-1"], "'-1' is invalid for '--seed <seed>'"),
        (["forecast", tiny, "--children-for", "-1", "--scenario-out", "s"], "--children-for must be a forecast year"),
        (["generate", "synthetic", "--seed", "-1", "--out", "o"], "'-1' is invalid for '--seed <seed>'"),
        (["generate", "synthetic", "--scale", "-1", "--out", "o"], "--scale must be above 0"),
        (["simulate", tiny, "--from", "-5"], "--from must be a year from 2000 to 2100 (got -5)"),
        (["simulate", tiny, "--to", "-5"], "--to must be a year from 2000 to 2100 (got -5)"),
        (["simulate", tiny, "--draws", "-1"], "--draws must be 1 to 1,000"),
        (["simulate", tiny, "--batches", "-1"], "--batches must be 1 to 52"),
        (["simulate", tiny, "--seed", "-1"], "'-1' is invalid for '--seed <seed>'"),
    ]

    @Test("a negative value reaches the option's own check", arguments: refused)
    func refusedByRange(arguments: [String], message: String) {
        do {
            _ = try PlacementCommand.parseAsRoot(arguments)
            Issue.record("\(arguments) parsed")
        } catch {
            let said = PlacementCommand.message(for: error)
            #expect(!said.contains("Missing value"), "\(said)")
            #expect(said.contains(message), "\(said)")
        }
    }

    /// Years the command checks against the data it reads: parsed, so that the run names the years it has.
    @Test(
        "baseline and simulate years are parsed as given, negative or not",
        arguments: [["--year", "-5"], ["--calibrate-on", "-5"], ["--predict", "-5"]])
    func baselineYears(option: [String]) throws {
        let parsed = try PlacementCommand.parseAsRoot(["baseline", Self.tiny] + option)
        let baseline = try #require(parsed as? PlacementCommand.Baseline)
        #expect([baseline.year, baseline.calibrateOn, baseline.predict].contains(-5))
    }

    @Test("simulate --backtest takes a negative year as its value")
    func simulateBacktest() throws {
        let parsed = try PlacementCommand.parseAsRoot(["simulate", Self.tiny, "--backtest", "-5"])
        #expect((parsed as? PlacementCommand.Simulate)?.backtest == -5)
    }
}
