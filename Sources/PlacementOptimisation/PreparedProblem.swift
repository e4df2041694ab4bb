import Foundation
import LinearProgramming
import PlacementScenarios

/// A scenario made ready for one mode: kept placements taken out, demand units and supply pools
/// formed, and both indexed by placement type.
struct PreparedProblem: Sendable {
    let scenario: Scenario
    let mode: CommissioningMode
    let costing: PairCosting
    let kept: [(cohort: Int, provider: Int, children: Int)]
    let units: [DemandUnit]
    let pools: [SupplyPool]
    private let poolsByType: [PlacementType: [Int]]
    private let unitsByType: [PlacementType: [Int]]

    /// `pooling: false` gives the plain formulation: one capacity row per provider and type.
    init(scenario: Scenario, mode: CommissioningMode, pooling: Bool = true) {
        self.scenario = scenario
        self.mode = mode
        costing = PairCosting(scenario: scenario, mode: mode)
        let existing = ExistingPlacements(scenario)
        kept = existing.kept
        let units = DemandUnit.units(of: scenario.cohorts, remainingCounts: existing.remainingCounts)
        let unpooled = pooling ? Set(units.filter(\.isSiblingGroup).map(\.placementType)) : Set(PlacementType.allCases)
        let pools = SupplyPool.pools(of: scenario.providers, placesLeft: existing.placesLeft, unpooled: unpooled)
        self.units = units
        self.pools = pools
        poolsByType = Dictionary(grouping: pools.indices, by: { pools[$0].placementType })
        unitsByType = Dictionary(grouping: units.indices, by: { units[$0].placementType })
    }

    var typesWithDemand: [PlacementType] { unitsByType.keys.sorted() }

    func poolsOffering(_ type: PlacementType) -> [Int] { poolsByType[type] ?? [] }

    /// Councils with children to place, in the order drawn from the policy's seed.
    var councilOrder: [AuthorityCode] {
        let withDemand = Set(units.map(\.homeAuthority))
        var random = SeededRandom(seed: scenario.policy.councilOrderSeed)
        return scenario.authorities.map(\.id).filter(withDemand.contains).shuffled(by: &random)
    }

    /// The objective of the kept placements, a constant of every mode.
    var keptObjective: Double {
        keptDecisions.reduce(0) { $0 + $1.objectiveCostPerChild * Double($1.children) }
    }

    // MARK: Building

    /// The pools `unit` may use among those with places left, with the terms of each pairing.
    func admissiblePairs(_ unit: Int, poolPlaces: [Int]) -> [(pool: Int, terms: PairCosting.Terms)] {
        let demand = units[unit]
        return poolsOffering(demand.placementType).compactMap { pool in
            guard poolPlaces[pool] >= demand.groupSize,
                case .admissible(let terms) = costing.admissibility(demand, pools[pool])
            else { return nil }
            return (pool, terms)
        }
    }

    func jointModel(units unitIndices: [Int], poolPlaces: [Int]? = nil) -> PlacementModel {
        let places = poolPlaces ?? pools.map(\.places)
        return PlacementModel(
            name: "placement_\(mode.rawValue)", units: units, poolPlaces: places, unitIndices: unitIndices,
            admissiblePairs: unitIndices.map { admissiblePairs($0, poolPlaces: places) },
            unplacedPenalty: scenario.policy.unplacedPenalty)
    }

    // MARK: Solving

    func solveJointly(_ type: PlacementType, options: OptimiserOptions, deadline: ContinuousClock.Instant?)
        throws(LinearProgrammingError) -> TypeOutcome
    {
        let clock = ContinuousClock()
        let started = clock.now
        let model = jointModel(units: unitsByType[type] ?? [])
        var outcome = try solve(model, options: options, deadline: deadline)
        outcome.statistics.buildSeconds = (clock.now - started).seconds - outcome.statistics.solveSeconds
        return outcome
    }

    func solveCouncilByCouncil(
        _ type: PlacementType, order: [AuthorityCode], options: OptimiserOptions, deadline: ContinuousClock.Instant?
    ) throws(LinearProgrammingError) -> TypeOutcome {
        let clock = ContinuousClock()
        let started = clock.now
        let typeUnits = unitsByType[type] ?? []
        let unitsByCouncil = Dictionary(grouping: typeUnits, by: { units[$0].homeAuthority })
        var places = pools.map(\.places)
        var combined = TypeOutcome()
        for council in order {
            guard let councilUnits = unitsByCouncil[council] else { continue }
            let model = jointModel(units: councilUnits, poolPlaces: places)
            let outcome = try solve(model, options: options, deadline: deadline)
            for flow in outcome.flows { places[flow.pool] -= flow.placements * units[flow.unit].groupSize }
            combined.absorb(outcome)
        }
        // Demand duals stay: each unit is in exactly one council's model.
        combined.statistics.buildSeconds = (clock.now - started).seconds - combined.statistics.solveSeconds
        return combined
    }

    private func solve(_ placement: PlacementModel, options: OptimiserOptions, deadline: ContinuousClock.Instant?)
        throws(LinearProgrammingError) -> TypeOutcome
    {
        let solver = try Solver(placement.model)
        try solver.setBasis(placement.everyoneUnplacedBasis)
        var primalOptions = solveOptions(.primalSimplex, options, deadline: deadline)
        primalOptions.dualsAfterMIP = true
        let solution = try solver.solve(primalOptions)
        var outcome = TypeOutcome()
        outcome.statistics = RunStatistics(
            models: 1, rows: placement.model.constraintCount, columns: placement.model.variableCount,
            nonzeros: placement.model.nonzeroCount, iterations: solution.iterations,
            solveSeconds: solution.solveTime.seconds)
        let stopped = [.timeLimit, .iterationLimit].contains(solution.termination)
        guard solution.status.hasFeasibleValues else {
            guard stopped else {
                throw .glpk("the \(placement.model.name) model ended with status \(solution.status)")
            }
            // Stopped before any integer solution: everyone unplaced is the feasible plan at hand.
            outcome.unplaced = placement.units.map { ($0, units[$0].placements) }
            outcome.objective = placement.units.reduce(0) {
                $0 + scenario.policy.unplacedPenalty * Double(units[$1].children)
            }
            outcome.status = .timeLimit(gap: nil)
            return outcome
        }
        outcome.objective = solution.objective
        outcome.status = solution.status == .optimal ? .optimal : .timeLimit(gap: solution.relativeGap)
        var plan = solution
        if solution.status == .optimal {
            if !solution.isMIP, var duals = solution.rowDuals {
                if let increasing = try valuationDuals(
                    solver, placement, options: solveOptions(.dualSimplex, options, deadline: deadline),
                    statistics: &outcome.statistics)
                {
                    duals = increasing
                }
                for (row, unit) in placement.units.enumerated() {
                    outcome.marginalCosts.append((unit, duals[row] / Double(units[unit].groupSize)))
                }
            }
            if solution.isMIP { try fixIntegers(solver, at: solution.values) }
            plan = try PreferredOptimum.refine(
                solution, solver: solver, placement: placement, problem: self, options: primalOptions,
                statistics: &outcome.statistics)
        }
        for (column, pair) in placement.pairs.enumerated() {
            let placements = Int(plan.values[column].rounded())
            if placements > 0 { outcome.flows.append((pair.unit, pair.pool, placements)) }
        }
        for (position, unit) in placement.units.enumerated() {
            let placements = Int(plan.values[placement.unplacedColumnOffset + position].rounded())
            if placements > 0 { outcome.unplaced.append((unit, placements)) }
        }
        return outcome
    }

    /// Keeps a branch-and-cut solution's integer columns where they are, so that refining the optimum
    /// moves only the continuous ones.
    private func fixIntegers(_ solver: Solver, at values: [Double]) throws(LinearProgrammingError) {
        let kinds = solver.model.columnKinds
        try solver.setBounds(
            kinds.indices.filter { kinds[$0] != .continuous }.map { column in
                let value = values[column].rounded()
                return (Variable(index: column), value, value)
            })
    }

    /// Duals that value one more place, where the optimal ones are not unique.
    ///
    /// When places exactly meet a need (kinship places, say, estimated from kinship demand), the
    /// optimum is degenerate and GLPK may return duals that price the last child at the unplaced
    /// penalty. Re-solving from the optimal basis with every pool `ε` places larger picks an
    /// optimal basis of the original problem whose duals hold as places increase. `ε` stays below
    /// the first breakpoint: basic values are integers plus `ε` times at most the number of pools
    /// (the matrix is a transportation matrix, so its basis inverses hold only 0 and ±1).
    /// `nil` when that re-solve does not end optimal (the time limit, say); the caller keeps the
    /// first duals.
    private func valuationDuals(
        _ solver: Solver, _ placement: PlacementModel, options: SolveOptions, statistics: inout RunStatistics
    ) throws(LinearProgrammingError) -> [Double]? {
        guard !placement.pools.isEmpty else { return nil }
        let epsilon = 1 / (4 * Double(placement.pools.count + 1))
        let offset = placement.units.count
        try solver.setBounds(
            placement.pools.indices.map { row in
                let places = placement.model.rowUpperBounds[offset + row]
                return (Constraint(index: offset + row), -Double.infinity, places + epsilon)
            })
        let solution = try solver.solve(options)
        statistics.iterations += solution.iterations
        statistics.solveSeconds += solution.solveTime.seconds
        // Back to the real places: the basis stays optimal, since ε is below the first breakpoint.
        try solver.setBounds(
            placement.pools.indices.map { row in
                (Constraint(index: offset + row), -Double.infinity, placement.model.rowUpperBounds[offset + row])
            })
        guard solution.status == .optimal else { return nil }
        return solution.rowDuals
    }

    /// GLPK's options for one solve: the method, the MIP gap, messages to the handler, and what is
    /// left of the mode's time limit.
    private func solveOptions(
        _ method: SolveMethod, _ options: OptimiserOptions, deadline: ContinuousClock.Instant?
    ) -> SolveOptions {
        var solveOptions = SolveOptions(method: method, relativeMIPGap: options.relativeMIPGap)
        if let handler = options.messageHandler {
            solveOptions.messageLevel = .normal
            solveOptions.messageHandler = handler
        }
        if let deadline {
            solveOptions.timeLimit = max(.milliseconds(1), deadline - ContinuousClock().now)
        }
        return solveOptions
    }
}
