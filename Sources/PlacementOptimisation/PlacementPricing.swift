import PlacementScenarios

/// Prices placements made outside the optimiser (today's placements, a simulated stock) exactly as
/// the optimiser prices a kept placement, so that their metrics compare with any mode's.
public struct PlacementPricing: Sendable {
    public let scenario: Scenario
    private let costing: PairCosting

    public init(_ scenario: Scenario) {
        self.scenario = scenario
        costing = PairCosting(scenario: scenario, mode: .councilCoordinated)
    }

    /// Miles from a cohort's home to a provider, by the scenario's distance rules.
    public func miles(from cohort: Cohort, to provider: Provider) -> Double {
        costing.distances.miles(from: cohort.homeAuthority, at: cohort.homeLocation, to: provider)
    }

    /// `children` of `cohort` placed with `provider` (`nil`: unplaced), as a decision the metrics read.
    public func decision(_ cohort: Cohort, provider: Provider?, children: Int, reason: String? = nil)
        -> PlacementDecision
    {
        let unit = cohort.siblingGroup.map(DemandUnit.ID.siblingGroup) ?? .cohort(cohort.id)
        guard let provider, let offer = provider.offers[cohort.placementType] else {
            return PlacementDecision(
                unitID: unit, cohortIDs: [cohort.id], homeAuthority: cohort.homeAuthority,
                placementType: cohort.placementType, children: children, provider: nil, miles: nil,
                within20MilesShare: nil, weeklyPrice: nil, objectiveCostPerChild: scenario.policy.unplacedPenalty,
                origin: .kept,
                unplacedReason: reason)
        }
        let miles = miles(from: cohort, to: provider)
        var terms = costing.terms(
            home: cohort.homeAuthority, miles: miles, provider: provider, type: cohort.placementType,
            price: offer.weeklyPrice)
        terms.cost += costing.belowFloorSurcharge(current: cohort.currentProvider, provider: provider)
        return PlacementDecision(
            unitID: unit, cohortIDs: [cohort.id], homeAuthority: cohort.homeAuthority,
            placementType: cohort.placementType, children: children, provider: provider, miles: miles,
            within20MilesShare: costing.distances.within20MilesShare(
                from: cohort.homeAuthority, at: cohort.homeLocation, to: provider),
            weeklyPrice: offer.weeklyPrice, objectiveCostPerChild: terms.cost, origin: .kept, unplacedReason: nil)
    }
}
