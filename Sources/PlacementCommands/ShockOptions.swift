import ArgumentParser
import PlacementScenarios

/// `--shocks FILE [--seed S]` for the commands that apply shocks once, without draws.
struct ShockOptions: ParsableArguments {
    @Option(help: "A shocks file (YAML): provider exits, price and demand changes applied to the scenario.")
    var shocks: String?

    @Option(parsing: .unconditional, help: "Seeds the random shocks.")
    var seed: UInt64 = 1

    func validate() throws { try SeedRange.check(seed) }

    /// The scenario with the shocks applied (each listed on stderr), or as it is without `--shocks`.
    func apply(to scenario: Scenario) throws -> Scenario {
        let (shocked, applied) = try DrawOptions.shocked(
            scenario, by: DrawOptions.shockFile(shocks, for: scenario), seed: seed)
        for shock in applied { printToStandardError("shock: \(shock.label): \(shock.detail)") }
        return shocked
    }
}
