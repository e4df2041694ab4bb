import PlacementCalibration
import PlacementOptimisation
import PlacementScenarios

/// Places one of a scenario's providers opens in a given year — a planned home, foster households,
/// a block contract — and, for a contract, closes when its term ends.
public struct CapacityOpening: Sendable, Equatable {
    public var provider: ProviderID
    public var placementType: PlacementType
    /// Registered (or foster) places of the provider's offer once open.
    public var places: Int
    /// The first year whose placements may use them: they open at the start of that year's step.
    public var year: Int
    /// The first year without them (a block contract's term ended); nil: they stay open.
    public var closingYear: Int?

    public init(provider: ProviderID, placementType: PlacementType, places: Int, year: Int, closingYear: Int? = nil) {
        self.provider = provider
        self.placementType = placementType
        self.places = places
        self.year = year
        self.closingYear = closingYear
    }

    /// Whether the places are open in `year`.
    public func isOpen(in year: Int) -> Bool { self.year <= year && closingYear.map { year < $0 } != true }
}

/// New capacity coming on line over the simulated years. The scenario lists every provider from the
/// start (so that providers keep their indices); an offer not yet open has no places there, and its
/// places arrive as ``PlacementScenarios/FlowTables/PlaceChange``s in its year, so that every mode,
/// as-is included, sees the same new places at the same time.
public struct CapacityOpenings: Sendable, Equatable {
    public var openings: [CapacityOpening]

    public init(_ openings: [CapacityOpening] = []) { self.openings = openings }

    /// The scenario as it stands in `year`: each opening's offer with its places when open then,
    /// with none otherwise (the offer kept, with its price, for the year it opens).
    public func scenario(_ scenario: Scenario, in year: Int) -> Scenario {
        reshaped(scenario) { $0.isOpen(in: year) ? $0.places : 0 }
    }

    /// The scenario with every opening's places, open or not (for the as-is weights of new places).
    func scenarioWithEveryOpening(_ scenario: Scenario) -> Scenario { reshaped(scenario) { $0.places } }

    /// The scenario with every opening's usable places, as today's market counts every other place.
    func scenarioWithEveryOpeningUsable(_ scenario: Scenario, assumptions: SimulationAssumptions) -> Scenario {
        reshaped(scenario) {
            UsablePlaces.usable($0.places, of: $0.placementType, assumptions: assumptions.calibration)
        }
    }

    /// `scenario` with each opening's offer at `places(opening)`, its price kept.
    private func reshaped(_ scenario: Scenario, places: (CapacityOpening) -> Int) -> Scenario {
        var result = scenario
        let index = Dictionary(
            result.providers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for opening in openings {
            guard let provider = index[opening.provider],
                let offer = result.providers[provider].offers[opening.placementType]
            else { continue }
            result.providers[provider].offers[opening.placementType] = Provider.Offer(
                places: places(opening), weeklyPrice: offer.weeklyPrice)
        }
        return result
    }

    /// The place changes of the years after `first` up to `last`: usable places (residential places
    /// × occupancy, as at the start) opening in their year and closing when a term ends.
    public func placeChanges(after first: Int, through last: Int, assumptions: SimulationAssumptions)
        -> [Int: [FlowTables.PlaceChange]]
    {
        guard first < last else { return [:] }
        var changes: [Int: [FlowTables.PlaceChange]] = [:]
        for opening in openings where opening.closingYear.map({ $0 > opening.year }) != false {
            let usable = UsablePlaces.usable(
                opening.places, of: opening.placementType, assumptions: assumptions.calibration)
            // A build open by the first year is in the starting capacity; one closed by then never counts.
            let opens = opening.year > first ? opening.year : nil
            let closes = opening.closingYear.flatMap { $0 > first ? $0 : nil }
            if let opens, opens <= last {
                changes[opens, default: []].append(
                    FlowTables.PlaceChange(
                        year: opens, provider: opening.provider, placementType: opening.placementType, places: usable))
            }
            if let closes, closes <= last {
                changes[closes, default: []].append(
                    FlowTables.PlaceChange(
                        year: closes, provider: opening.provider, placementType: opening.placementType, places: -usable)
                )
            }
        }
        return changes
    }

    /// `stock` with a slot, still without places, for every opening after `year`: what the simulation
    /// prepares from the starting stock (as-is candidates' slots) then knows the places to come.
    func numberingSlots(of stock: PlacementStock, in scenario: Scenario, after year: Int) -> PlacementStock {
        var stock = stock
        let index = Dictionary(
            scenario.providers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for opening in openings where opening.year > year {
            guard let provider = index[opening.provider] else { continue }
            stock.changePlaces(PlaceSlot(provider: provider, placementType: opening.placementType), by: 0)
        }
        return stock
    }

    /// Providers whose places open after `year`.
    func providers(openingAfter year: Int) -> Set<ProviderID> {
        Set(openings.filter { $0.year > year }.map(\.provider))
    }
}

extension SimulationFlows {
    /// The flows with `openings`' place changes added to each year's (after the scenario's own).
    public func opening(
        _ openings: CapacityOpenings, after first: Int, through last: Int, assumptions: SimulationAssumptions
    )
        -> SimulationFlows
    {
        var flows = self
        for (year, changes) in openings.placeChanges(after: first, through: last, assumptions: assumptions) {
            flows.placeChanges[year, default: []] += changes
        }
        return flows
    }
}

extension SimulationStart {
    /// Today's start (``today(_:placements:)``) of a scenario with `openings` to come: `market` is
    /// today's market of the scenario as it stands in `year`. A provider opening later draws new
    /// placements with the weight the same fit gives it when every opening's usable places are there
    /// (as if it had been open at the start); every other weight is the start's own, so until it
    /// opens nothing differs from the scenario without it.
    public static func today(
        _ market: Scenario, allocation: AsIsAllocation, openings: CapacityOpenings, from year: Int,
        assumptions: SimulationAssumptions = SimulationAssumptions()
    ) -> SimulationStart {
        let start = today(market, placements: TodaysPlacements(in: market, allocation: allocation))
        return start.expecting(
            openings, in: market, after: year,
            full: openings.scenarioWithEveryOpeningUsable(market, assumptions: assumptions)
        ) { TodaysPlacements(in: $0, allocation: allocation).propensity }
    }

    /// The start of a scenario without a calibrated baseline (a fictional one), with `openings` to
    /// come: its children spread over the usable places open in `year` by places and distance alone.
    public static func spread(
        _ scenario: Scenario, openings: CapacityOpenings, from year: Int,
        assumptions: SimulationAssumptions = SimulationAssumptions()
    ) -> SimulationStart {
        let now = openings.scenario(scenario, in: year)
        let fitted = DistanceSpread.fit(
            now, capacity: UsablePlaces.of(now, assumptions: assumptions.calibration),
            assumptions: assumptions.calibration)
        let start = SimulationStart(
            stock: fitted.stock, propensity: fitted.propensity, arrivalWeight: now.cohorts.map(\.count),
            method: "the scenario's children spread over usable places by distance alone (no calibrated pattern)")
        return start.expecting(openings, in: scenario, after: year, full: openings.scenarioWithEveryOpening(scenario)) {
            full in
            DistanceSpread.fit(
                full, capacity: UsablePlaces.of(full, assumptions: assumptions.calibration),
                assumptions: assumptions.calibration
            ).propensity
        }
    }

    /// The start with a slot for every opening after `year`, and each later provider's as-is weights
    /// from `weights` of `full`, the scenario with every opening's places.
    private func expecting(
        _ openings: CapacityOpenings, in scenario: Scenario, after year: Int, full: Scenario,
        weights: (Scenario) -> [[Propensity]]
    ) -> SimulationStart {
        var start = self
        start.stock = openings.numberingSlots(of: stock, in: scenario, after: year)
        let later = openings.providers(openingAfter: year)
        guard !later.isEmpty, var propensity = start.propensity else { return start }
        let fitted = weights(full)
        let laterIndices = Set(full.providers.indices.filter { later.contains(full.providers[$0].id) })
        for cohort in propensity.indices where cohort < fitted.count {
            propensity[cohort] += fitted[cohort].filter { laterIndices.contains($0.provider) }
        }
        start.propensity = propensity
        start.method +=
            "; planned places draw new placements, once open, with the weights the same fit gives "
            + "them when every planned place is there"
        return start
    }
}

extension SimulationStart {
    /// ``solved(_:by:assumptions:options:)`` for a scenario with `openings` to come: the children
    /// placed within the places open in `year`, the slots of later openings known to the stock.
    public static func solved(
        _ scenario: Scenario, by mode: CommissioningMode, openings: CapacityOpenings, from year: Int,
        assumptions: SimulationAssumptions = SimulationAssumptions(), options: OptimiserOptions = OptimiserOptions()
    ) throws(OptimiserError) -> SimulationStart {
        var start = try solved(
            openings.scenario(scenario, in: year), by: mode, assumptions: assumptions, options: options)
        start.stock = openings.numberingSlots(of: start.stock, in: scenario, after: year)
        return start
    }
}
