import PlacementScenarios

/// A market made ready for batch after batch of new placements under a mode: every model built
/// once, over every commissioned cohort and every pool it could ever use, whatever a batch's numbers
/// (the bounds carry those). One model per placement type; in `council` mode one per type and
/// council. Shared by every run of a simulation; ``BatchOptimiser`` solves its models batch by batch.
public final class BatchMarket: Sendable {
    /// One model: a placement type's, and in `council` mode one council's.
    struct ModelKey: Hashable, Sendable {
        var type: PlacementType
        var council: AuthorityCode?
    }

    /// A model with what every batch's solve of it needs, computed once.
    struct BuiltModel: Sendable {
        let placement: PlacementModel
        /// The preferred optimum's stage objectives.
        let stages: [[Double]]
        /// The least-cost start's order of pairs.
        let pairsByCost: [Int]
        /// Which pairs a batch's solve starts with and how the rest are priced.
        let pricing: PartialPricing
    }

    let problem: PlacementProblem
    /// The scenario cohort of each demand unit.
    let cohortOfUnit: [Int]
    let models: [ModelKey: BuiltModel]

    public init(scenario: Scenario, mode: CommissioningMode, options: OptimiserOptions) {
        var market = scenario
        market.cohorts = scenario.cohorts.map { cohort in
            var unit = cohort
            unit.count = 1
            unit.siblingGroup = nil
            unit.currentProvider = nil
            return unit
        }
        market.providers = scenario.providers.map { provider in
            var listed = provider
            listed.offers = provider.offers.mapValues { Provider.Offer(places: 1, weeklyPrice: $0.weeklyPrice) }
            return listed
        }
        market.policy.keepExistingPlacements = false
        market.candidates = []
        let problem = PlacementProblem(
            scenario: market, mode: mode, pooling: options.poolsInterchangeableProviders, namesModels: false)
        cohortOfUnit = market.cohorts.indices.filter { market.cohorts[$0].placementType.isCommissioned }
        assert(cohortOfUnit.count == problem.units.count, "one unit per commissioned cohort")
        let unitsOfModel = Dictionary(grouping: problem.units.indices) { unit in
            ModelKey(
                type: problem.units[unit].placementType,
                council: mode == .council ? problem.units[unit].homeAuthority : nil)
        }
        models = unitsOfModel.mapValues { units in
            let placement = problem.model(units: units)
            let pairsByCost = LeastCostStart.pairsByCost(placement)
            return BuiltModel(
                placement: placement, stages: PreferredOptimum.stages(placement, problem), pairsByCost: pairsByCost,
                pricing: PartialPricing(placement, pairsByCost: pairsByCost))
        }
        self.problem = problem
    }
}
