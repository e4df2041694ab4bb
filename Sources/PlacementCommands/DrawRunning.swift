import Foundation
import PlacementOptimisation
import PlacementScenarios
import PlacementShocks

/// Runs draws for the commands in `market` (today's, or every place empty), turning solver errors
/// into exit code 2.
enum DrawRunning {
    /// `opening`: places that open after each draw's shocks (an adopted plan's), so that the shocks
    /// strike today's providers only.
    static func run(
        _ scenario: Scenario, shocks: ShockFile?, modes: [CommissioningMode], draws: Int, seed: UInt64,
        options: SolvingOptions, market: MarketBaseline, started: ContinuousClock.Instant,
        opening: (@Sendable (Scenario) -> Scenario)? = nil
    ) throws -> DrawResults {
        let todaysMarket = market.forDraws
        var solved: (@Sendable (Scenario) -> Scenario)?
        if opening != nil || todaysMarket != nil {
            solved = { @Sendable (drawn: Scenario) -> Scenario in
                let opened = opening.map { $0(drawn) } ?? drawn
                return todaysMarket.map { $0(opened) } ?? opened
            }
        }
        let solves = DrawRunner.solveCount(shocks: shocks, modes: modes, draws: draws)
        do {
            return try Progress.shared.run("solving \(draws) draws", total: solves) {
                try DrawRunner.run(
                    scenario, shocks: shocks, modes: modes, draws: draws, seed: seed,
                    options: options.optimiserOptions(started: started),
                    threads: options.threads ?? ProcessInfo.processInfo.activeProcessorCount,
                    market: solved, onSolved: { Progress.shared.advance() })
            }
        } catch {
            printToStandardError("\(scenario.name), draws: \(error)")
            throw failureExitCode
        }
    }
}
