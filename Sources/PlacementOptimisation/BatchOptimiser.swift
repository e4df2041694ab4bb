import LinearProgramming
import PlacementScenarios

/// Places batch after batch of children into a market's vacancies, keeping every model loaded in
/// GLPK between batches.
///
/// A simulation solves the same market some twenty times a run with new children and fewer or more
/// vacancies: only bounds change. So each batch sets its demand and places as bounds on the loaded
/// models (``BatchMarket``), fixing at zero the pairs whose cohort has no children or whose pool no
/// places (GLPK's simplex leaves fixed non-basic columns out), starts from the least-cost basis of
/// the batch's own pairs, and refines the optimum to the preferred plan (``PreferredOptimum``) on a
/// model of its optimal face alone (``PreferredOptimum/refineOnFace(_:solver:stages:options:statistics:)``).
///
/// A loaded model belongs to the thread that loaded it (GLPK's environment is per thread): create
/// and use a batch optimiser on one thread. Children are placed one by one (no sibling groups), so
/// the models are linear.
public final class BatchOptimiser {
    /// What one batch decided, by the scenario's cohort and provider numbers.
    public struct Plan: Sendable {
        public var placed: [(cohort: Int, provider: Int, children: Int)] = []
        public var unplaced: [(cohort: Int, children: Int)] = []
        /// False when a solve stopped at a limit before proving optimality.
        public var isOptimal = true
    }

    private let market: BatchMarket
    private let options: OptimiserOptions
    private var loaded: [BatchMarket.ModelKey: StandingModel] = [:]

    private var problem: PlacementProblem { market.problem }
    private var cohortOfUnit: [Int] { market.cohortOfUnit }

    /// Nothing is loaded until a batch needs it.
    public init(market: BatchMarket, options: OptimiserOptions) {
        self.market = market
        self.options = options
    }

    /// With a market of its own.
    public convenience init(scenario: Scenario, mode: CommissioningMode, options: OptimiserOptions) {
        self.init(market: BatchMarket(scenario: scenario, mode: mode, options: options), options: options)
    }

    /// Places `demand` (children per scenario cohort) into `vacancies` (free places of a provider,
    /// by scenario number, and type). In `council` mode councils buy in an order drawn from
    /// `councilOrderSeed`, each from what earlier councils left.
    public func place(
        _ demand: [Int], councilOrderSeed: UInt64, vacancies: (_ provider: Int, _ type: PlacementType) -> Int
    ) throws(OptimiserError) -> Plan {
        let deadline = options.deadline.earliest(options.timeLimit.map(Deadline.after) ?? .none)
        let unitDemand = cohortOfUnit.map { demand.indices.contains($0) ? max(0, demand[$0]) : 0 }
        var memberPlaces = problem.pools.map { pool in
            pool.members.map { max(0, vacancies($0.provider, pool.placementType)) }
        }
        var poolPlaces = memberPlaces.map { $0.reduce(0, +) }
        let councils: [AuthorityCode?] =
            problem.mode == .council
            ? problem.councilOrder(
                seed: councilOrderSeed,
                withDemand: Set(
                    problem.units.indices.filter { unitDemand[$0] > 0 }.map { problem.units[$0].homeAuthority }))
            : [nil]
        var plan = Plan()
        for type in problem.typesWithDemand {
            for council in councils {
                let key = BatchMarket.ModelKey(type: type, council: council)
                guard let built = market.models[key], built.placement.units.contains(where: { unitDemand[$0] > 0 })
                else { continue }
                let model = try loadedModel(key, built)
                let solved = try model.solve(demand: unitDemand, places: poolPlaces, options: solveOptions(deadline))
                plan.isOptimal = plan.isOptimal && solved.isOptimal
                hand(solved.flows, to: &plan, memberPlaces: &memberPlaces, poolPlaces: &poolPlaces)
                for (unit, placements) in solved.unplaced {
                    plan.unplaced.append((cohortOfUnit[unit], placements))
                }
            }
        }
        return plan
    }

    private func loadedModel(_ key: BatchMarket.ModelKey, _ built: BatchMarket.BuiltModel) throws(OptimiserError)
        -> StandingModel
    {
        if let model = loaded[key] { return model }
        let model = try StandingModel(built, units: problem.units)
        loaded[key] = model
        return model
    }

    /// Hands each pool's placements to its providers in turn (``SupplyPool/handOut(_:groupSize:placesLeft:)``).
    private func hand(
        _ flows: [(unit: Int, pool: Int, placements: Int)], to plan: inout Plan, memberPlaces: inout [[Int]],
        poolPlaces: inout [Int]
    ) {
        for flow in flows {
            for (provider, taking) in problem.pools[flow.pool].handOut(
                flow.placements, groupSize: 1, placesLeft: &memberPlaces[flow.pool])
            {
                poolPlaces[flow.pool] -= taking
                plan.placed.append((cohortOfUnit[flow.unit], provider, taking))
            }
        }
    }

    private func solveOptions(_ deadline: Deadline) -> SolveOptions {
        var solveOptions = SolveOptions(method: .primalSimplex)
        if let handler = options.messageHandler {
            solveOptions.messageLevel = .normal
            solveOptions.messageHandler = handler
        }
        solveOptions.timeLimit = deadline.remaining
        return solveOptions
    }
}

/// One model, loaded once and re-solved batch after batch.
private final class StandingModel {
    let placement: PlacementModel
    let solver: Solver
    let units: [DemandUnit]
    /// From the market: the preferred optimum's stages and the least-cost start's order.
    let stages: [[Double]]
    let pairsByCost: [Int]

    init(_ built: BatchMarket.BuiltModel, units: [DemandUnit]) throws(OptimiserError) {
        placement = built.placement
        self.units = units
        stages = built.stages
        pairsByCost = built.pairsByCost
        do {
            solver = try Solver(placement.model)
        } catch {
            throw .solver(error)
        }
    }

    struct Solved {
        var flows: [(unit: Int, pool: Int, placements: Int)] = []
        var unplaced: [(unit: Int, placements: Int)] = []
        var isOptimal = true
    }

    /// Solves the model with `demand` per unit and `places` per pool (both by the problem's numbers).
    func solve(demand: [Int], places: [Int], options: SolveOptions) throws(OptimiserError) -> Solved {
        let solution: Solution
        do {
            try setBounds(demand: demand, places: places)
            var current = placement
            current.model = solver.model
            try solver.setBasis(
                LeastCostStart.basis(current, pairsByCost: pairsByCost) ?? current.everyoneUnplacedBasis)
            solution = try solver.solve(options)
        } catch {
            throw .solver(error)
        }
        var solved = Solved()
        guard solution.status.hasFeasibleValues else {
            // Everyone unplaced is always feasible, so only a limit can leave no plan.
            guard [.timeLimit, .iterationLimit].contains(solution.termination) else {
                throw .brokenInvariant(
                    "a batch model ended with status \(solution.status) (\(solution.termination))")
            }
            solved.isOptimal = false
            for unit in placement.units where demand[unit] > 0 { solved.unplaced.append((unit, demand[unit])) }
            return solved
        }
        var values = solution.values
        if solution.status == .optimal {
            var statistics = RunStatistics()
            do {
                values = try PreferredOptimum.refineOnFace(
                    solution, solver: solver, stages: stages, options: options, statistics: &statistics)
            } catch {
                throw .solver(error)
            }
        } else {
            solved.isOptimal = false
        }
        var outcome = TypeOutcome()
        outcome.record(values, of: placement, units: units)
        solved.flows = outcome.flows
        solved.unplaced = outcome.unplaced
        return solved
    }

    /// The batch's demand and places as bounds. A pair whose unit has no children or whose pool no
    /// places is fixed at zero. Only what differs from the loaded model is sent to GLPK: most of a
    /// large model stays closed from one batch to the next.
    private func setBounds(demand: [Int], places: [Int]) throws(LinearProgrammingError) {
        let model = placement.model
        let loaded = solver.model
        var columns: [(variable: Variable, lower: Double, upper: Double)] = []
        func bound(_ column: Variable, _ upper: Double) {
            if loaded.columnLowerBounds[column.index] != 0 || loaded.columnUpperBounds[column.index] != upper {
                columns.append((column, 0, upper))
            }
        }
        for (column, pair) in placement.pairs.enumerated() {
            let open = demand[pair.unit] > 0 && places[pair.pool] > 0
            bound(placement.pairColumn(column), open ? model.columnUpperBounds[column] : 0)
        }
        var rows: [(constraint: Constraint, lower: Double, upper: Double)] = []
        rows.reserveCapacity(model.constraintCount)
        for (position, unit) in placement.units.enumerated() {
            let children = Double(demand[unit])
            bound(placement.unplacedColumn(position), children)
            rows.append((placement.demandRow(position), children, children))
        }
        for (position, pool) in placement.pools.enumerated() {
            let row = placement.capacityRow(position)
            rows.append((row, model.rowLowerBounds[row.index], Double(places[pool])))
        }
        try solver.setBounds(columns)
        try solver.setBounds(rows)
    }
}
