import ArgumentParser
import Foundation
import PlacementPlanning
import PlacementScenarios

/// `--plan FILE [--open-by YEAR]`: an adopted capacity plan (the `plan.csv` that `plan --out` writes)
/// whose places are added to the scenario before it is solved.
struct PlanFileOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A plan file (plan.csv from plan --out): its homes and foster carers are added to the scenario.",
            valueName: "FILE"))
    var plan: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "With --plan: only the builds open in this year, a block contract until its term ends (default: all of them).",
            valueName: "YEAR"))
    var openBy: Int?

    func validate() throws {
        if openBy != nil, plan == nil { throw ValidationError("--open-by needs --plan FILE") }
        if let openBy, !(1900...2999).contains(openBy) { throw ValidationError("--open-by must be a calendar year") }
    }

    /// The plan named by `--plan`, checked against `scenario`; a bad file prints every problem with
    /// its file, line and column and exits 1.
    func adopted(for scenario: Scenario) throws -> AdoptedPlan? {
        guard let plan else { return nil }
        return try Self.read(plan, for: scenario)
    }

    /// The plan file at `plan`, checked against `scenario`; a bad file prints every problem with its
    /// file, line and column and exits 1.
    static func read(_ plan: String, for scenario: Scenario) throws -> AdoptedPlan {
        do {
            let adopted = try AdoptedPlan.read(from: URL(fileURLWithPath: plan))
            try adopted.check(against: scenario)
            return adopted
        } catch {
            printToStandardError(error.description)
            printToStandardError(
                "\(TerminalSafeText.escaping(plan)): \(error.errorCount); the plan is not valid.")
            throw invalidInputExitCode
        }
    }

    /// The scenario with the plan's places added and its name saying so (reports show it), and a line
    /// on stderr listing what was added (unless `announcing` is false: the plan was announced once
    /// already); the scenario unchanged without `--plan`.
    func apply(_ adopted: AdoptedPlan?, to scenario: Scenario, announcing: Bool = true) -> Scenario {
        guard let adopted else { return scenario }
        var planned = scenario.applying(adopted, openBy: openBy)
        let open = adopted.builds.filter { build in openBy.map(build.isOpen(in:)) ?? true }
        let homes = open.filter { $0.candidate.kind == .home }
        let carers = open.filter { $0.candidate.kind == .fosterCarers }
        let contracts = open.filter { $0.candidate.kind == .blockContract }
        let summary =
            "\(NumberText.counted(homes.reduce(0) { $0 + $1.units }, "home", "homes")) and "
            + "\(NumberText.counted(carers.reduce(0) { $0 + $1.units }, "foster household", "foster households")), "
            + (contracts.isEmpty
                ? ""
                : "\(NumberText.counted(contracts.reduce(0) { $0 + $1.units }, "block contract", "block contracts")), ")
            + NumberText.counted(open.reduce(0) { $0 + $1.places }, "place", "places")
        planned.name =
            "\(scenario.name) with plan \(adopted.file) (\(summary)"
            + (openBy.map { ", open by \($0)" } ?? "") + ")"
        if announcing {
            printToStandardError(
                "plan: \(TerminalSafeText.escaping(adopted.file)) adds \(summary)"
                    + (openBy.map { " open by \($0)" } ?? ""))
        }
        return planned
    }
}
