import LinearProgramming
import PlacementScenarios

/// Solves a scenario under a commissioning mode.
///
/// Placement types share no places (a provider's places are per type), so each type is an
/// independent sub-problem, solved on its own thread. Joint modes solve one model per type; `council`
/// mode solves, per type, one model per council in the seeded order, each using what earlier
/// councils left.
public enum PlacementOptimiser {
    public static func solve(
        _ scenario: Scenario, mode: CommissioningMode, options: OptimiserOptions = OptimiserOptions()
    ) throws(OptimiserError) -> SolvedMode {
        let clock = ContinuousClock()
        let started = clock.now
        let deadline = options.deadline.earliest(options.timeLimit.map(Deadline.after) ?? .none)
        let problem = PlacementProblem(
            scenario: scenario, mode: mode, pooling: options.poolsInterchangeableProviders,
            namesModels: options.namesModels)
        let engine = PlacementEngine(problem: problem, options: options, deadline: deadline)
        let types = problem.typesWithDemand
        let councilOrder = mode == .council ? problem.councilOrder : []
        let outcomes = DedicatedThreads.map(types.count, maximumThreads: options.threads) { index in
            let type = types[index]
            return try mode == .council
                ? engine.solveCouncilByCouncil(type, order: councilOrder) : engine.solveJointly(type)
        }
        var combined = TypeOutcome()
        for outcome in outcomes {
            switch outcome {
            case .success(let outcome): combined.absorb(outcome)
            case .failure(let error as OptimiserError): throw error
            case .failure(let error): throw .brokenInvariant(String(describing: error))
            }
        }
        var result = problem.result(of: combined, councilOrder: councilOrder)
        result.statistics.wallSeconds = (clock.now - started).seconds
        return SolvedMode(result: result, problem: problem)
    }

    /// The plain formulation of a mode, for export: one capacity row per provider and type, a column
    /// for every admissible pair. One joint model (every placement type as a block) for joint modes;
    /// one model per council, named by its code, for `council` mode (each against the full market, as
    /// the first council in the order would see it). `solve` reaches the same optimum on smaller models.
    public static func models(of scenario: Scenario, mode: CommissioningMode) -> [(name: String, model: Model)] {
        let problem = PlacementProblem(scenario: scenario, mode: mode, pooling: false)
        guard mode == .council else {
            var model = problem.model(units: Array(problem.units.indices)).model
            model.objectiveConstant = problem.keptObjective
            return [("placement_\(mode.rawValue)", model)]
        }
        return problem.councilOrder.compactMap { council in
            let units = problem.units.indices.filter { problem.units[$0].homeAuthority == council }
            guard !units.isEmpty else { return nil }
            return (council.rawValue, problem.model(units: units).model)
        }
    }
}
