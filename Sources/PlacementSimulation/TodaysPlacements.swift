import PlacementCalibration
import PlacementOptimisation
import PlacementScenarios

/// Today's placements of a scenario's children (the `as-is` column beside the modes): the
/// calibrated as-is pattern carried onto the places free for them today (``TodaysMarket``), priced
/// and measured exactly as a mode's decisions are.
public struct TodaysPlacements: Sendable {
    /// The calibrated year.
    public let year: Int
    /// One decision per cohort and provider, and one per cohort for children without a place.
    public let decisions: [PlacementDecision]
    /// M1, M2, distance, cost and unmet need, counted as a mode's are.
    public let metrics: ModeMetrics
    /// Children the free places could not hold (shown as unplaced).
    public let childrenWithoutPlace: Int

    /// Today's placements in `market` (a scenario made by ``TodaysMarket/applied(to:)``), from the
    /// calibrated `allocation`.
    public init(
        in market: Scenario, allocation: AsIsAllocation,
        assumptions: CalibrationAssumptions = CalibrationAssumptions()
    ) {
        var capacity: [PlaceSlot: Int] = [:]
        for (index, provider) in market.providers.enumerated() {
            for (type, offer) in provider.offers where offer.places > 0 {
                capacity[PlaceSlot(provider: index, placementType: type)] = offer.places
            }
        }
        let fitted = AsIsStart.fit(market, allocation: allocation, capacity: capacity, assumptions: assumptions)
        let pricing = PlacementPricing(market)
        var decisions: [PlacementDecision] = []
        for (index, cohort) in market.cohorts.enumerated() where cohort.placementType.isCommissioned {
            for (provider, children) in fitted.stock.placed[index].sorted(by: { $0.key < $1.key }) where children > 0 {
                decisions.append(pricing.decision(cohort, provider: market.providers[provider], children: children))
            }
            let waiting = fitted.stock.unplaced[index]
            if waiting > 0 {
                decisions.append(
                    pricing.decision(
                        cohort, provider: nil, children: waiting, reason: "no place free for the children today"))
            }
        }
        year = allocation.year
        self.decisions = decisions
        metrics = ModeMetrics(decisions: decisions, scenario: market)
        childrenWithoutPlace = fitted.childrenWithoutPlace
    }
}
