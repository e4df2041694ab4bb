import PlacementScenarios

/// What one more in-house place of a placement type, run by an authority in its own area, would
/// save each week under a solved mode.
public struct InHousePlaceValue: Sendable, Equatable {
    public var authority: AuthorityCode
    public var placementType: PlacementType
    /// Pounds of objective saved per week by the first extra place (≥ 0); `nil` where the mode's
    /// models of this type have no duals (a time limit stopped them). Where sibling groups make the
    /// model integer, the duals are of its single children with the groups held where they are placed.
    public var weeklySaving: Double?
    /// The weekly price assumed for the new place.
    public var weeklyPrice: Double
    /// Where that price comes from.
    public var priceSource: PriceSource
    /// Places of this type the authority already runs, at or above the policy's Ofsted floor (those
    /// below it take no new placement).
    public var existingPlaces: Int
    /// Whether the place lets a child now unplaced be placed (directly or by a chain of moves): the
    /// saving then includes the policy's unplaced penalty.
    public var placesUnplacedChild: Bool
    /// Whether the place lets a child leave the provider its records name, below the Ofsted floor,
    /// where it stays only for want of a place: the saving then includes the surcharge on that stay.
    public var movesChildOffBelowFloor = false
    /// The saving less the unplaced penalty when the place lets a child be placed (or less the
    /// below-floor surcharge when it moves one): negative when that costs more each week than the
    /// model now spends.
    public var netWeeklySaving: Double?
    /// Whether every place of the type in the solved market costs what the new one would: a place
    /// moves children only within its type, so then none of the saving is money.
    public var pricedLikeEveryPlace = false

    public enum PriceSource: String, Sendable {
        /// The authority's own in-house price for the type.
        case ownInHouse = "own_in_house"
        /// The median in-house price for the type across the scenario.
        case inHouseMedian = "in_house_median"
        /// No council runs the type: the median price of every provider offering it.
        case marketMedian = "market_median"
    }
}

/// Prices a new in-house place from the solved mode's duals, as the simplex method prices a new
/// column: the place would take a child of unit u at cost c(u), saving the unit's marginal cost π(u)
/// less c(u); the best such child gives the saving, and no child gives zero.
///
/// This is the saving per place of the first small addition. Where the optimum is degenerate the
/// true saving of a whole extra place can be smaller, never larger.
public enum InHousePlaceValuation {
    /// Every real weekly cost is far below the unplaced penalty, so a saving above this share of it
    /// can only come from placing a child now unplaced.
    public static let freesChildShareOfPenalty = 0.5
    /// Below that, a saving above this share of the below-floor surcharge can only come from letting a
    /// child leave the provider below the floor their records name.
    static let movesOffBelowFloorShareOfSurcharge = 0.8

    /// One value per authority in `authorities` and commissioned placement type with demand in the
    /// scenario, types in `PlacementType` order within each authority.
    static func values(
        of solved: SolvedMode, authorities: [AuthorityCode]
    ) -> [InHousePlaceValue] {
        let problem = solved.problem
        let scenario = problem.scenario
        let unitsByType = Dictionary(grouping: problem.units.indices, by: { problem.units[$0].placementType })
        var inHouseByType: [PlacementType: [(provider: Provider, offer: Provider.Offer)]] = [:]
        var marketPrices: [PlacementType: [Double]] = [:]
        for provider in scenario.providers {
            for (type, offer) in provider.offers where offer.places > 0 {
                marketPrices[type, default: []].append(offer.weeklyPrice)
                if provider.isLocalAuthorityRun { inHouseByType[type, default: []].append((provider, offer)) }
            }
        }
        var values: [InHousePlaceValue] = []
        for authority in authorities {
            // Connected carers are a child's relatives, found for the child: one more such place is not
            // a council's to build or buy, and its price only prices the estimate of kinship places.
            for type in problem.typesWithDemand where type != .kinship {
                let inHouse = inHouseByType[type] ?? []
                let own = inHouse.filter { $0.provider.operatingAuthority == authority }
                guard
                    let (provider, source) = newPlace(
                        type, authority: authority, own: own, inHouse: inHouse, market: marketPrices[type] ?? [])
                else { continue }
                let price = provider.offers[type]!.weeklyPrice
                let pool = SupplyPool(placementType: type, members: [], representative: provider, weeklyPrice: price)
                let saving = saving(
                    of: pool, units: unitsByType[type] ?? [], problem: problem,
                    marginalCosts: solved.result.marginalCosts)
                let penalty = scenario.policy.unplacedPenalty
                let placesUnplacedChild = (saving ?? 0) > Self.freesChildShareOfPenalty * penalty
                let surcharge = scenario.policy.belowFloorSurcharge
                let movesOffBelowFloor =
                    !placesUnplacedChild && (saving ?? 0) > Self.movesOffBelowFloorShareOfSurcharge * surcharge
                values.append(
                    InHousePlaceValue(
                        authority: authority, placementType: type, weeklySaving: saving, weeklyPrice: price,
                        priceSource: source,
                        // As the demand-and-supply table counts them: those below the floor take no one new.
                        existingPlaces: own.filter { $0.provider.rating.meets(scenario.policy.minimumRating) }
                            .reduce(0) { $0 + $1.offer.places },
                        placesUnplacedChild: placesUnplacedChild, movesChildOffBelowFloor: movesOffBelowFloor,
                        netWeeklySaving: saving.map {
                            placesUnplacedChild ? $0 - penalty : movesOffBelowFloor ? $0 - surcharge : $0
                        }, pricedLikeEveryPlace: Set(marketPrices[type] ?? []) == [price]))
            }
        }
        return values
    }

    /// `nil` when some single child that could use the place has no dual. A sibling group of two or
    /// more cannot take one place, so it is not asked (its model's duals, integer, are of single
    /// children with the groups held where the optimum places them).
    private static func saving(
        of pool: SupplyPool, units: [Int], problem: PlacementProblem, marginalCosts: [DemandUnit.ID: Double]
    ) -> Double? {
        var best = 0.0
        let place = problem.costing.profile(pool)
        for index in units where !problem.units[index].isSiblingGroup {
            guard case .admissible(let terms) = problem.admissibility(index, place) else { continue }
            guard let marginal = marginalCosts[problem.units[index].id] else { return nil }
            best = max(best, marginal - terms.cost)
        }
        return best
    }

    /// The place: in the authority's area, run by it, priced and specialised like its largest
    /// in-house provider of the type, or a general place at the scenario's median price.
    private static func newPlace(
        _ type: PlacementType, authority: AuthorityCode, own: [(provider: Provider, offer: Provider.Offer)],
        inHouse: [(provider: Provider, offer: Provider.Offer)], market: [Double]
    ) -> (Provider, InHousePlaceValue.PriceSource)? {
        var provider = Provider(
            id: ProviderID(rawValue: "new-\(authority)-\(type.rawValue)"), name: "New in-house place",
            sector: .localAuthority,
            operatingAuthority: authority, authority: authority, offers: [:])
        let price: Double
        let source: InHousePlaceValue.PriceSource
        if let largest = own.max(by: { $0.offer.places < $1.offer.places }) {
            provider.specialisms = largest.provider.specialisms
            provider.ageRange = largest.provider.ageRange
            provider.rating = largest.provider.rating
            price = largest.offer.weeklyPrice
            source = .ownInHouse
        } else if let median = Median.of(inHouse.map(\.offer.weeklyPrice)) {
            price = median
            source = .inHouseMedian
        } else if let median = Median.of(market) {
            price = median
            source = .marketMedian
        } else {
            return nil
        }
        provider.offers = [type: Provider.Offer(places: 1, weeklyPrice: price)]
        return (provider, source)
    }
}
