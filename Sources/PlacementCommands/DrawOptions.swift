import ArgumentParser
import PlacementScenarios
import PlacementShocks

/// `--shocks FILE`, `--draws N` and `--seed S`, shared by `compare`, `sufficiency` and `stress`.
struct DrawOptions: ParsableArguments {
    @Option(help: "A shocks file (YAML): provider exits, price and demand changes applied to the scenario.")
    var shocks: String?

    @Option(
        parsing: .unconditional,
        help: "Solve this many seeded draws on all cores; report every measure as mean, p10 and p90.")
    var draws: Int?

    @Option(parsing: .unconditional, help: "Seeds the draws and the random shocks.")
    var seed: UInt64 = 1

    func validate() throws {
        if let draws, !(1...10_000).contains(draws) { throw ValidationError("--draws must be from 1 to 10000") }
        try SeedRange.check(seed)
    }

    /// The shocks file, read and checked against the scenario, or exit 1 with every problem.
    func shockFile(for scenario: Scenario) throws -> ShockFile? { try Self.shockFile(shocks, for: scenario) }

    /// The scenario with the shocks applied with the seed, and what each did.
    func shocked(_ scenario: Scenario, by file: ShockFile?) throws -> (Scenario, [AppliedShock]) {
        try Self.shocked(scenario, by: file, seed: seed)
    }

    static func shockFile(_ shocks: String?, for scenario: Scenario) throws -> ShockFile? {
        guard let shocks else { return nil }
        do {
            return try ShockFile.read(shocks, against: scenario)
        } catch {
            printToStandardError(error.description)
            printToStandardError("\(shocks): \(error.errorCount); the shocks file is not valid.")
            throw invalidInputExitCode
        }
    }

    /// Shocks are applied with the first draw's shock seed, as draw 0 of `--draws` applies them. The
    /// shocked scenario's name says what struck it, so that every report titled by it (a comparison,
    /// a plan, a sufficiency report's market) cannot be taken for today's: "greater-manchester after
    /// 10 largest private children's home owners in the scenario leave".
    static func shocked(_ scenario: Scenario, by file: ShockFile?, seed: UInt64) throws -> (Scenario, [AppliedShock]) {
        guard let file else { return (scenario, []) }
        do {
            var (shocked, applied) = try ShockApplication.apply(
                file, to: scenario, seed: DrawSeeds(seed: seed, draw: 0).shockSeed)
            shocked.name = named(scenario.name, after: applied)
            return (shocked, applied)
        } catch {
            printToStandardError(error.description)
            throw invalidInputExitCode
        }
    }

    /// "NAME after LABEL"; "NAME after 3 shocks (LABEL; LABEL; LABEL)"; beyond three, the first two
    /// and how many more (a file may hold a thousand).
    static func named(_ name: String, after applied: [AppliedShock]) -> String {
        let labels = applied.map(\.label)
        switch labels.count {
        case 0: return name
        case 1: return "\(name) after \(labels[0])"
        case 2, 3: return "\(name) after \(labels.count) shocks (\(labels.joined(separator: "; ")))"
        default:
            return "\(name) after \(labels.count) shocks (\(labels.prefix(2).joined(separator: "; ")) and "
                + "\(labels.count - 2) more)"
        }
    }
}
