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
    private let unitProfiles: [PairCosting.UnitProfile]
    private let poolProfiles: [PairCosting.PoolProfile]
    private let poolsByType: [PlacementType: [Int]]
    private let unitsByType: [PlacementType: [Int]]
    /// For each type, its pools without an exact location grouped by authority number, and those with one.
    private let poolsByTypeAndAuthority: [PlacementType: [Int: [Int]]]
    private let exactlyLocatedPools: [PlacementType: [Int]]
    /// How far any child's exact home lies from its authority's centroid, by authority number.
    private let homeSpread: [Double]
    /// For each unit, the pool of the provider it lives with today (see ``DemandUnit/currentProvider``:
    /// a pool of that provider alone); usually none.
    private let currentPools: [Int?]
    /// Whether models get row and column names (see ``OptimiserOptions/namesModels``).
    let namesModels: Bool

    /// `pooling: false` gives the plain formulation: one capacity row per provider and type.
    init(scenario: Scenario, mode: CommissioningMode, pooling: Bool = true, namesModels: Bool = true) {
        self.namesModels = namesModels
        self.scenario = scenario
        self.mode = mode
        costing = PairCosting(scenario: scenario, mode: mode)
        let existing = ExistingPlacements(scenario)
        kept = existing.kept
        let units = DemandUnit.units(of: scenario.cohorts, remainingCounts: existing.remainingCounts)
        let unpooled = pooling ? Set(units.filter(\.isSiblingGroup).map(\.placementType)) : Set(PlacementType.allCases)
        let providerIndex = scenario.providerIndices
        let currentSlots = units.map { unit in
            unit.currentProvider.flatMap { providerIndex[$0] }.map {
                ProviderSlot(provider: $0, placementType: unit.placementType)
            }
        }
        let pools = SupplyPool.pools(
            of: scenario.providers, placesLeft: existing.placesLeft, unpooled: unpooled,
            alone: Set(currentSlots.compactMap { $0 }))
        self.units = units
        self.pools = pools
        let costing = costing
        unitProfiles = units.map(costing.profile)
        let poolProfiles = pools.map(costing.profile)
        self.poolProfiles = poolProfiles
        poolsByType = Dictionary(grouping: pools.indices, by: { pools[$0].placementType })
        unitsByType = Dictionary(grouping: units.indices, by: { units[$0].placementType })
        poolsByTypeAndAuthority = poolsByType.mapValues { indices in
            Dictionary(
                grouping: indices.filter { poolProfiles[$0].location == nil }, by: { poolProfiles[$0].authority })
        }
        exactlyLocatedPools = poolsByType.mapValues { $0.filter { poolProfiles[$0].location != nil } }
        var spread = [Double](repeating: 0, count: costing.distances.authorityCount)
        for profile in unitProfiles {
            guard let location = profile.location, profile.home >= 0 else { continue }
            spread[profile.home] = max(
                spread[profile.home], costing.distances.milesFromCentroid(profile.home, to: location))
        }
        homeSpread = spread
        currentPools = Self.pools(of: currentSlots, in: pools)
    }

    /// The pool of each of `slots` (a unit's current provider and type), each a pool of its own
    /// (``SupplyPool/pools(of:placesLeft:unpooled:alone:)``); `nil` for none or a slot with no places left.
    private static func pools(of slots: [ProviderSlot?], in pools: [SupplyPool]) -> [Int?] {
        let wanted = Set(slots.compactMap { $0 })
        var poolOfSlot: [ProviderSlot: Int] = [:]
        for (index, pool) in pools.enumerated() where !wanted.isEmpty && pool.members.count == 1 {
            let slot = ProviderSlot(provider: pool.members[0].provider, placementType: pool.placementType)
            if wanted.contains(slot) { poolOfSlot[slot] = index }
        }
        return slots.map { $0.flatMap { poolOfSlot[$0] } }
    }

    var typesWithDemand: [PlacementType] { unitsByType.keys.sorted() }

    func poolsOffering(_ type: PlacementType) -> [Int] { poolsByType[type] ?? [] }

    func unitsNeeding(_ type: PlacementType) -> [Int] { unitsByType[type] ?? [] }

    /// Councils with children to place, in the order drawn from the policy's seed.
    var councilOrder: [AuthorityCode] {
        councilOrder(seed: scenario.policy.councilOrderSeed, withDemand: Set(units.map(\.homeAuthority)))
    }

    /// The councils of `withDemand`, in the scenario's order shuffled by `seed`.
    func councilOrder(seed: UInt64, withDemand: Set<AuthorityCode>) -> [AuthorityCode] {
        var random = SeededRandom(seed: seed)
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

    /// The pools `unit` may use among those with places left, with the terms of each pairing, in
    /// pool order. `candidates` are the pools worth checking (see ``candidatePools(_:home:)``).
    func admissiblePairs(_ unit: Int, poolPlaces: [Int], candidates: [Int]) -> [(pool: Int, terms: PairCosting.Terms)] {
        let profile = unitProfiles[unit]
        let groupSize = units[unit].groupSize
        let current = currentPools[unit]
        // The current provider's pool may lie beyond the candidates' distance cut.
        var checked = candidates
        if let current, !candidates.contains(current) { checked = (candidates + [current]).sorted() }
        var pairs: [(pool: Int, terms: PairCosting.Terms)] = []
        for pool in checked where poolPlaces[pool] >= groupSize {
            if case .admissible(let terms) = costing.admissibility(
                profile, poolProfiles[pool], isCurrentPlacement: pool == current)
            {
                pairs.append((pool, terms))
            }
        }
        return pairs
    }

    /// The terms of pairing unit `unit` with a pool of the problem, or why it is not admissible.
    func admissibility(_ unit: Int, pool: Int) -> PairCosting.Admissibility {
        costing.admissibility(
            unitProfiles[unit], poolProfiles[pool], isCurrentPlacement: pool == currentPools[unit])
    }

    /// The same with a pool outside the problem (a place not yet built), profiled once by the caller.
    func admissibility(_ unit: Int, _ pool: PairCosting.PoolProfile) -> PairCosting.Admissibility {
        costing.admissibility(unitProfiles[unit], pool)
    }

    /// The pools of `type` a unit from authority `home` could be admitted to, in pool order: every
    /// pool with an exact location, and the pools of each authority whose centroid could lie within
    /// the type's distance limit (allowing for children's exact homes, and for overrides). Checking
    /// only these keeps listing pairs linear in their number.
    func candidatePools(_ type: PlacementType, home: Int) -> [Int] {
        let byAuthority = poolsByTypeAndAuthority[type] ?? [:]
        var candidates = exactlyLocatedPools[type] ?? []
        let limit = costing.policy.maximumDistance(for: type)
        let distances = costing.distances
        for (authority, indices) in byAuthority {
            if let limit, home >= 0, authority >= 0, authority != home,
                !distances.hasOverride(from: home, to: authority),
                distances.milesBetweenCentroids(home, authority) - homeSpread[home] > limit
            {
                continue
            }
            candidates += indices
        }
        return candidates.sorted()
    }

    /// The model of some units against every pool's places.
    func model(units unitIndices: [Int]) -> PlacementModel {
        model(units: unitIndices, deadline: .none)!
    }

    /// The model of some units against every pool's places left (all of them by default), or `nil`
    /// when `deadline` passes while the pairs are being listed.
    func model(units unitIndices: [Int], poolPlaces: [Int]? = nil, deadline: Deadline) -> PlacementModel? {
        let places = poolPlaces ?? pools.map(\.places)
        var pairs: [[(pool: Int, terms: PairCosting.Terms)]] = []
        pairs.reserveCapacity(unitIndices.count)
        struct Home: Hashable {
            var type: PlacementType
            var authority: Int
        }
        var candidates: [Home: [Int]] = [:]
        for (position, unit) in unitIndices.enumerated() {
            // Checking the clock costs more than listing one unit's pairs: check now and then.
            if position % 64 == 63, deadline.hasPassed { return nil }
            let home = Home(type: units[unit].placementType, authority: unitProfiles[unit].home)
            if candidates[home] == nil { candidates[home] = candidatePools(home.type, home: home.authority) }
            pairs.append(admissiblePairs(unit, poolPlaces: places, candidates: candidates[home]!))
        }
        return model(unitIndices, places, pairs: pairs)
    }

    private func model(
        _ unitIndices: [Int], _ places: [Int], pairs: [[(pool: Int, terms: PairCosting.Terms)]]
    ) -> PlacementModel {
        PlacementModel(
            name: "placement_\(mode.rawValue)", units: units, poolPlaces: places, unitIndices: unitIndices,
            admissiblePairs: pairs, unplacedPenalty: scenario.policy.unplacedPenalty, named: namesModels)
    }
}
