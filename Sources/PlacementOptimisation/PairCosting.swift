import PlacementScenarios

/// Decides which demand units may use which pools under a mode, and what each pairing costs in the
/// objective: weekly price, miles, leaving the home area, local-authority preference, and the premium
/// for another council's in-house place where the mode charges one.
struct PairCosting: Sendable {
    let mode: CommissioningMode
    let policy: Policy
    let distances: DistanceTable
    private let cooperativeOf: [AuthorityCode: CooperativeID]

    init(scenario: Scenario, mode: CommissioningMode) {
        self.mode = mode
        policy = scenario.policy
        distances = DistanceTable(scenario)
        var cooperativeOf: [AuthorityCode: CooperativeID] = [:]
        for cooperative in scenario.cooperatives {
            for member in cooperative.members { cooperativeOf[member] = cooperative.id }
        }
        self.cooperativeOf = cooperativeOf
    }

    /// The terms of one child's placement with a pool.
    struct Terms: Sendable {
        var miles: Double
        /// Objective per child: weighted price, miles, out-of-area penalty, premium, less the
        /// local-authority preference.
        var cost: Double
    }

    /// How a council's child may use another council's in-house place under this mode.
    enum InHouseAccess {
        case open
        case atPremium
        case closed
    }

    func inHouseAccess(home: AuthorityCode, provider: Provider) -> InHouseAccess {
        guard provider.isLocalAuthorityRun, let operating = provider.operatingAuthority, operating != home else {
            return .open
        }
        switch mode {
        case .national:
            return .open
        case .regional:
            if let cooperative = cooperativeOf[home], cooperativeOf[operating] == cooperative { return .open }
            fallthrough
        case .council, .councilCoordinated:
            return policy.otherCouncilsInHousePlaces ? .atPremium : .closed
        }
    }

    /// Why a unit may not use a pool, in the order the checks are made.
    enum Refusal: Int, Comparable {
        case ageRange
        case requirements
        case rating
        case distance
        case access

        static func < (lhs: Refusal, rhs: Refusal) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The terms of the pairing, or why it is not admissible. The pool must offer the unit's type.
    func admissibility(_ unit: DemandUnit, _ pool: SupplyPool) -> Admissibility {
        let provider = pool.representative
        guard unit.ageBands.allSatisfy({ provider.ageRange.contains($0) }) else { return .refused(.ageRange) }
        guard unit.requirements.isSubset(of: provider.specialisms) else { return .refused(.requirements) }
        guard provider.rating.meets(policy.minimumRating) else { return .refused(.rating) }
        let miles = distances.miles(from: unit.homeAuthority, at: unit.homeLocation, to: provider)
        if let limit = policy.maximumDistance(for: unit.placementType), !(miles <= limit) {
            return .refused(.distance)
        }
        let access = inHouseAccess(home: unit.homeAuthority, provider: provider)
        guard access != .closed else { return .refused(.access) }
        return .admissible(
            terms(home: unit.homeAuthority, miles: miles, provider: provider, price: pool.weeklyPrice, access: access))
    }

    /// The terms of a placement whatever its admissibility (kept placements are priced this way too).
    func terms(home: AuthorityCode, miles: Double, provider: Provider, price: Double) -> Terms {
        terms(
            home: home, miles: miles, provider: provider, price: price,
            access: inHouseAccess(home: home, provider: provider))
    }

    private func terms(home: AuthorityCode, miles: Double, provider: Provider, price: Double, access: InHouseAccess)
        -> Terms
    {
        var cost = policy.priceWeight * price + policy.costPerMile * miles
        if provider.authority != home { cost += policy.outOfAreaPenalty }
        if provider.isLocalAuthorityRun { cost -= policy.localAuthorityPreference }
        if access == .atPremium { cost += policy.otherCouncilInHousePremium }
        return Terms(miles: miles, cost: cost)
    }

    enum Admissibility {
        case admissible(Terms)
        case refused(Refusal)
    }
}
