import PlacementScenarios

/// Decides which demand units may use which pools under a mode, and what each pairing costs in the
/// objective: weekly price, miles, leaving the home area, local-authority preference, and the premium
/// for another council's in-house place where the mode charges one.
///
/// Units and pools are read through compact profiles (authority numbers, requirement bit sets), so
/// that checking a pair copies nothing and hashes nothing.
struct PairCosting: Sendable {
    let mode: CommissioningMode
    let policy: Policy
    let distances: DistanceTable
    /// Each authority's co-operative, by authority number.
    private let cooperativeOf: [Int?]
    /// Whether each authority number stands for places beyond a regional scenario's boundary.
    private let beyondBoundary: [Bool]

    init(scenario: Scenario, mode: CommissioningMode) {
        self.mode = mode
        policy = scenario.policy
        distances = DistanceTable(scenario)
        var cooperativeOf = [Int?](repeating: nil, count: distances.authorityCount)
        for (number, cooperative) in scenario.cooperatives.enumerated() {
            for member in cooperative.members {
                if let index = distances.index[member] { cooperativeOf[index] = number }
            }
        }
        self.cooperativeOf = cooperativeOf
        var beyondBoundary = [Bool](repeating: false, count: distances.authorityCount)
        for code in scenario.marketBeyondBoundary {
            if let index = distances.index[code] { beyondBoundary[index] = true }
        }
        self.beyondBoundary = beyondBoundary
    }

    /// What admissibility needs of a demand unit.
    struct UnitProfile: Sendable {
        var home: Int
        var location: Coordinate?
        /// The youngest and oldest ages of every member: a provider must take both.
        var ages: AgeBand
        var requirements: RequirementSet
        var placementType: PlacementType
        /// Numbers of the authorities the unit may not be placed in (usually none).
        var avoided: [Int] = []
    }

    /// What admissibility and cost need of a pool.
    struct PoolProfile: Sendable {
        var authority: Int
        var location: Coordinate?
        var ageRange: AgeBand
        var specialisms: RequirementSet
        var meetsRatingFloor: Bool
        var isLocalAuthorityRun: Bool
        /// The number of the council whose own service the pool is (run by it or by its children's
        /// trust): other councils' children use it only as the mode allows.
        var operatingAuthority: Int?
        var weeklyPrice: Double
    }

    func profile(_ unit: DemandUnit) -> UnitProfile {
        UnitProfile(
            home: distances.index[unit.homeAuthority] ?? -1, location: unit.homeLocation,
            ages: AgeBand(
                minimum: unit.ageBands.map(\.minimum).min() ?? 0, maximum: unit.ageBands.map(\.maximum).max() ?? 0),
            requirements: RequirementSet(unit.requirements), placementType: unit.placementType,
            avoided: unit.avoidedAuthorities.compactMap { distances.index[$0] }.sorted())
    }

    func profile(_ pool: SupplyPool) -> PoolProfile {
        profile(pool.representative, price: pool.weeklyPrice)
    }

    func profile(_ provider: Provider, price: Double) -> PoolProfile {
        PoolProfile(
            authority: distances.index[provider.authority] ?? -1, location: provider.location,
            ageRange: provider.ageRange, specialisms: RequirementSet(provider.specialisms),
            meetsRatingFloor: provider.rating.meets(policy.minimumRating),
            isLocalAuthorityRun: provider.isLocalAuthorityRun,
            operatingAuthority: provider.operatingAuthority.flatMap { distances.index[$0] }, weeklyPrice: price)
    }

    /// The terms of one child's placement with a pool.
    struct Terms: Sendable {
        var miles: Double
        /// Objective per child: weighted price, miles, out-of-area penalty, premium, less the
        /// local-authority preference.
        var cost: Double
    }

    /// How a council's child may use another council's own place (in-house, or its children's trust's)
    /// under this mode.
    enum InHouseAccess {
        case open
        case atPremium
        case closed
    }

    private func inHouseAccess(home: Int, pool: PoolProfile, type: PlacementType) -> InHouseAccess {
        guard let operating = pool.operatingAuthority, operating != home else {
            return .open
        }
        // A council's own places beyond the boundary stand where its children use them today, at a
        // distance known from that council alone: no other council's child is placed there.
        if isBeyondBoundary(pool) { return .closed }
        // Secure welfare places are allocated across England whoever commissions (the Secure Welfare
        // Coordination Unit): a council's secure home takes any council's child, in every mode.
        if type == .secureChildrensHome { return .open }
        switch mode {
        case .national:
            return .open
        case .regional:
            if home >= 0, let cooperative = cooperativeOf[home], cooperativeOf[operating] == cooperative {
                return .open
            }
            fallthrough
        case .council, .councilCoordinated:
            return policy.otherCouncilsInHousePlaces ? .atPremium : .closed
        }
    }

    private func isBeyondBoundary(_ pool: PoolProfile) -> Bool { pool.authority >= 0 && beyondBoundary[pool.authority] }

    /// Why a unit may not use a pool, in the order the checks are made.
    enum Refusal: Int, Comparable {
        case ageRange
        case requirements
        case rating
        case avoided
        case distance
        /// Another council's connected carers, for a kinship child.
        case notTheChildsRelatives
        /// Another council's own place beyond a regional scenario's boundary.
        case anotherCouncilsPlaceBeyondBoundary
        case access

        static func < (lhs: Refusal, rhs: Refusal) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    enum Admissibility {
        case admissible(Terms)
        case refused(Refusal)
    }

    /// The terms of the pairing, or why it is not admissible. The pool must offer the unit's type.
    /// `isCurrentPlacement`: the pool holds the provider the unit lives with today, which the distance
    /// limit and the mode's access rules (both about where new placements are sought) do not shut.
    /// Nor does the Ofsted floor: a child is not left without a home by a judgement on the one they
    /// have, but staying below the floor costs the policy's `belowFloorSurcharge` a week, so any admitted place
    /// in reach is preferred.
    func admissibility(_ unit: UnitProfile, _ pool: PoolProfile, isCurrentPlacement: Bool = false) -> Admissibility {
        guard pool.ageRange.contains(unit.ages) else { return .refused(.ageRange) }
        guard unit.requirements.isSubset(of: pool.specialisms) else { return .refused(.requirements) }
        guard pool.meetsRatingFloor || isCurrentPlacement else { return .refused(.rating) }
        guard !unit.avoided.contains(pool.authority) else { return .refused(.avoided) }
        let miles = miles(unit, pool)
        if let limit = policy.maximumDistance(for: unit.placementType), !(miles <= limit),
            !(isCurrentPlacement && miles.isFinite)
        {
            return .refused(.distance)
        }
        // Connected carers are a child's own relatives, approved by the child's own council: another
        // council's (or its trust's) are no place for its kinship children, whatever the mode pools.
        if unit.placementType == .kinship, let operating = pool.operatingAuthority, operating != unit.home,
            !isCurrentPlacement
        {
            return .refused(.notTheChildsRelatives)
        }
        let access = inHouseAccess(home: unit.home, pool: pool, type: unit.placementType)
        guard access != .closed || isCurrentPlacement else {
            return .refused(isBeyondBoundary(pool) ? .anotherCouncilsPlaceBeyondBoundary : .access)
        }
        var terms = terms(home: unit.home, miles: miles, pool: pool, access: access)
        if !pool.meetsRatingFloor { terms.cost += policy.belowFloorSurcharge }
        return .admissible(terms)
    }

    /// The surcharge on a child of a cohort whose recorded provider is `current` placed with
    /// `provider`: only a child staying with its own provider below the floor pays it (no other
    /// child is placed below the floor). Every pricing of a placement (the modes, kept placements,
    /// today's) adds it, so their objectives compare.
    public func belowFloorSurcharge(current: ProviderID?, provider: Provider) -> Double {
        provider.id == current && !provider.rating.meets(policy.minimumRating) ? policy.belowFloorSurcharge : 0
    }

    func miles(_ unit: UnitProfile, _ pool: PoolProfile) -> Double {
        guard unit.home >= 0, pool.authority >= 0 else {
            guard let from = unit.location, let to = pool.location else { return .nan }
            return Geography.miles(from: from, to: to)
        }
        return distances.miles(from: unit.home, at: unit.location, to: pool.authority, at: pool.location)
    }

    /// The terms of a placement whatever its admissibility (kept placements are priced this way too).
    func terms(home: AuthorityCode, miles: Double, provider: Provider, type: PlacementType, price: Double) -> Terms {
        let homeIndex = distances.index[home] ?? -1
        let pool = profile(provider, price: price)
        return terms(
            home: homeIndex, miles: miles, pool: pool, access: inHouseAccess(home: homeIndex, pool: pool, type: type))
    }

    private func terms(home: Int, miles: Double, pool: PoolProfile, access: InHouseAccess) -> Terms {
        var cost = policy.priceWeight * pool.weeklyPrice + policy.costPerMile * miles
        if pool.authority != home || home < 0 { cost += policy.outOfAreaPenalty }
        if pool.isLocalAuthorityRun { cost -= policy.localAuthorityPreference }
        // A place the mode would not open is one a child already holds (current or kept): it pays
        // the premium as any other council's place does.
        if access != .open { cost += policy.otherCouncilInHousePremium }
        return Terms(miles: miles, cost: cost)
    }
}

/// A set of requirements as bits, so that a subset test is one instruction.
struct RequirementSet: Sendable, Equatable {
    private var bits: UInt32

    init(_ requirements: Set<Requirement>) {
        bits = 0
        for requirement in requirements {
            bits |= 1 << UInt32(Requirement.allCases.firstIndex(of: requirement)!)
        }
    }

    func isSubset(of other: RequirementSet) -> Bool { bits & ~other.bits == 0 }
}
