import PlacementOptimisation
import PlacementScenarios

extension TodaysPlacements {
    /// What shocks did to today's placements (``init(_:in:after:replacing:)``).
    public struct ShockDisplacement: Sendable, Equatable {
        /// Children the shocks added (a demand increase), by home authority.
        public var addedByHome: [AuthorityCode: Int]
        /// Children the shocks took away (a cohort made smaller): those waiting first, then placements.
        public var removedByHome: [AuthorityCode: Int]
        /// Today's placements the shocks took (the provider left or stopped offering the type, or its
        /// places free for the scenario's children fell below the children there), priced and
        /// measured where they were, in today's market.
        public var lost: [PlacementDecision]
        /// The placements made again (the displaced, the added and those without a place today,
        /// placed by today's behaviour), where they are now.
        public var made: [PlacementDecision]
        /// Children without a place after the shocks.
        public var withoutPlace: Int
        /// Children needing a placement after the shocks, by home authority (none where a fall took
        /// them all).
        public var leftByHome: [AuthorityCode: Int] = [:]

        public var displaced: Int { lost.reduce(0) { $0 + $1.children } }
        public var added: Int { addedByHome.values.reduce(0, +) }
        public var removed: Int { removedByHome.values.reduce(0, +) }
        public var placedAgain: Int { made.reduce(0) { $0 + $1.children } }
        public var childrenLeft: Int { leftByHome.values.reduce(0, +) }

        /// The same for the children of `authorities` alone (`withoutPlace`: theirs).
        public func of(_ authorities: Set<AuthorityCode>, withoutPlace: Int) -> ShockDisplacement {
            ShockDisplacement(
                addedByHome: addedByHome.filter { authorities.contains($0.key) },
                removedByHome: removedByHome.filter { authorities.contains($0.key) },
                lost: lost.filter { authorities.contains($0.homeAuthority) },
                made: made.filter { authorities.contains($0.homeAuthority) }, withoutPlace: withoutPlace,
                leftByHome: leftByHome.filter { authorities.contains($0.key) })
        }
    }

    /// Today's placements after shocks: every child keeps today's placement while its place remains;
    /// only the children whose places the shocks took (and any the shocks add, with those waiting
    /// today) are placed again, as councils place children today: by each cohort's fitted weights
    /// (``propensity``) over the places still free, fitted within them as today's placements are.
    ///
    /// Refitting today's whole pattern to what the shocks leave would move every child and spread
    /// the loss over all of them: it shows the children left without a place but not the distance
    /// the displaced children travel to the places left.
    ///
    /// `today`: today's placements in `todaysMarket`; `shocked`: today's market rebuilt after the
    /// shocks (``TodaysMarket/rebuilt(for:)`` applied to the shocked scenario), whose offers are the
    /// places free for the scenario's children. Providers and cohorts are matched by id. Where a
    /// provider has fewer free places than today's children there, the children leave it in
    /// proportion to each cohort's children there (systematic rounding). Without `replacing`, none
    /// is placed again: they wait (a simulation's first year places them, by each mode).
    ///
    /// `newPlaces`: today's placements fitted in today's market with places not yet built (an adopted
    /// plan's), and that market: the children placed again may take those places, once the shocks
    /// have struck, with the weights that fit gives them (as a simulation draws placements into a
    /// plan's openings); every other weight stays today's.
    public init(
        _ today: TodaysPlacements, in todaysMarket: Scenario, after shocked: Scenario, replacing: Bool = true,
        newPlaces: (fit: TodaysPlacements, market: Scenario)? = nil
    ) {
        let providerNumber = Dictionary(
            shocked.providers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let todaysCohort = Dictionary(
            todaysMarket.cohorts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let cohorts = shocked.cohorts.count
        // Per cohort, the weights of places today's market does not have, in `shocked`'s numbering.
        var newPlaceWeights: [CohortID: [Propensity]] = [:]
        if let newPlaces {
            let inToday = Set(todaysMarket.providers.map(\.id))
            for (c, cohort) in newPlaces.market.cohorts.enumerated() where c < newPlaces.fit.propensity.count {
                newPlaceWeights[cohort.id] = newPlaces.fit.propensity[c].compactMap { entry in
                    let id = newPlaces.market.providers[entry.provider].id
                    guard !inToday.contains(id), let number = providerNumber[id] else { return nil }
                    return Propensity(provider: number, weight: entry.weight)
                }
            }
        }
        var kept = Array(repeating: [(provider: Int, children: Int)](), count: cohorts)
        var toPlace = Array(repeating: 0, count: cohorts)
        var propensity = Array(repeating: [Propensity](), count: cohorts)
        var added: [AuthorityCode: Int] = [:]
        var removed: [AuthorityCode: Int] = [:]
        // Today's placements the shocks took: cohort, provider in today's market, children.
        var lost: [(cohort: Int, provider: Int, children: Int)] = []
        for (c, cohort) in shocked.cohorts.enumerated() where cohort.placementType.isCommissioned {
            guard let t = todaysCohort[cohort.id], t < today.placed.count else {
                toPlace[c] = cohort.count
                added[cohort.homeAuthority, default: 0] += cohort.count
                continue
            }
            propensity[c] = today.propensity[t].compactMap { entry in
                providerNumber[todaysMarket.providers[entry.provider].id].map {
                    Propensity(provider: $0, weight: entry.weight)
                }
            }
            propensity[c] += newPlaceWeights[cohort.id] ?? []
            for (provider, children) in today.placed[t] {
                if let number = providerNumber[todaysMarket.providers[provider].id] {
                    kept[c].append((number, children))
                } else {
                    toPlace[c] += children
                    lost.append((t, provider, children))
                }
            }
            toPlace[c] += today.waiting[t]
            let before = today.placed[t].reduce(0) { $0 + $1.children } + today.waiting[t]
            if cohort.count > before {
                toPlace[c] += cohort.count - before
                added[cohort.homeAuthority, default: 0] += cohort.count - before
            } else if cohort.count < before {
                // Fewer children: those without a place leave first, then placements in proportion.
                let fewer = before - cohort.count
                removed[cohort.homeAuthority, default: 0] += fewer
                let fromWaiting = min(fewer, toPlace[c])
                toPlace[c] -= fromWaiting
                if fewer > fromWaiting {
                    Self.take(fewer - fromWaiting, from: &kept[c], offset: TodaysCells.offset(cohort: c, round: 0))
                }
            }
        }
        let places = UsablePlaces.offered(shocked)
        let todaysNumber = Dictionary(
            todaysMarket.providers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for cut in Self.keepWithinPlaces(
            &kept, toPlace: &toPlace, types: shocked.cohorts.map(\.placementType), places: places)
        {
            if let t = todaysCohort[shocked.cohorts[cut.cohort].id],
                let provider = todaysNumber[shocked.providers[cut.provider].id]
            {
                lost.append((t, provider, cut.children))
            }
        }

        // The places still free, and the children to place in them by today's weights.
        var vacancies = places
        for (c, placements) in kept.enumerated() {
            for (provider, children) in placements {
                vacancies[PlaceSlot(provider: provider, placementType: shocked.cohorts[c].placementType)]? -= children
            }
        }
        let open = vacancies.filter { $0.value > 0 }.keys.sorted()
        let poolOfSlot = Dictionary(uniqueKeysWithValues: open.enumerated().map { ($1, $0) })
        let cells = shocked.cohorts.indices.map { c -> [(pool: Int, children: Double)] in
            guard toPlace[c] > 0 else { return [] }
            var weightOfPool: [Int: Double] = [:]
            for entry in propensity[c] {
                let slot = PlaceSlot(provider: entry.provider, placementType: shocked.cohorts[c].placementType)
                if let pool = poolOfSlot[slot] { weightOfPool[pool, default: 0] += entry.weight }
            }
            return weightOfPool.sorted { $0.key < $1.key }.map { (pool: $0.key, children: $0.value) }
        }
        var fitting = TodaysCells(
            capacities: open.map { vacancies[$0] ?? 0 }, cells: replacing ? cells : cells.map { _ in [] },
            counts: toPlace)
        fitting.fit(sweeps: Self.sweeps)
        let again = fitting.wholeChildren(of: shocked.cohorts.indices.filter { toPlace[$0] > 0 })

        let pricing = PlacementPricing(shocked)
        var decisions: [PlacementDecision] = []
        var placed = Array(repeating: [(provider: Int, children: Int)](), count: cohorts)
        var waiting = Array(repeating: 0, count: cohorts)
        var asRecorded = 0
        var made: [PlacementDecision] = []
        for (c, cohort) in shocked.cohorts.enumerated() where cohort.placementType.isCommissioned {
            let placedAgain = again[c].placed.map { (provider: open[$0.provider].provider, children: $0.children) }
            for (provider, children) in placedAgain {
                made.append(pricing.decision(cohort, provider: shocked.providers[provider], children: children))
            }
            placed[c] = Dictionary(kept[c] + placedAgain, uniquingKeysWith: +).filter { $0.value > 0 }
                .sorted { $0.key < $1.key }.map { (provider: $0.key, children: $0.value) }
            waiting[c] = again[c].waiting
            for (provider, children) in placed[c] {
                if shocked.providers[provider].id == cohort.currentProvider,
                    let stayed = kept[c].first(where: { $0.provider == provider })
                {
                    asRecorded += stayed.children
                }
                decisions.append(pricing.decision(cohort, provider: shocked.providers[provider], children: children))
            }
            if waiting[c] > 0 {
                decisions.append(
                    pricing.decision(
                        cohort, provider: nil, children: waiting[c],
                        reason: "no place free for the children after the shocks"))
            }
        }
        let todaysPricing = PlacementPricing(todaysMarket)
        let effect = ShockDisplacement(
            addedByHome: added, removedByHome: removed,
            lost: lost.map {
                todaysPricing.decision(
                    todaysMarket.cohorts[$0.cohort], provider: todaysMarket.providers[$0.provider],
                    children: $0.children)
            }, made: made, withoutPlace: waiting.reduce(0, +),
            leftByHome: shocked.cohorts.reduce(into: [:]) { left, cohort in
                if cohort.placementType.isCommissioned { left[cohort.homeAuthority, default: 0] += cohort.count }
            })
        self.init(
            year: today.year, decisions: decisions, metrics: ModeMetrics(decisions: decisions, scenario: shocked),
            childrenWithoutPlace: waiting.reduce(0, +), childrenAsRecorded: asRecorded, placed: placed,
            waiting: waiting, propensity: propensity, shockDisplacement: effect)
    }

    /// Cuts every provider's children of each type to its places free after the shocks, each cohort
    /// there in proportion to its children; the children cut join their cohort's `toPlace`. Returns
    /// the cuts: cohort, provider (both of `shocked`), children.
    private static func keepWithinPlaces(
        _ kept: inout [[(provider: Int, children: Int)]], toPlace: inout [Int], types: [PlacementType],
        places: [PlaceSlot: Int]
    ) -> [(cohort: Int, provider: Int, children: Int)] {
        var holders: [PlaceSlot: [(cohort: Int, index: Int)]] = [:]
        for (c, placements) in kept.enumerated() {
            for (index, placement) in placements.enumerated() {
                holders[PlaceSlot(provider: placement.provider, placementType: types[c]), default: []].append(
                    (c, index))
            }
        }
        var cuts: [(cohort: Int, provider: Int, children: Int)] = []
        for (slot, members) in holders.sorted(by: { $0.key < $1.key }) {
            let children = members.map { kept[$0.cohort][$0.index].children }
            let over = children.reduce(0, +) - (places[slot] ?? 0)
            guard over > 0 else { continue }
            let parts = TodaysCells.systematic(over, weights: children.map(Double.init), offset: 0.5)
            for (member, part) in zip(members, parts) where part > 0 {
                kept[member.cohort][member.index].children -= part
                toPlace[member.cohort] += part
                cuts.append((member.cohort, slot.provider, part))
            }
        }
        return cuts
    }

    /// Takes `children` from a cohort's placements in proportion to the children in each.
    private static func take(_ children: Int, from placements: inout [(provider: Int, children: Int)], offset: Double) {
        let parts = TodaysCells.systematic(
            min(children, placements.reduce(0) { $0 + $1.children }), weights: placements.map { Double($0.children) },
            offset: offset)
        for (index, part) in parts.enumerated() { placements[index].children -= part }
    }
}
