import LinearProgramming
import PlacementScenarios

/// Places batch after batch of children into a market's vacancies.
///
/// A simulation solves the same market some twenty times a run with new children and fewer or more
/// vacancies. The market's models are built once (``BatchMarket``); each batch solves each model
/// with its demand and places by partial pricing (``RestrictedBatchModel``): GLPK sees the least-cost
/// start's pairs and each unit's cheapest open pairs, and the rest enter only when the optimum's
/// duals price them below zero. The optimum is then refined to the preferred plan
/// (``PreferredOptimum``).
///
/// GLPK's environment is per thread: use a batch optimiser on one thread. Children are placed one by
/// one (no sibling groups), so the models are linear.
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

    private var problem: PlacementProblem { market.problem }
    private var cohortOfUnit: [Int] { market.cohortOfUnit }

    /// Solves `market`'s models batch after batch.
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
                let solved = try RestrictedBatchModel.solve(
                    built, units: problem.units, demand: unitDemand, places: poolPlaces,
                    options: { self.solveOptions(deadline) })
                plan.isOptimal = plan.isOptimal && solved.isOptimal
                hand(solved.flows, to: &plan, memberPlaces: &memberPlaces, poolPlaces: &poolPlaces)
                for (unit, placements) in solved.unplaced {
                    plan.unplaced.append((cohortOfUnit[unit], placements))
                }
            }
        }
        return plan
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
