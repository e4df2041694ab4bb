import LinearProgramming
import PlacementScenarios

/// A scenario made ready for one mode: kept placements taken out, demand units and supply pools
/// formed and indexed by placement type, and the terms of every admissible pairing. It builds
/// models; ``PlacementEngine`` solves them.
struct PlacementProblem: Sendable {
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

    func unitsNeeding(_ type: PlacementType) -> [Int] { unitsByType[type] ?? [] }

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

    /// Children of `unitIndices` counted unplaced, with what that costs: the plan when no model
    /// could be built or solved in time.
    func everyoneUnplaced(_ unitIndices: [Int]) -> TypeOutcome {
        var outcome = TypeOutcome()
        outcome.unplaced = unitIndices.map { ($0, units[$0].placements) }
        outcome.objective = unitIndices.reduce(0) { $0 + scenario.policy.unplacedPenalty * Double(units[$1].children) }
        return outcome
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

    /// The model of some units against every pool's places left (all of them by default).
    func model(units unitIndices: [Int], poolPlaces: [Int]? = nil) -> PlacementModel {
        let places = poolPlaces ?? pools.map(\.places)
        return model(unitIndices, places, pairs: unitIndices.map { admissiblePairs($0, poolPlaces: places) })
    }

    /// The same, or `nil` when `deadline` passes while the pairs are being listed.
    func model(units unitIndices: [Int], poolPlaces: [Int]? = nil, deadline: Deadline) -> PlacementModel? {
        let places = poolPlaces ?? pools.map(\.places)
        var pairs: [[(pool: Int, terms: PairCosting.Terms)]] = []
        pairs.reserveCapacity(unitIndices.count)
        for (position, unit) in unitIndices.enumerated() {
            // Checking the clock costs more than listing one unit's pairs: check now and then.
            if position % 64 == 63, deadline.hasPassed { return nil }
            pairs.append(admissiblePairs(unit, poolPlaces: places))
        }
        return model(unitIndices, places, pairs: pairs)
    }

    private func model(
        _ unitIndices: [Int], _ places: [Int], pairs: [[(pool: Int, terms: PairCosting.Terms)]]
    ) -> PlacementModel {
        PlacementModel(
            name: "placement_\(mode.rawValue)", units: units, poolPlaces: places, unitIndices: unitIndices,
            admissiblePairs: pairs, unplacedPenalty: scenario.policy.unplacedPenalty)
    }
}
