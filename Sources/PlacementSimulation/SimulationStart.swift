import PlacementCalibration
import PlacementOptimisation
import PlacementScenarios

/// How strongly a cohort's children are placed with one provider today.
public struct Propensity: Sendable, Equatable {
    public var provider: Int
    public var weight: Double
}

/// Where the simulation starts: every child's placement in the first year, and what is known of how
/// councils place children today.
public struct SimulationStart: Sendable {
    public var stock: PlacementStock
    /// Per cohort, the as-is weights of new placements; nil when the scenario's authorities have no
    /// calibrated baseline (a fictional scenario), so `as-is` cannot be simulated.
    public var propensity: [[Propensity]]?
    /// Per cohort, its share of its home and type's arrivals (today's children).
    public var arrivalWeight: [Int]
    /// How the stock was made, for the report.
    public var method: String

    /// Today's placements in today's market, exactly as `compare` shows them beside the modes:
    /// `market` is a scenario made by ``TodaysMarket/applied(to:)`` (its places are the ones free
    /// for its own children), and the fitted weights are the as-is behaviour of new placements.
    public static func today(_ market: Scenario, placements: TodaysPlacements) -> SimulationStart {
        var stock = PlacementStock(
            cohortTypes: market.cohorts.map(\.placementType), capacity: UsablePlaces.offered(market))
        for (cohort, placed) in placements.placed.enumerated() {
            for (provider, children) in placed { stock.place(cohort, with: provider, children: children) }
            stock.addUnplaced(cohort, children: placements.waiting[cohort])
        }
        return SimulationStart(
            stock: stock, propensity: placements.propensity, arrivalWeight: market.cohorts.map(\.count),
            method: "today's placements as `compare` shows them"
                + (placements.shockDisplacement == nil ? "" : " before the shocks")
                + ": the calibrated \(placements.year) as-is baseline "
                + "fitted onto the places free for the scenario's children in today's market"
                + (placements.childrenWithoutPlace > 0 && placements.shockDisplacement == nil
                    ? " (\(NumberText.counted(placements.childrenWithoutPlace, "child", "children")) found no free "
                        + "place and start waiting)" : ""))
    }

    /// Today's placements approximated by a mode's optimum (for scenarios without a calibrated
    /// baseline): the scenario's children placed by `mode` within usable places.
    public static func solved(
        _ scenario: Scenario, by mode: CommissioningMode, assumptions: SimulationAssumptions = SimulationAssumptions()
    ) throws(OptimiserError) -> SimulationStart {
        let capacity = UsablePlaces.of(scenario, assumptions: assumptions.calibration)
        var stock = PlacementStock(cohortTypes: scenario.cohorts.map(\.placementType), capacity: capacity)
        let demand = scenario.cohorts.map { $0.placementType.isCommissioned ? $0.count : 0 }
        try BatchSolve(scenario: scenario, mode: mode, options: OptimiserOptions()).place(
            demand, in: &stock, councilOrderSeed: scenario.policy.councilOrderSeed)
        return SimulationStart(
            stock: stock, propensity: nil, arrivalWeight: scenario.cohorts.map(\.count),
            method: "the scenario's children placed by the \(mode.rawValue) optimum (no calibrated baseline)")
    }
}

extension SimulationStart {
    /// Today's start (``today(_:placements:)``) of a scenario with `openings` to come: `market` is
    /// today's market of the scenario as it stands in `year`. A provider opening later draws new
    /// placements with the weight the same fit gives it when every opening's usable places are there
    /// (as if it had been open at the start); every other weight is the start's own, so until it
    /// opens nothing differs from the scenario without it.
    ///
    /// `before`: today's market before shocks struck at the start (`market` is then today's market
    /// rebuilt after them): today's placements are fitted there and kept where the shocks leave their
    /// places; the children they displace (or add) start waiting, and each mode places them from the
    /// first year on, as places free up (``TodaysPlacements/init(_:in:after:replacing:)``).
    public static func today(
        _ market: Scenario, allocation: AsIsAllocation, openings: CapacityOpenings, from year: Int,
        before todaysMarket: Scenario? = nil, assumptions: SimulationAssumptions = SimulationAssumptions()
    ) -> SimulationStart {
        var placements = TodaysPlacements(in: todaysMarket ?? market, allocation: allocation)
        if let todaysMarket {
            placements = TodaysPlacements(placements, in: todaysMarket, after: market, replacing: false)
        }
        var start = today(market, placements: placements)
        if let effect = placements.shockDisplacement {
            start.method +=
                "; the shocks struck at the start: "
                + (effect.displaced == 0
                    ? "none of today's placements lost its place"
                    : "\(NumberText.counted(effect.displaced, "of today's placements", "of today's placements")) "
                        + "lost \(effect.displaced == 1 ? "its place" : "their places")")
                + (effect.added > 0
                    ? " and \(NumberText.counted(effect.added, "child was", "children were")) added" : "")
                + (effect.removed > 0
                    ? ", \(NumberText.counted(effect.removed, "child", "children")) taken away (a fall in demand: "
                        + "those waiting first, then from their placements, freeing those places)" : "")
                // Children taken away leave their placements: "every child" would count them.
                + (placements.childrenWithoutPlace == 0
                    ? "; every child \(effect.removed > 0 ? "left " : "")keeps today's placement"
                    : "; every other child \(effect.removed > 0 ? "left " : "")keeps today's placement, and the "
                        + "\(NumberText.grouped(placements.childrenWithoutPlace)) without a place start waiting: each "
                        + "mode places them from the first year's batches on, as places free up (`compare --shocks`'s "
                        + "as-is places them again at once, by today's pattern over the places left, so its figures "
                        + "are not this start's)")
        }
        start.stock = openings.numberingSlots(of: start.stock, in: market, after: year)
        let later = openings.providers(openingAfter: year)
        guard !later.isEmpty, start.propensity != nil else { return start }
        let full = openings.scenarioWithEveryOpening(market)
        let laterIndices = Set(full.providers.indices.filter { later.contains(full.providers[$0].id) })
        start.propensity = start.addingWeights(fittedIn: full, allocation: allocation) {
            laterIndices.contains($0.provider)
        }
        start.method +=
            "; planned places draw new placements, once open, with the weights the same fit gives "
            + "them when every planned place is there"
        return start
    }

    /// ``solved(_:by:assumptions:)`` for a scenario with `openings` to come: the children placed
    /// within the places open in `year`, the slots of later openings known to the stock.
    public static func solved(
        _ scenario: Scenario, by mode: CommissioningMode, openings: CapacityOpenings, from year: Int,
        assumptions: SimulationAssumptions = SimulationAssumptions()
    ) throws(OptimiserError) -> SimulationStart {
        var start = try solved(openings.scenario(scenario, in: year), by: mode, assumptions: assumptions)
        start.stock = openings.numberingSlots(of: start.stock, in: scenario, after: year)
        return start
    }
}

extension SimulationStart {
    /// The start with the places `changes` open at providers that have none free for the scenario's
    /// children at the start (every place held from outside, or none registered yet): as-is draws new
    /// placements there, once places open, with the weight the same fit gives them when those places
    /// are there, as for a plan's openings; every other weight is the start's own. Without it as-is
    /// never used such places while the optimised modes did (a review: 40 places added at a home
    /// full at the start placed 40 more children under regional, none under as-is).
    public func withPlacesToCome(
        _ changes: [Int: [FlowTables.PlaceChange]], in market: Scenario, allocation: AsIsAllocation
    ) -> SimulationStart {
        guard propensity != nil else { return self }
        let index = market.providerIndices
        // Each slot's largest running total of places added, where the start has none free.
        var running: [PlaceSlot: Int] = [:]
        var most: [PlaceSlot: Int] = [:]
        for year in changes.keys.sorted() {
            for change in changes[year] ?? [] {
                guard let provider = index[change.provider],
                    let offer = market.providers[provider].offers[change.placementType], offer.places == 0
                else { continue }
                let slot = PlaceSlot(provider: provider, placementType: change.placementType)
                running[slot, default: 0] += change.places
                most[slot] = max(most[slot] ?? 0, running[slot] ?? 0)
            }
        }
        let growing = most.filter { $0.value > 0 }
        guard !growing.isEmpty else { return self }
        var full = market
        for (slot, places) in growing { full.providers[slot.provider].offers[slot.placementType]?.places = places }
        var start = self
        start.propensity = addingWeights(fittedIn: full, allocation: allocation) { growing[$0] != nil }
        for slot in growing.keys.sorted() { start.stock.changePlaces(slot, by: 0) }
        return start
    }

    /// The start's weights, each cohort's with those the same fit in `full` (the start's market with
    /// places to come there) gives the slots `added` picks: every other weight stays the start's own,
    /// so nothing differs until those places open. The planned openings' and the flows' places share it.
    func addingWeights(
        fittedIn full: Scenario, allocation: AsIsAllocation, for added: (PlaceSlot) -> Bool
    ) -> [[Propensity]]? {
        guard var propensity else { return nil }
        let fitted = TodaysPlacements(in: full, allocation: allocation).propensity
        for cohort in propensity.indices where cohort < fitted.count && cohort < full.cohorts.count {
            let type = full.cohorts[cohort].placementType
            propensity[cohort] += fitted[cohort].filter { added(PlaceSlot(provider: $0.provider, placementType: type)) }
        }
        return propensity
    }
}
