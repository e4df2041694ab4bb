import Foundation
import PlacementOptimisation
import PlacementScenarios
import PlacementShocks

/// Runs draws for the commands in `market` (today's, or every place empty), turning solver errors
/// into exit code 2.
enum DrawRunning {
    static func run(
        _ scenario: Scenario, shocks: ShockFile?, modes: [CommissioningMode], draws: Int, seed: UInt64,
        options: SolvingOptions, market: MarketBaseline, started: ContinuousClock.Instant
    ) throws -> DrawResults {
        let solves = DrawRunner.solveCount(shocks: shocks, modes: modes, draws: draws)
        do {
            return try Progress.shared.run("solving \(draws) draws", total: solves) {
                try DrawRunner.run(
                    scenario, shocks: shocks, modes: modes, draws: draws, seed: seed,
                    options: options.optimiserOptions(started: started),
                    threads: options.threads ?? ProcessInfo.processInfo.activeProcessorCount,
                    market: market.forDraws, onSolved: { Progress.shared.advance() })
            }
        } catch {
            printToStandardError("\(scenario.name), draws: \(error)")
            throw failureExitCode
        }
    }
}
