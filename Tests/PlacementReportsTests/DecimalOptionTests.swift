import ArgumentParser
import TestSupport
import Testing

@testable import PlacementCommands

/// Numeric options read numbers as the scenario files do: `--budget 0x10` used to plan a £16 budget
/// (Swift's own parsing takes hexadecimal), where `0x10` in a file is an error.
@Suite("Numeric options take decimal numbers only, as the files do")
struct DecimalOptionTests {
    static let tiny = Fixtures.scenario("tiny")
    static let tinyPlan = Fixtures.scenario("tiny-plan")

    static let hexadecimal: [(arguments: [String], option: String)] = [
        (["plan", tinyPlan, "--budget", "0x10"], "--budget <budget>"),
        (["plan", tinyPlan, "--budget", "5", "--time-limit", "0x10"], "--time-limit <time-limit>"),
        (["plan", tinyPlan, "--budget", "5", "--gap", "0x1p-3"], "--gap <gap>"),
        (["solve", tiny, "--time-limit", "0x10"], "--time-limit <time-limit>"),
        (["compare", tiny, "--time-limit", "-0x1p4"], "--time-limit <time-limit>"),
        (["generate", "synthetic", "--scale", "0x1p-3", "--out", "o"], "--scale <scale>"),
        (
            ["import", "c.csv", "--authority", "Northtown", "--as-of", "2025-03-31", "--radius", "0X10"],
            "--radius <radius>"
        ),
    ]

    @Test("a hexadecimal value is a usage error naming the option", arguments: hexadecimal)
    func hexadecimalRefused(arguments: [String], option: String) {
        do {
            _ = try PlacementCommand.parseAsRoot(arguments)
            Issue.record("\(arguments) parsed")
        } catch {
            let said = PlacementCommand.message(for: error)
            let value = arguments[(arguments.lastIndex { option.hasPrefix($0 + " ") } ?? 0) + 1]
            #expect(said.hasPrefix("The value '\(value)' is invalid for '\(option)': not a decimal number"), "\(said)")
        }
    }

    @Test("a hexadecimal budget of the frontier is refused by name")
    func frontier() {
        let arguments = ["plan", Self.tinyPlan, "--budget", "5", "--frontier", "0x10,1e5", "--out", "o"]
        let error = #expect(throws: (any Error).self) { _ = try PlacementCommand.parseAsRoot(arguments) }
        #expect(
            error.map { PlacementCommand.message(for: $0) }
                == "--frontier: '0x10' is not a whole number of pounds from 0 to 1,000,000,000,000")
    }

    @Test("decimal values, signs, fractions and exponents still parse")
    func decimalAccepted() throws {
        let plan = try #require(
            try PlacementCommand.parseAsRoot([
                "plan", Self.tinyPlan, "--budget", "1.6e1", "--time-limit", "+.5", "--gap", "1E-3",
                "--frontier", "0,1e5", "--out", "o",
            ]) as? PlacementCommand.Plan)
        #expect(plan.budget == 16 && plan.timeLimit == 0.5 && plan.gap == 0.001)
    }

    @Test("the tool exits 64 and plans nothing")
    func process() throws {
        let run = try PlacementProcess.run(["plan", Self.tinyPlan, "--budget", "0x10"])
        #expect(run.status == 64)
        #expect(run.errors.contains("'--budget <budget>': not a decimal number"), "\(run.errors)")
        #expect(run.output.isEmpty)
    }
}
