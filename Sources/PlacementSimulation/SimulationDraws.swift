import Foundation
import LinearProgramming
import PlacementOptimisation
import PlacementScenarios

/// Every mode for several seeded draws, run on all cores; one trajectory per mode and draw.
public struct SimulationDraws: Sendable {
    /// Per mode, in the order asked: one trajectory per draw, draw `d` run with
    /// ``DrawSeeds``'s simulation seed of `d`, as `compare --draws` orders councils.
    public let trajectories: [SimulatedMode: [Trajectory]]
    public let modes: [SimulatedMode]
    public let seed: UInt64

    public init(_ simulation: Simulation, modes: [SimulatedMode], draws: Int, seed: UInt64) throws(OptimiserError) {
        // Seeds `seed + d` had made draw d + 1's random stream draw d's shifted by one number (the
        // run's generator steps its state by the constant it scaled the seed by).
        let jobs = modes.flatMap { mode in
            (0..<max(1, draws)).map { (mode, DrawSeeds(seed: seed, draw: $0).simulationSeed) }
        }
        // The longest runs start first, so that no core is left with a national run at the end.
        let order = jobs.indices.sorted { (jobs[$0].0.relativeCost, $1) > (jobs[$1].0.relativeCost, $0) }
        // Each run on one thread: the runs themselves share the cores.
        var single = OptimiserOptions()
        single.threads = 1
        let runOptions = single
        let threads = ProcessInfo.processInfo.activeProcessorCount
        // Each commissioning mode's market is built once and shared by its draws.
        let commissioning = modes.compactMap { mode -> CommissioningMode? in
            if case .optimised(let commissioning) = mode { commissioning } else { nil }
        }
        let built = DedicatedThreads.map(commissioning.count, maximumThreads: threads) { index in
            simulation.market(for: commissioning[index], options: runOptions)
        }
        var markets: [SimulatedMode: BatchMarket] = [:]
        for (mode, market) in zip(commissioning, built) {
            if case .success(let market) = market { markets[.optimised(mode)] = market }
        }
        let shared = markets
        let results = DedicatedThreads.map(jobs.count, maximumThreads: threads) { index in
            let (mode, seed) = jobs[order[index]]
            return try simulation.run(mode, seed: seed, options: runOptions, market: shared[mode])
        }
        var inJobOrder = results
        for (index, job) in order.enumerated() { inJobOrder[job] = results[index] }
        var trajectories: [SimulatedMode: [Trajectory]] = [:]
        for result in inJobOrder {
            switch result {
            case .success(let trajectory): trajectories[trajectory.mode, default: []].append(trajectory)
            case .failure(let error as OptimiserError): throw error
            case .failure(let error): throw .brokenInvariant(String(describing: error))
            }
        }
        self.trajectories = trajectories
        self.modes = modes
        self.seed = seed
    }

    /// A measure's mean and 10th–90th percentiles across draws, for one mode and year index.
    public func band(_ mode: SimulatedMode, year: Int, _ measure: (YearOutcome) -> Double?) -> Band? {
        let values = (trajectories[mode] ?? []).compactMap { $0.years.first { $0.year == year }.flatMap(measure) }
        return Band(values)
    }
}

/// The spread of a measure across draws.
public struct Band: Sendable, Equatable {
    public var mean: Double
    public var p10: Double
    public var p90: Double

    /// Nil when there is no value (``DrawSummary``).
    public init?(_ values: [Double]) {
        guard let summary = DrawSummary.of(values) else { return nil }
        (mean, p10, p90) = summary
    }
}
