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
    public func isOpen(in year: Int) -> Bool {
        PlacementScenarios.isOpen(in: year, opening: self.year, closing: closingYear)
    }
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

    /// The scenario with every opening's places, whole: new places are empty when they open, as the
    /// plan's own model counts them (today's market takes occupancy off the places standing today).
    func scenarioWithEveryOpening(_ scenario: Scenario) -> Scenario {
        reshaped(scenario) { $0.places }
    }

    /// `scenario` with each opening's offer at `places(opening)`, its price kept.
    private func reshaped(_ scenario: Scenario, places: (CapacityOpening) -> Int) -> Scenario {
        var result = scenario
        let index = result.providerIndices
        for opening in openings {
            guard let provider = index[opening.provider],
                let offer = result.providers[provider].offers[opening.placementType]
            else { continue }
            result.providers[provider].offers[opening.placementType] = Provider.Offer(
                places: places(opening), weeklyPrice: offer.weeklyPrice)
        }
        return result
    }

    /// The place changes of the years after `first` up to `last`: each opening's places, whole (as the
    /// plan counts them; see ``scenarioWithEveryOpening(_:)``), opening in their year and closing when
    /// a term ends.
    public func placeChanges(after first: Int, through last: Int) -> [Int: [FlowTables.PlaceChange]] {
        guard first < last else { return [:] }
        var changes: [Int: [FlowTables.PlaceChange]] = [:]
        for opening in openings where opening.closingYear.map({ $0 > opening.year }) != false {
            let places = opening.places
            // A build open by the first year is in the starting capacity; one closed by then never counts.
            let opens = opening.year > first ? opening.year : nil
            let closes = opening.closingYear.flatMap { $0 > first ? $0 : nil }
            if let opens, opens <= last {
                changes[opens, default: []].append(
                    FlowTables.PlaceChange(
                        year: opens, provider: opening.provider, placementType: opening.placementType, places: places))
            }
            if let closes, closes <= last {
                changes[closes, default: []].append(
                    FlowTables.PlaceChange(
                        year: closes, provider: opening.provider, placementType: opening.placementType, places: -places)
                )
            }
        }
        return changes
    }

    /// `stock` with a slot, still without places, for every opening after `year`: what the simulation
    /// prepares from the starting stock (as-is candidates' slots) then knows the places to come.
    func numberingSlots(of stock: PlacementStock, in scenario: Scenario, after year: Int) -> PlacementStock {
        var stock = stock
        let index = scenario.providerIndices
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
    public func opening(_ openings: CapacityOpenings, after first: Int, through last: Int) -> SimulationFlows {
        var flows = self
        for (year, changes) in openings.placeChanges(after: first, through: last) {
            flows.placeChanges[year, default: []] += changes
        }
        return flows
    }
}
