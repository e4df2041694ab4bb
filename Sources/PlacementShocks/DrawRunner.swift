import Foundation
import LinearProgramming
import PlacementOptimisation
import PlacementScenarios

/// The metrics of every mode in every draw.
public struct DrawResults: Sendable {
    public var modes: [CommissioningMode]
    /// `metrics[m][d]`: mode `modes[m]` in draw `d`.
    public var metrics: [[ModeMetrics]]
    public var seeds: [DrawSeeds]
    /// Modes whose solve stopped at the time limit in some draw.
    public var stoppedModes: [CommissioningMode]
    /// Distinct solves run (a mode with nothing random in it is solved once for all draws).
    public var solves: Int

    public var draws: Int { seeds.count }
}

/// Runs seeded draws of several modes on all cores. A draw varies the council buying order
/// (`council` mode) and the random shocks; a mode with neither (a joint mode without random shocks)
/// is the same in every draw, so it is solved once and counted in each.
///
/// GLPK's environment is thread-local: every solve runs its whole life on one dedicated thread.
public enum DrawRunner {
    /// `market` turns each drawn scenario, after its shocks, into the one the modes solve (today's
    /// market: the places free for the scenario's own children once the shocks have struck); `nil`
    /// solves the drawn scenario as it is. `onSolved` is called (from a solving thread) as each solve
    /// ends, for progress.
    public static func run(
        _ scenario: Scenario, shocks: ShockFile?, modes: [CommissioningMode], draws: Int, seed: UInt64,
        options: OptimiserOptions, threads: Int, market: (@Sendable (Scenario) -> Scenario)? = nil,
        onSolved: (@Sendable () -> Void)? = nil
    ) throws -> DrawResults {
        let seeds = (0..<max(draws, 1)).map { DrawSeeds(seed: seed, draw: $0) }
        let jobs = self.jobs(shocks: shocks, modes: modes, draws: seeds.count)
        let perSolve = {
            var perSolve = options
            perSolve.threads = 1
            perSolve.messageHandler = nil
            return perSolve
        }()
        let outcomes = DedicatedThreads.map(jobs.count, maximumThreads: threads) { index in
            let job = jobs[index]
            var drawn = scenario
            if let shocks {
                drawn = try ShockApplication.apply(shocks, to: scenario, seed: seeds[job.draw].shockSeed).scenario
            }
            if let market { drawn = market(drawn) }
            drawn.policy.councilOrderSeed = seeds[job.draw].councilOrderSeed
            let solved = try PlacementOptimiser.solve(drawn, mode: modes[job.mode], options: perSolve)
            onSolved?()
            return (metrics: solved.metrics, stopped: solved.result.status != .optimal)
        }
        var metrics: [[ModeMetrics?]] = modes.map { _ in Array(repeating: nil, count: seeds.count) }
        var stopped = Set<CommissioningMode>()
        for (job, outcome) in zip(jobs, outcomes) {
            let value = try outcome.get()
            metrics[job.mode][job.draw] = value.metrics
            if value.stopped { stopped.insert(modes[job.mode]) }
        }
        let filled = metrics.map { draws in draws.map { $0 ?? draws[0]! } }
        return DrawResults(
            modes: modes, metrics: filled, seeds: seeds, stoppedModes: modes.filter(stopped.contains),
            solves: jobs.count)
    }

    /// How many solves `run` makes.
    public static func solveCount(shocks: ShockFile?, modes: [CommissioningMode], draws: Int) -> Int {
        jobs(shocks: shocks, modes: modes, draws: max(draws, 1)).count
    }

    /// One job per mode and distinct draw.
    private static func jobs(shocks: ShockFile?, modes: [CommissioningMode], draws: Int) -> [(mode: Int, draw: Int)] {
        let randomShocks = shocks?.isRandom ?? false
        return modes.indices.flatMap { index in
            let varies = modes[index] == .council || randomShocks
            return (0..<draws).filter { varies || $0 == 0 }.map { (index, $0) }
        }
    }
}
