import PlacementOptimisation
import PlacementScenarios

/// One batch of new placements solved by a commissioning mode through the optimiser: the batch's
/// children as cohorts, the providers' vacancies as their places, the scenario's policy otherwise.
struct BatchSolve {
    let scenario: Scenario
    let cohortIndex: [CohortID: Int]
    let providerIndex: [ProviderID: Int]

    init(scenario: Scenario) {
        self.scenario = scenario
        cohortIndex = Dictionary(scenario.cohorts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        providerIndex = Dictionary(
            scenario.providers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Places `demand` (children per cohort); false when a solve stopped before proving optimality.
    @discardableResult
    func place(
        _ demand: [Int], in stock: inout PlacementStock, mode: CommissioningMode, councilOrderSeed: UInt64,
        options: OptimiserOptions
    ) throws(OptimiserError) -> Bool {
        var batch = scenario
        // Sibling groups are not followed through the years: each child is placed on their own.
        batch.cohorts = demand.indices.filter { demand[$0] > 0 }.map { index in
            var cohort = scenario.cohorts[index]
            cohort.count = demand[index]
            cohort.siblingGroup = nil
            cohort.currentProvider = nil
            return cohort
        }
        guard !batch.cohorts.isEmpty else { return true }
        batch.providers = scenario.providers.enumerated().compactMap { index, provider in
            var open = provider
            open.offers = [:]
            for (type, offer) in provider.offers {
                let vacant = stock.vacancies(PlaceSlot(provider: index, placementType: type))
                if vacant > 0 { open.offers[type] = Provider.Offer(places: vacant, weeklyPrice: offer.weeklyPrice) }
            }
            return open.offers.isEmpty ? nil : open
        }
        batch.policy.keepExistingPlacements = false
        batch.policy.councilOrderSeed = councilOrderSeed
        batch.candidates = []
        var unnamed = options
        unnamed.namesModels = false  // the batch models are never exported or shown
        unnamed.valuesPlaces = false  // nor their prices read
        let solved = try PlacementOptimiser.solve(batch, mode: mode, options: unnamed)
        for decision in solved.result.decisions {
            guard let cohort = decision.cohortIDs.first.flatMap({ cohortIndex[$0] }) else { continue }
            if let provider = decision.provider.flatMap({ providerIndex[$0.id] }) {
                stock.place(cohort, with: provider, children: decision.children)
            } else {
                stock.addUnplaced(cohort, children: decision.children)
            }
        }
        if case .optimal = solved.result.status { return true }
        return false
    }
}
