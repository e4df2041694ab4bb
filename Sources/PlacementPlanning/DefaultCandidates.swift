import PlacementScenarios

/// The candidate set used when a scenario has no `candidates.csv`: for every authority with
/// children to place, one children's home candidate (homes of `placesPerHome` places, as many as its
/// children in children's homes could fill) and one foster-carer candidate (households of
/// `childrenPerFosterHousehold`, as many as `fosterRecruitmentPerChild` of its foster children: a
/// council recruits so many a year, whatever its budget), and a block contract for children's
/// home places with the market there (offered to co-operatives and national plans only). Councils
/// build the first two; secure children's homes are commissioned nationally and other types are
/// left to a scenario's own file.
///
/// Running costs are the scenario's in-house prices: the authority's largest in-house provider of the
/// type, else the median in-house price of the type, else the median price of every provider.
public enum DefaultCandidates {
    /// The types councils build by default, with the kind of candidate that adds them.
    public static let types: [(PlacementType, CapacityCandidate.Kind)] = [
        (.childrensHome, .home), (.foster, .fosterCarers),
    ]

    public static func candidates(for scenario: Scenario, assumptions: PlanningAssumptions = PlanningAssumptions())
        -> [CapacityCandidate]
    {
        var children: [AuthorityCode: [PlacementType: Int]] = [:]
        for cohort in scenario.cohorts where cohort.placementType.isCommissioned {
            children[cohort.homeAuthority, default: [:]][cohort.placementType, default: 0] += cohort.count
        }
        let prices = InHousePrices(scenario)
        var candidates: [CapacityCandidate] = []
        for authority in scenario.ownAuthorities {
            guard let needs = children[authority.id] else { continue }
            for (type, kind) in types {
                guard let price = prices.price(of: type, runBy: authority.id) else { continue }
                let perUnit: Int
                let capital: Double
                let life: Double
                let years: Double
                var weekly = price
                switch kind {
                case .home:
                    weekly = price * assumptions.newHomeRunningCostFactor.value
                    perUnit = max(1, Int(assumptions.placesPerHome.value.rounded()))
                    capital = assumptions.capitalPerHomePlace.value * Double(perUnit)
                    life = assumptions.homeLifeYears.value
                    years = assumptions.homeYearsToOpen.value
                case .fosterCarers:
                    perUnit = max(1, Int(assumptions.childrenPerFosterHousehold.value.rounded()))
                    capital = assumptions.fosterRecruitmentCost.value
                    life = assumptions.fosterTenureYears.value
                    years = assumptions.fosterYearsToOpen.value
                case .blockContract: continue
                }
                let demand = needs[type] ?? 0
                let enough = (demand + perUnit - 1) / perUnit
                // Carers are recruited, not bought: a council approves so many a year, however large the budget.
                let recruitable =
                    kind == .fosterCarers
                    ? Self.wholeUnitsUp(Double(demand) * assumptions.fosterRecruitmentPerChild.value)
                    : enough
                candidates.append(
                    CapacityCandidate(
                        id: CandidateID(rawValue: "\(authority.id)-\(kind.rawValue)"), kind: kind,
                        authority: authority.id, placementType: type, placesPerUnit: perUnit,
                        maximumUnits: max(1, min(enough, recruitable)), capitalCost: capital,
                        weeklyCostPerPlace: weekly, yearsToOpen: years, lifeYears: life))
            }
            if let contract = blockContract(for: authority.id, needs: needs, prices: prices, assumptions: assumptions) {
                candidates.append(contract)
            }
        }
        return candidates
    }

    /// `units` rounded up to whole units, a binary fraction's last bit aside (100 × 0.07 is
    /// 7.000000000000001, which is 7 households, not 8).
    static func wholeUnitsUp(_ units: Double) -> Int {
        guard units.isFinite, units > 0 else { return 0 }
        return Int(((min(units, 1e12) * 1e9).rounded() / 1e9).rounded(.up))
    }

    /// A block contract for children's home places with the market in the authority: contracts of
    /// `blockContractPlaces` places, as many as its children in children's homes could fill, at the
    /// market's median price less `blockContractDiscount`, for `blockContractTermYears`, with no
    /// one-off cost. Offered only to co-operatives and national plans (see `CapacityPlanner`).
    static func blockContract(
        for authority: AuthorityCode, needs: [PlacementType: Int], prices: InHousePrices,
        assumptions: PlanningAssumptions
    ) -> CapacityCandidate? {
        let demand = needs[.childrensHome] ?? 0
        guard demand > 0, let market = prices.marketPrice(of: .childrensHome) else { return nil }
        let perUnit = max(1, Int(min(assumptions.blockContractPlaces.value, 1000).rounded()))
        return CapacityCandidate(
            id: CandidateID(rawValue: "\(authority)-\(CapacityCandidate.Kind.blockContract.rawValue)"),
            kind: .blockContract, authority: authority, placementType: .childrensHome, placesPerUnit: perUnit,
            maximumUnits: max(1, (demand + perUnit - 1) / perUnit), capitalCost: 0,
            weeklyCostPerPlace: market * (1 - assumptions.blockContractDiscount.value), yearsToOpen: 0,
            lifeYears: assumptions.blockContractTermYears.value)
    }
}

/// The weekly price a new in-house place of a type would run at.
struct InHousePrices {
    private var own: [AuthorityCode: [PlacementType: (places: Int, price: Double)]] = [:]
    private var inHouse: [PlacementType: [Double]] = [:]
    private var market: [PlacementType: [Double]] = [:]
    private var external: [PlacementType: [Double]] = [:]

    init(_ scenario: Scenario) {
        for provider in scenario.providers {
            for (type, offer) in provider.offers.sorted(by: { $0.key < $1.key }) where offer.places > 0 {
                market[type, default: []].append(offer.weeklyPrice)
                if !provider.isLocalAuthorityRun { external[type, default: []].append(offer.weeklyPrice) }
                guard provider.isLocalAuthorityRun, let council = provider.operatingAuthority else { continue }
                inHouse[type, default: []].append(offer.weeklyPrice)
                if offer.places > own[council]?[type]?.places ?? 0 {
                    own[council, default: [:]][type] = (offer.places, offer.weeklyPrice)
                }
            }
        }
    }

    /// The median price of the type among providers the market runs (not councils).
    func marketPrice(of type: PlacementType) -> Double? { Median.of(external[type] ?? []) }

    /// The median price of the type among councils' own providers.
    func inHousePrice(of type: PlacementType) -> Double? { Median.of(inHouse[type] ?? []) }

    func price(of type: PlacementType, runBy authority: AuthorityCode) -> Double? {
        own[authority]?[type]?.price ?? Median.of(inHouse[type] ?? []) ?? Median.of(market[type] ?? [])
    }
}
