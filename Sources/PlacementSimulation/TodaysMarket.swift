import PlacementCalibration
import PlacementScenarios

/// The market a scenario's children meet today, from the calibrated as-is allocation: residential
/// places are usable only in part (occupancy; short-break-only homes count nothing), children from
/// outside the scenario hold some of its places, and its own children use places beyond its
/// boundary. ``applied(to:)`` makes a scenario whose places are the ones free for its own children,
/// with a market beyond the boundary, so that an optimised mode's gain is one achievable today.
///
/// For a scenario covering every calibrated authority (England) nobody is outside: only the usable
/// share applies. Children placed outside England, or where DfE does not say, are not represented.
public struct TodaysMarket: Sendable {
    /// The calibrated year.
    public let year: Int
    public let assumptions: MarketAssumptions
    /// Per provider slot of the scenario: its places before and after today's occupancy.
    public let slots: [PlaceSlot: SlotPlaces]
    /// Places beyond the boundary, per placement group and distance band (`operatingAuthority` nil:
    /// the market's), and each council's own homes and supported accommodation there (run by it).
    public let beyondBoundary: [BeyondBoundaryOffer]
    /// The shares of places the scenario's shocks closed at random, which the places beyond the
    /// boundary lost too (``PlaceClosure``); empty without shocks.
    public let closures: [PlaceClosure]
    /// Whether `closures` struck any of the market's places beyond the boundary (its councils' carers
    /// there among them): what its reports call what the shocks left.
    public let closuresStrikeMarketBeyond: Bool
    /// In-house foster places that stand where the council's carers live today, in another of the
    /// scenario's authorities or beyond its boundary (the scenario puts every in-house carer in its
    /// council's area).
    public let carersElsewhere: [CarerPlaces]
    /// Agency foster places moved from their agency's authority to where agency carers live today
    /// (``AgencyCarers``).
    public let agencyPlacesMoved: Int
    /// The factors the calibrated pattern was carried onto the scenario's children by (its children
    /// over the calibration's): fixed when the market is first built, so that a shock adding children
    /// neither moves carers, whose places are the scenario's, from home nor grows the places beyond
    /// the boundary, which its children use today and no more.
    let scales: Scales

    struct Scales: Sendable {
        /// Per council and group: its carers living elsewhere (foster) and its own places beyond the
        /// boundary.
        var own: [AuthorityCode: [PlacementGroup: Double]]
        /// Per group: the market's places beyond the boundary.
        var market: [PlacementGroup: Double]
        /// The scenario's children per commissioned type, which share a group's places beyond the
        /// boundary among its types (``typesBeyondBoundary(_:_:market:children:open:)``).
        var childrenByType: [PlacementType: Int]
    }
    /// Each agency's pieces where its carers live (``AgencyCarers``), cut when the market is first
    /// built and kept by ``rebuilt(for:)``.
    let agencyPieces: [ProviderID: AgencyCarers.Pieces]
    /// Whether this is today's market rebuilt after shocks (the reports say "after the shocks").
    public var afterShocks = false

    /// Some of a council's in-house foster places, moved to the authority its carers live in.
    public struct CarerPlaces: Sendable, Equatable {
        /// The in-house provider's index in the scenario.
        public var provider: Int
        /// The council whose carers they are.
        public var council: AuthorityCode
        /// Foster care, or kinship (the council's connected carers).
        public var placementType: PlacementType = .foster
        public var authority: AuthorityCode
        public var places: Int

        /// The band the carers live in when beyond the boundary; nil inside the scenario.
        public var bandBeyondBoundary: DistanceBand? { TodaysMarket.beyondBoundaryBand(of: authority) }
    }
    /// Children from outside the scenario in its places (placement group by placement group, the
    /// groups its providers offer).
    public let childrenFromOutside: Double
    /// Of those, children beyond the usable places of their authority and sector, so holding none
    /// of the scenario's places (the calibration's capacity floor, sectors the scenario lacks).
    public let childrenFromOutsideUnheld: Double
    /// The scenario's own children it does not hold (``MissingOwnChildren``: a partial import) in its
    /// places, holding them as children from outside do.
    public let missingOwnChildren: Double
    /// Of those, children beyond the usable places of their authority and sector, so holding none.
    public let missingOwnChildrenUnheld: Double
    /// Free places beyond usable less held, kept for the children whose records name their provider
    /// (`placement import`): there today whatever the occupancy.
    public let placesKeptForRecords: Int
    /// What the market was built from, kept so that it can be rebuilt for a changed scenario.
    public let occupancy: Occupancy
    /// Each authority's registered places, for the short-break-only share.
    let registeredPlaces: [AuthorityCode: ResidentialPlaces]

    /// One slot's places.
    public struct SlotPlaces: Sendable, Equatable {
        /// As the scenario gives them.
        public var registered: Int
        /// Registered × occupancy for residential places, short-break-only places counting nothing.
        public var usable: Double
        /// Held today by children from outside the scenario.
        public var heldFromOutside: Double
        /// Whole places free for the scenario's children (usable less held, rounded within each
        /// authority, sector and type so that the totals keep their value).
        public var free: Int
        /// Held today by the scenario's own children it does not hold (``MissingOwnChildren``).
        public var heldByMissingOwn = 0.0

        /// Held by children not in the scenario, from outside it or missing from it.
        public var held: Double { heldFromOutside + heldByMissingOwn }
    }

    /// The distance bands DfE publishes.
    public enum DistanceBand: String, CaseIterable, Sendable, Comparable {
        case within20Miles = "within_20_miles"
        case over20Miles = "over_20_miles"

        var label: String { self == .within20Miles ? "within 20 miles" : "over 20 miles" }

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .within20Miles && rhs == .over20Miles }
    }

    /// Places beyond the boundary that the scenario's children use today.
    public struct BeyondBoundaryOffer: Sendable, Equatable {
        /// The council whose own places these are (its homes or supported accommodation beyond the
        /// region), or nil for the market's, which stand for every other provider.
        public var operatingAuthority: AuthorityCode? = nil
        public var group: PlacementGroup
        /// The type the places are offered as (foster, children's home, supported accommodation).
        public var placementType: PlacementType
        public var band: DistanceBand
        public var places: Int
        public var miles: Double
        public var weeklyPrice: Double
    }

    /// The placement groups the market covers, and the type each group's places beyond the boundary offer.
    static let offeredType: [(PlacementGroup, PlacementType)] = [
        (.foster, .foster), (.homes, .childrensHome), (.supported, .supportedAccommodation),
    ]

    /// Today's market of `scenario` from the calibrated `allocation` of `year` (whose authorities
    /// must include the scenario's).
    public init(
        _ scenario: Scenario, year: AsIsYear, allocation: AsIsAllocation,
        assumptions: MarketAssumptions = MarketAssumptions()
    ) {
        self.init(
            scenario, year: allocation.year,
            places: Dictionary(zip(year.authorities.map(\.id), year.places), uniquingKeysWith: { first, _ in first }),
            occupancy: Occupancy(scenario, allocation: allocation), assumptions: assumptions)
    }

    /// Today's market of `scenario` from its occupancy and the registered places of each authority
    /// (for the short-break-only share; an authority missing counts every place as long-term).
    public init(
        _ scenario: Scenario, year: Int, places: [AuthorityCode: ResidentialPlaces], occupancy: Occupancy,
        assumptions: MarketAssumptions = MarketAssumptions()
    ) {
        self.init(
            scenario, year: year, places: places, occupancy: occupancy, assumptions: assumptions, scales: nil,
            agencyPieces: nil)
    }

    /// `scales` and `agencyPieces`: today's (``rebuilt(for:)``), else the scenario's own.
    private init(
        _ scenario: Scenario, year: Int, places: [AuthorityCode: ResidentialPlaces], occupancy: Occupancy,
        assumptions: MarketAssumptions, scales: Scales?,
        agencyPieces: [ProviderID: AgencyCarers.Pieces]?
    ) {
        let agencyPieces = agencyPieces ?? AgencyCarers.pieces(scenario, carers: occupancy.agencyCarers)
        self.agencyPieces = agencyPieces
        let (scenario, agencyPlacesMoved) = AgencyCarers.relocated(scenario, pieces: agencyPieces)
        self.agencyPlacesMoved = agencyPlacesMoved
        self.year = year
        self.assumptions = assumptions
        self.occupancy = occupancy
        registeredPlaces = places
        let slots = Self.slots(
            scenario, places: places,
            holders: Holders(outside: occupancy.childrenFromOutside, missing: occupancy.missingOwnChildren),
            assumptions: assumptions)
        self.slots = slots.places
        childrenFromOutside = slots.outsiders
        childrenFromOutsideUnheld = slots.unheld
        missingOwnChildren = slots.missing
        missingOwnChildrenUnheld = slots.missingUnheld
        placesKeptForRecords = slots.kept
        // A council's own places carry its own children's pattern onto its own count of them, and the
        // market's its children's; today's scales stand in a rebuild.
        let scales = scales ?? Self.scales(occupancy, of: scenario)
        self.scales = scales
        let carers = Self.carers(
            scenario, occupancy: occupancy, slots: slots.places, scale: scales.own.mapValues { $0[.foster] ?? 0 },
            assumptions: assumptions)
        carersElsewhere = carers.moved
        var offers: [BeyondBoundaryOffer] = []
        var struckBeyond = false
        let councils = occupancy.ownCouncilBeyondBoundary.keys.sorted { $0.rawValue < $1.rawValue }
        for (group, type) in Self.offeredType {
            guard let modelledChildren = occupancy.children[group], modelledChildren > 0,
                let price = Self.marketPrice(of: type, in: scenario)
            else { continue }
            // The calibrated pattern on the scenario's own count of children (today's); a shock closing
            // a share of a sector's places closes that share of the market's here too (the same market).
            let scale = scales.market[group] ?? 0
            let marketOpen = Self.openShare(
                of: occupancy.sectorsBeyondBoundary[group] ?? [.private: 1], type, after: scenario.closures)
            let councilsOpen = PlaceClosure.openShare(of: .localAuthority, type, after: scenario.closures)
            // The foster market there holds the councils' carers who could not be moved.
            if marketOpen < 1 || (group == .foster && councilsOpen < 1) { struckBeyond = true }
            // The residential group's places go to its types first, and each type's closures strike its
            // own: the group's sector mix beyond the boundary is the children's homes' (nearly all
            // private); another type's is its own places' in the scenario, where it has any (secure
            // homes are councils' and voluntary bodies', and a private closure does not strike them).
            // Other groups' closures strike the market's places before they are rounded (`marketOpen`).
            let sharedByType = group == .homes
            var openByType: [PlacementType: Double] = [:]
            if sharedByType {
                openByType[type] = marketOpen
                for offered in PlacementType.allCases
                where offered != type && offered.isCommissioned && PlacementGroup(offered) == group {
                    let mix =
                        Self.sectorMix(of: offered, in: scenario) ?? occupancy.sectorsBeyondBoundary[group]
                        ?? [.private: 1]
                    openByType[offered] = Self.openShare(of: mix, offered, after: scenario.closures)
                }
            }
            for band in DistanceBand.allCases {
                let miles = Self.miles(to: band, for: type, in: scenario, assumptions: assumptions)
                // The market's places, with the councils' own carers there whose places could not be
                // moved out of their in-house providers (none free, or named by a child's record).
                var market =
                    (occupancy.childrenBeyondBoundary[group]?[band] ?? 0) * scale * (sharedByType ? 1 : marketOpen)
                if group == .foster { market += carers.unmovedBeyondBoundary[band] ?? 0 }
                // A council's own homes and supported accommodation beyond the boundary, where DfE
                // counts its own provision outside its area, are not among a regional scenario's
                // providers (it lists the places inside the region), so they are added, run by the
                // council: its own provision, as today. A council's share under a whole place is the
                // market's. Its carers there are its in-house foster places, moved above.
                var councilOffers: [BeyondBoundaryOffer] = []
                if group != .foster {
                    for council in councils {
                        let own =
                            (occupancy.ownCouncilBeyondBoundary[council]?[group]?[band] ?? 0)
                            * (scales.own[council]?[group] ?? 0) * councilsOpen
                        let whole = own.rounded()
                        guard whole >= 1, whole < Double(Int.max / 4) else {
                            market += own
                            continue
                        }
                        market += own - whole
                        councilOffers.append(
                            BeyondBoundaryOffer(
                                operatingAuthority: council, group: group, placementType: type, band: band,
                                places: Int(whole), miles: miles,
                                weeklyPrice: Self.inHousePrice(of: type, council: council, in: scenario)
                                    ?? Self.councilsPrice(of: type, in: scenario) ?? price))
                    }
                }
                for (offered, places) in Self.typesBeyondBoundary(
                    group, type, market: market, children: scales.childrenByType, open: { openByType[$0] ?? 1 })
                {
                    if (openByType[offered] ?? 1) < 1 { struckBeyond = true }
                    offers.append(
                        BeyondBoundaryOffer(
                            group: group, placementType: offered, band: band, places: places,
                            miles: offered == type
                                ? miles : Self.miles(to: band, for: offered, in: scenario, assumptions: assumptions),
                            weeklyPrice: (Self.marketPrice(of: offered, in: scenario) ?? price)
                                * assumptions.beyondBoundaryPriceFactor.value))
                }
                offers += councilOffers
            }
        }
        beyondBoundary = offers
        closures = scenario.closures
        closuresStrikeMarketBeyond = struckBeyond
    }

    /// The market's places of a group beyond the boundary in one band, by the type they offer: all of
    /// them `type`'s, but for children's homes and other residential, whose places go to each of the
    /// group's commissioned types in proportion to `children` of each type (today's: the first
    /// build's, so that a shock's change of children grows none), by largest remainder, every type
    /// with children keeping at least one; then `open` (each type's share of places left open by
    /// shocks' closures) strikes each type's own. Secure homes and residential
    /// schools are a national market: offering children's-home places alone left a region's
    /// residential-school children unplaced in every mode where the region's one school was below
    /// the Ofsted floor, though today's placements put them somewhere.
    static func typesBeyondBoundary(
        _ group: PlacementGroup, _ type: PlacementType, market: Double, children: [PlacementType: Int],
        open: (PlacementType) -> Double = { _ in 1 }
    ) -> [(type: PlacementType, places: Int)] {
        let whole = market.rounded()
        guard whole >= 1, whole < Double(Int.max / 4) else { return [] }
        guard group == .homes else { return [(type, Int(whole))] }
        // The group's main type first, so that it takes the places when no child of the group is left.
        let types =
            [type]
            + PlacementType.allCases.filter {
                $0 != type && $0.isCommissioned && PlacementGroup($0) == group && (children[$0] ?? 0) > 0
            }
        let minimum = types.dropFirst().count
        guard Int(whole) > minimum else {
            let places = Int((whole * open(type)).rounded())
            return places > 0 ? [(type, places)] : []
        }
        let shares = Apportion.split(Int(whole) - minimum, weights: types.map { Double(children[$0] ?? 0) })
        // Each type's share of places open after the shocks' closures of that type.
        return zip(types, shares).map { offered, share in
            (offered, Int((Double(share + (offered == type ? 0 : 1)) * open(offered)).rounded()))
        }.filter { $0.places > 0 }
    }

    /// The scenario's registered places of `type` by sector (the mix a closure of one sector strikes);
    /// `nil` where it has none.
    static func sectorMix(of type: PlacementType, in scenario: Scenario) -> [Sector?: Double]? {
        var mix: [Sector?: Double] = [:]
        for provider in scenario.providers where !provider.isPlannedBuild {
            if let places = provider.offers[type]?.places, places > 0 {
                mix[provider.sector, default: 0] += Double(places)
            }
        }
        return mix.isEmpty ? nil : mix
    }

    /// The share of places of `type` left open, over a mix of children by sector, after `closures`.
    static func openShare(of mix: [Sector?: Double], _ type: PlacementType, after closures: [PlaceClosure]) -> Double {
        guard !closures.isEmpty else { return 1 }
        let total = mix.values.reduce(0, +)
        guard total > 0 else { return PlaceClosure.openShare(of: .private, type, after: closures) }
        return mix.reduce(0) { $0 + $1.value * PlaceClosure.openShare(of: $1.key, type, after: closures) } / total
    }

    /// The distance from every authority of the scenario to the places beyond the boundary in a band
    /// (DfE publishes only the band), within the policy's limit of the type.
    static func miles(
        to band: DistanceBand, for type: PlacementType, in scenario: Scenario, assumptions: MarketAssumptions
    ) -> Double {
        let assumed = band == .within20Miles ? assumptions.withinBandMiles : assumptions.overBandMiles
        return min(assumed.value, scenario.policy.maximumDistance(for: type) ?? assumed.value)
    }

    /// The same market for `scenario` changed by shocks (the same authorities, other providers,
    /// prices or children): today's occupancy is kept, and the places free for the scenario's own
    /// children, the carers elsewhere and the offers beyond the boundary follow the changed scenario's
    /// providers and closures; today's scales stand, so how many of a council's carers live
    /// elsewhere, and how many places lie beyond the boundary, follow today's children, not the
    /// changed scenario's. (A scenario built with more children, a forecast's, scales them anew
    /// on its first build.)
    public func rebuilt(for scenario: Scenario) -> TodaysMarket {
        TodaysMarket(
            scenario, year: year, places: registeredPlaces, occupancy: occupancy, assumptions: assumptions,
            scales: scales, agencyPieces: agencyPieces)
    }

    /// A first build's scales: the scenario's children over the calibration's, per council and group
    /// (a council's own places carry its own children's pattern, so that a change to one council's
    /// children leaves the others' places as they are) and per group (the market's).
    private static func scales(_ occupancy: Occupancy, of scenario: Scenario) -> Scales {
        var wanted: [PlacementGroup: Double] = [:]
        var wantedByHome: [AuthorityCode: [PlacementGroup: Double]] = [:]
        for cohort in scenario.cohorts where cohort.placementType.isCommissioned {
            let group = PlacementGroup(cohort.placementType)
            wanted[group, default: 0] += Double(cohort.count)
            wantedByHome[cohort.homeAuthority, default: [:]][group, default: 0] += Double(cohort.count)
        }
        func ratio(_ wanted: Double?, _ modelled: Double?) -> Double {
            guard let modelled, modelled > 0 else { return 0 }
            return (wanted ?? 0) / modelled
        }
        let groups = PlacementGroup.allCases
        return Scales(
            own: Dictionary(
                uniqueKeysWithValues: occupancy.childrenByHome.map { home, modelled in
                    (
                        home,
                        Dictionary(
                            uniqueKeysWithValues: groups.map { ($0, ratio(wantedByHome[home]?[$0], modelled[$0])) })
                    )
                }),
            market: Dictionary(uniqueKeysWithValues: groups.map { ($0, ratio(wanted[$0], occupancy.children[$0])) }),
            childrenByType: scenario.cohorts.reduce(into: [:]) { children, cohort in
                if cohort.placementType.isCommissioned { children[cohort.placementType, default: 0] += cohort.count }
            })
    }

    /// What the calibrated allocation says of a scenario's places and children today.
    public struct Occupancy: Sendable, Equatable {
        /// Children from outside the scenario placed in each of its authorities, by placement group
        /// and the sector of the place (a council's own provision elsewhere is not the scenario's).
        public var childrenFromOutside: [AuthorityCode: [PlacementGroup: [Sector: Double]]]
        /// The scenario's children placed in English authorities outside it, by group and band, but
        /// those with their own council's provision there (``ownCouncilBeyondBoundary``).
        public var childrenBeyondBoundary: [PlacementGroup: [DistanceBand: Double]]
        /// The same children by the sector of their provider (`nil`: not reported), both bands
        /// together: what a shock closing one sector's places there closes (``PlaceClosure``). Empty:
        /// every one private.
        public var sectorsBeyondBoundary: [PlacementGroup: [Sector?: Double]] = [:]
        /// The scenario's children with their own council's provision in English authorities outside
        /// it (its carers or homes beyond the region), by home, group and band.
        public var ownCouncilBeyondBoundary: [AuthorityCode: [PlacementGroup: [DistanceBand: Double]]] = [:]
        /// The scenario's children by placement group in the allocation, to carry its pattern onto
        /// the scenario's own count of children.
        public var children: [PlacementGroup: Double]
        /// The same by home authority, for each council's own places.
        public var childrenByHome: [AuthorityCode: [PlacementGroup: Double]] = [:]
        /// Foster children with their own council's carers living in another of the scenario's
        /// authorities, by home and the carers' authority.
        public var ownCarersElsewhere: [AuthorityCode: [AuthorityCode: Double]]
        /// Foster children with their own council's carers, wherever they live, by home.
        public var ownCouncilFoster: [AuthorityCode: Double] = [:]
        /// Per pair of the scenario's authorities (home, placement) with children today: the share of
        /// them within 20 miles of home, as the calibration fitted DfE's distance bands.
        public var within20MilesShares: [AuthorityPair: Double] = [:]
        /// Foster children with an independent agency's carers in each of the scenario's authorities,
        /// from any home, by the agency's sector: where agency carers live today (``AgencyCarers``).
        public var agencyCarers: [AuthorityCode: [Sector: Double]] = [:]
        /// The scenario's own children it does not hold (``MissingOwnChildren``) placed in each of its
        /// authorities, by placement group and sector, as ``childrenFromOutside``.
        public var missingOwnChildren: [AuthorityCode: [PlacementGroup: [Sector: Double]]] = [:]
        /// Per home authority: its children the scenario does not hold, in today's market's groups.
        public var missingOwnByHome: [AuthorityCode: Double] = [:]

        public init(
            childrenFromOutside: [AuthorityCode: [PlacementGroup: [Sector: Double]]] = [:],
            childrenBeyondBoundary: [PlacementGroup: [DistanceBand: Double]] = [:],
            children: [PlacementGroup: Double] = [:], ownCarersElsewhere: [AuthorityCode: [AuthorityCode: Double]] = [:]
        ) {
            self.childrenFromOutside = childrenFromOutside
            self.childrenBeyondBoundary = childrenBeyondBoundary
            self.children = children
            self.ownCarersElsewhere = ownCarersElsewhere
        }

        /// Read from the calibrated allocation, whose authorities include the scenario's.
        public init(_ scenario: Scenario, allocation: AsIsAllocation) {
            self.init()
            let inside = Set(scenario.ownAuthorities.map(\.id))
            // Any cohort, even one a change has left empty: whose children the scenario models is its
            // files' fact, not the count of the moment.
            let homes = Set(scenario.cohorts.map(\.homeAuthority))
            let codes = allocation.authorities.map(\.id)
            // Per allocation authority (looked up once, not per row): whether its places are the
            // scenario's, and whether its children are. An authority listed for its places alone (an
            // imported council's neighbours) has its children outside: they hold places today.
            let isInside = codes.map(inside.contains)
            let isHome = codes.map(homes.contains)
            let groups = Set(TodaysMarket.offeredType.map(\.0))
            var pairs: [AuthorityPair: (children: Double, over20Miles: Double)] = [:]
            let stock = allocation.stock()
            let missing = MissingOwnChildren(scenario, rows: stock, codes: codes, groups: groups)
            missingOwnByHome = missing.children
            for row in stock where groups.contains(row.group) {
                let placement = row.placement.map { codes[$0] }
                let placedInside = row.placement.map { isInside[$0] } ?? false
                // Where the child would hold a place if it were not the scenario's.
                let heldSector = placement.flatMap { placement in
                    placedInside
                        ? TodaysMarket.heldSector(
                            of: row, placement: placement, home: codes[row.home], homeInside: isInside[row.home])
                        : nil
                }
                if row.group == .foster, placedInside, let placement,
                    let sector = TodaysMarket.sector(of: row.provider), sector == .private || sector == .voluntary
                {
                    agencyCarers[placement, default: [:]][sector, default: 0] += row.children
                }
                if isHome[row.home], placedInside, let placement {
                    let pair = AuthorityPair(from: codes[row.home], to: placement)
                    pairs[pair, default: (0, 0)].children += row.children
                    pairs[pair, default: (0, 0)].over20Miles += row.over20Miles
                }
                if isHome[row.home] {
                    children[row.group, default: 0] += row.children
                    childrenByHome[codes[row.home], default: [:]][row.group, default: 0] += row.children
                    if row.group == .foster, row.provider == .ownCouncil {
                        ownCouncilFoster[codes[row.home], default: 0] += row.children
                    }
                    if row.group == .foster, row.provider == .ownCouncil, placedInside, let placement,
                        placement != codes[row.home]
                    {
                        ownCarersElsewhere[codes[row.home], default: [:]][placement, default: 0] += row.children
                    }
                    if let share = missing.shares[codes[row.home]]?[row.group], let placement, let heldSector {
                        missingOwnChildren[placement, default: [:]][row.group, default: [:]][heldSector, default: 0] +=
                            row.children * share
                    }
                    // Only English authorities: places elsewhere are not the register's.
                    guard !placedInside, placement != nil else { continue }
                    if row.provider == .ownCouncil {
                        ownCouncilBeyondBoundary[codes[row.home], default: [:]][row.group, default: [:]][
                            .within20Miles, default: 0] += row.children - row.over20Miles
                        ownCouncilBeyondBoundary[codes[row.home], default: [:]][row.group, default: [:]][
                            .over20Miles, default: 0] += row.over20Miles
                        continue
                    }
                    childrenBeyondBoundary[row.group, default: [:]][.within20Miles, default: 0] +=
                        row.children - row.over20Miles
                    childrenBeyondBoundary[row.group, default: [:]][.over20Miles, default: 0] += row.over20Miles
                    sectorsBeyondBoundary[row.group, default: [:]][TodaysMarket.sector(of: row.provider), default: 0] +=
                        row.children
                } else if let placement, let heldSector {
                    childrenFromOutside[placement, default: [:]][row.group, default: [:]][heldSector, default: 0] +=
                        row.children
                }
            }
            // Expected children, not counts: a pair's ratio is the fitted model's however few it holds.
            for (pair, sums) in pairs where sums.children > 0 {
                within20MilesShares[pair] = min(1, max(0, 1 - sums.over20Miles / sums.children))
            }
        }
    }

    /// The sector of the scenario's places that a row's children hold when they are not the
    /// scenario's own: any provider but their council's own, whose homes and supported accommodation
    /// in its own area (an authority listed for its places alone, as an import's neighbours are)
    /// the register lists. Their council's foster carers are not among the scenario's providers: an
    /// import makes its council's from the children it holds.
    static func heldSector(
        of row: AsIsAllocation.StockRow, placement: AuthorityCode, home: AuthorityCode, homeInside: Bool
    ) -> Sector? {
        if let sector = sector(of: row.provider) { return sector }
        guard homeInside, placement == home, row.provider == .ownCouncil, row.group != .foster else { return nil }
        return .localAuthority
    }

    /// The sector of a provider group's places in the scenario; `nil` for a council's own
    /// provision (another council's own carers and homes are not among the scenario's providers).
    static func sector(of provider: ProviderGroup) -> Sector? {
        switch provider {
        case .otherCouncil: .localAuthority
        case .privateSector: .private
        case .voluntary: .voluntary
        case .otherPublic: .otherPublic
        case .ownCouncil, .parents, .notReported: nil
        }
    }

    /// The places-weighted mean price of `council`'s own offers of a type, if it runs any.
    static func inHousePrice(of type: PlacementType, council: AuthorityCode, in scenario: Scenario) -> Double? {
        meanPrice(of: type, among: scenario.providers.filter { $0.isRun(byCouncil: council) })
    }

    /// The places-weighted mean price of every council's own offers of a type: a council's places
    /// beyond the boundary where it runs none of the type inside. Priced as the market's, a shock to
    /// private prices had repriced them.
    static func councilsPrice(of type: PlacementType, in scenario: Scenario) -> Double? {
        meanPrice(of: type, among: scenario.providers.filter(\.isCouncilService))
    }

    /// The places-weighted mean price of the scenario's private offers of a type (any sector's when
    /// no private provider offers it).
    static func marketPrice(of type: PlacementType, in scenario: Scenario) -> Double? {
        meanPrice(of: type, among: scenario.providers.filter { $0.sector == .private })
            ?? meanPrice(of: type, among: scenario.providers)
    }

    /// The places-weighted mean price of `providers`' offers of a type, nil where none offers it. A
    /// plan's new places are not today's market and set none of its prices.
    private static func meanPrice(of type: PlacementType, among providers: [Provider]) -> Double? {
        var places = 0.0
        var spend = 0.0
        for provider in providers where !provider.isPlannedBuild {
            guard let offer = provider.offers[type], offer.places > 0 else { continue }
            places += Double(offer.places)
            spend += Double(offer.places) * offer.weeklyPrice
        }
        return places > 0 ? spend / places : nil
    }

    /// A scenario whose places are those free for its own children today, with the places beyond
    /// its boundary as private providers in two synthetic authorities (one per distance band) at the
    /// band's distance from every authority; every price by the assumptions' price factors.
    public func applied(to scenario: Scenario) -> Scenario {
        priced(withBeyondBoundary(scenario))
    }

    /// The scenario's prices by the assumptions: council-run places' × the council factor, the
    /// others' × the market factor.
    private func priced(_ scenario: Scenario) -> Scenario {
        let council = assumptions.councilPriceFactor.value
        let market = assumptions.marketPriceFactor.value
        guard council != 1 || market != 1 else { return scenario }
        var priced = scenario
        for index in priced.providers.indices {
            let factor = priced.providers[index].isCouncilService ? council : market
            for type in priced.providers[index].offers.keys {
                priced.providers[index].offers[type]?.weeklyPrice *= factor
            }
        }
        return priced
    }

    private func withBeyondBoundary(_ scenario: Scenario) -> Scenario {
        let scenario = AgencyCarers.relocated(scenario, pieces: agencyPieces).scenario
        var adjusted = scenario
        for (index, provider) in scenario.providers.enumerated() {
            for type in provider.offers.keys {
                guard let places = slots[PlaceSlot(provider: index, placementType: type)] else { continue }
                adjusted.providers[index].offers[type]?.places = places.free
            }
        }
        let names = scenario.authorityNames
        for carers in carersElsewhere {
            var provider = scenario.providers[carers.provider]
            let type = carers.placementType
            guard let offer = provider.offers[type] else { continue }
            adjusted.providers[carers.provider].offers[type]?.places -= carers.places
            provider.id = ProviderID("\(provider.id.rawValue)@\(carers.authority.rawValue)")
            provider.name +=
                carers.bandBeyondBoundary.map { " (carers beyond the boundary, \($0.label))" }
                ?? " (carers in \(names[carers.authority] ?? carers.authority.rawValue))"
            provider.authority = carers.authority
            provider.location = nil
            provider.offers = [type: Provider.Offer(places: carers.places, weeklyPrice: offer.weeklyPrice)]
            adjusted.providers.append(provider)
        }
        adjusted.within20MilesShares.merge(occupancy.within20MilesShares) { ownShare, _ in ownShare }
        let own = scenario.ownAuthorities
        guard !own.isEmpty else { return adjusted }
        let latitude = own.reduce(0) { $0 + $1.centroid.latitude } / Double(own.count)
        let longitude = own.reduce(0) { $0 + $1.centroid.longitude } / Double(own.count)
        for band in DistanceBand.allCases {
            let code = Self.beyondBoundaryAuthority(band)
            let offers = beyondBoundary.filter { $0.band == band }
            let carersThere = carersElsewhere.filter { $0.authority == code }
            // One distance per band and authority: the types' limits differ, the nearest applies.
            // Carers stand at foster care's (connected carers moved there only within their own limit).
            let miles =
                offers.map(\.miles)
                + (carersThere.isEmpty
                    ? [] : [Self.miles(to: band, for: .foster, in: scenario, assumptions: assumptions)])
            guard let nearest = miles.min() else { continue }
            adjusted.authorities.append(
                Authority(
                    id: code, name: "Beyond the boundary, \(band.label)", region: "beyond the boundary",
                    centroid: Coordinate(latitude: latitude, longitude: longitude), areaSquareKilometres: 1))
            adjusted.marketBeyondBoundary.insert(code)
            for authority in own {
                let pair = AuthorityPair(from: authority.id, to: code)
                adjusted.distanceOverrides[pair] = min(adjusted.distanceOverrides[pair] ?? nearest, nearest)
            }
            for offer in offers {
                let council = offer.operatingAuthority.map { council in
                    (code: council, name: scenario.authorities.first { $0.id == council }?.name ?? council.rawValue)
                }
                adjusted.providers.append(
                    Provider(
                        id: ProviderID(
                            "\(code.rawValue)-\(offer.placementType.rawValue)"
                                + (council.map { "-\($0.code.rawValue)" } ?? "")),
                        name: council.map {
                            "\($0.name)'s own \(offer.placementType.label.lowercased()) beyond the boundary, \(band.label)"
                        } ?? "\(offer.placementType.label) beyond the boundary, \(band.label)",
                        sector: council == nil ? .private : .localAuthority, operatingAuthority: council?.code,
                        owner: council?.name ?? "the market beyond the boundary", authority: code,
                        offers: [
                            offer.placementType: Provider.Offer(places: offer.places, weeklyPrice: offer.weeklyPrice)
                        ]
                    ))
            }
        }
        return adjusted
    }

    /// The code of the synthetic authority standing for the places beyond the boundary in a band.
    public static func beyondBoundaryAuthority(_ band: DistanceBand) -> AuthorityCode {
        AuthorityCode("beyond-\(band.rawValue.replacingOccurrences(of: "_", with: "-"))")
    }

    /// The codes of the synthetic authorities beyond the boundary, by the band each stands for.
    private static let beyondBoundaryBands = Dictionary(
        uniqueKeysWithValues: DistanceBand.allCases.map { (beyondBoundaryAuthority($0), $0) })

    /// The band `authority` stands for when it is a synthetic authority beyond the boundary; nil for
    /// any real authority.
    public static func beyondBoundaryBand(of authority: AuthorityCode) -> DistanceBand? {
        beyondBoundaryBands[authority]
    }

    /// The children not in the scenario who hold its places, by placement authority, group and sector.
    struct Holders {
        /// From outside the scenario.
        var outside: [AuthorityCode: [PlacementGroup: [Sector: Double]]]
        /// The scenario's own children it does not hold.
        var missing: [AuthorityCode: [PlacementGroup: [Sector: Double]]]

        /// `held` places shared between `outside` and `missing` children in proportion; all the
        /// outside children's when none is missing, so that a whole scenario's sums are unchanged.
        static func shared(_ held: Double, outside: Double, missing: Double) -> (outside: Double, missing: Double) {
            guard missing > 0 else { return (held, 0) }
            return (held * outside / (outside + missing), held * missing / (outside + missing))
        }
    }

    /// Places free per slot: usable places less those held by children not in the scenario (from
    /// outside it, or its own it does not hold), the holdings spread over each authority's providers
    /// of the group and sector in proportion to usable places. Kinship places are a child's own
    /// relatives: never held by another's.
    private static func slots(
        _ scenario: Scenario, places placesByCode: [AuthorityCode: ResidentialPlaces], holders: Holders,
        assumptions: MarketAssumptions
    ) -> (
        places: [PlaceSlot: SlotPlaces], outsiders: Double, unheld: Double, missing: Double, missingUnheld: Double,
        kept: Int
    ) {
        struct Key: Hashable {
            var authority: AuthorityCode
            var sector: Sector
            var group: PlacementGroup
        }
        var places: [PlaceSlot: SlotPlaces] = [:]
        var members: [Key: [PlaceSlot]] = [:]
        var usableOfKey: [Key: Double] = [:]
        // A plan's new places (`compare --plan`) are not built yet: every one of them is free, as in
        // the plan's own model, so they take no occupancy and no holders.
        for (index, provider) in scenario.providers.enumerated() where !provider.isPlannedBuild {
            for (type, offer) in provider.offers.sorted(by: { $0.key < $1.key })
            where offer.places > 0 && type.isCommissioned {
                let group = PlacementGroup(type)
                var usable = Double(offer.places)
                if group == .homes {
                    usable *=
                        longTermShare(placesByCode[provider.authority], provider.sector, assumptions)
                        * assumptions.calibration.occupancy.value
                }
                let slot = PlaceSlot(provider: index, placementType: type)
                places[slot] = SlotPlaces(registered: offer.places, usable: usable, heldFromOutside: 0, free: 0)
                guard type != .kinship else { continue }
                let key = Key(authority: provider.authority, sector: provider.sector, group: group)
                members[key, default: []].append(slot)
                usableOfKey[key, default: 0] += usable
            }
        }
        var total = 0.0
        var unheld = 0.0
        var missingTotal = 0.0
        var missingUnheld = 0.0
        // In a fixed order, so that sums come out the same on every run.
        for authority in scenario.ownAuthorities.map(\.id) {
            let outside = holders.outside[authority] ?? [:]
            let missing = holders.missing[authority] ?? [:]
            for group in Set(outside.keys).union(missing.keys).sorted() {
                for sector in Sector.allCases {
                    let children = outside[group]?[sector] ?? 0
                    let missingChildren = missing[group]?[sector] ?? 0
                    guard children > 0 || missingChildren > 0 else { continue }
                    total += children
                    missingTotal += missingChildren
                    let key = Key(authority: authority, sector: sector, group: group)
                    let usable = usableOfKey[key] ?? 0
                    let held = Holders.shared(
                        min(children + missingChildren, usable), outside: children, missing: missingChildren)
                    unheld += children - held.outside
                    missingUnheld += missingChildren - held.missing
                    guard held.outside + held.missing > 0 else { continue }
                    for slot in members[key] ?? [] {
                        let slotUsable = places[slot]?.usable ?? 0
                        places[slot]?.heldFromOutside = held.outside * slotUsable / usable
                        places[slot]?.heldByMissingOwn = held.missing * slotUsable / usable
                    }
                }
            }
        }
        // Whole places, rounded per authority, sector and type by largest remainder.
        struct RoundingKey: Hashable {
            var authority: AuthorityCode
            var sector: Sector
            var type: PlacementType
        }
        var rounding: [RoundingKey: [PlaceSlot]] = [:]
        var order: [RoundingKey] = []
        for slot in places.keys.sorted() {
            let provider = scenario.providers[slot.provider]
            let key = RoundingKey(authority: provider.authority, sector: provider.sector, type: slot.placementType)
            if rounding[key] == nil { order.append(key) }
            rounding[key, default: []].append(slot)
        }
        for key in order {
            let chosen = rounding[key] ?? []
            let free = chosen.map { max(0, (places[$0]?.usable ?? 0) - (places[$0]?.held ?? 0)) }
            let sum = free.reduce(0, +).rounded()
            let shares = Apportion.split(sum < Double(Int.max / 4) ? Int(sum) : 0, weights: free)
            for (slot, share) in zip(chosen, shares) {
                let registered = places[slot]?.registered ?? 0
                places[slot]?.free = min(share, registered)
            }
        }
        // Children whose records name their provider (`placement import`) hold their places there
        // today, whatever the occupancy: never fewer free than them, up to the registered places. The
        // children not in the scenario then hold at most the registered places left, so that no place
        // is both theirs and free; those it leaves without one hold none of the scenario's places.
        var kept = 0
        for (slot, children) in recordedChildren(scenario) {
            guard let slotPlaces = places[slot] else { continue }
            let free = max(slotPlaces.free, min(children, slotPlaces.registered))
            kept += free - slotPlaces.free
            let held = Holders.shared(
                min(slotPlaces.held, Double(max(0, slotPlaces.registered - free))),
                outside: slotPlaces.heldFromOutside, missing: slotPlaces.heldByMissingOwn)
            unheld += slotPlaces.heldFromOutside - held.outside
            missingUnheld += slotPlaces.heldByMissingOwn - held.missing
            places[slot]?.free = free
            places[slot]?.heldFromOutside = held.outside
            places[slot]?.heldByMissingOwn = held.missing
        }
        return (places, total, unheld, missingTotal, missingUnheld, kept)
    }

    /// The children of commissioned cohorts with a current provider, per slot of that provider.
    private static func recordedChildren(_ scenario: Scenario) -> [PlaceSlot: Int] {
        let cohorts = scenario.cohorts.filter { $0.currentProvider != nil && $0.placementType.isCommissioned }
        guard !cohorts.isEmpty else { return [:] }
        let providerIndex = scenario.providerIndices
        var children: [PlaceSlot: Int] = [:]
        for cohort in cohorts {
            guard let current = cohort.currentProvider, let provider = providerIndex[current] else { continue }
            children[PlaceSlot(provider: provider, placementType: cohort.placementType), default: 0] += cohort.count
        }
        return children
    }

    private static func longTermShare(_ places: ResidentialPlaces?, _ sector: Sector, _ assumptions: MarketAssumptions)
        -> Double
    {
        guard let residential = ResidentialSector(sector), let places else { return 1 }
        let registered = places.registered[residential] ?? 0
        let shortBreak = places.shortBreakOnly[residential] ?? 0
        guard registered + shortBreak > 0 else { return 1 }
        return (registered + shortBreak * assumptions.calibration.shortBreakUsableShare.value)
            / (registered + shortBreak)
    }

    /// The scenario's own children it does not hold, in today's market's groups, wherever they are
    /// placed (``missingOwnChildren`` are those in its places).
    public var missingOwnChildrenInAll: Double {
        occupancy.missingOwnByHome.sorted { $0.key.rawValue < $1.key.rawValue }.reduce(0) { $0 + $1.value }
    }

    /// Registered, usable, held and free places summed over the scenario's own providers.
    public var totals: SlotPlaces {
        var sum = SlotPlaces(registered: 0, usable: 0, heldFromOutside: 0, free: 0)
        // In slot order, so that sums come out the same on every run.
        for slot in slots.keys.sorted() {
            guard let places = slots[slot] else { continue }
            sum.registered += places.registered
            sum.usable += places.usable
            sum.heldFromOutside += places.heldFromOutside
            sum.heldByMissingOwn += places.heldByMissingOwn
            sum.free += places.free
        }
        return sum
    }
}
