import PlacementOptimisation
import PlacementScenarios
import TestSupport
import Testing

/// The batch optimiser solves each batch by partial pricing, from each unit's cheapest pairs, and
/// lets pairs tied with the optimum join before refining; a one-off solve builds each batch's whole
/// model. Both refine to the preferred optimum, whose three objectives (cost, children with their
/// own council's places, miles) have unique optimal values, so the two must agree on them batch
/// after batch, in every mode. (Without the pricing rounds, or without the tied pairs, the South
/// East's regional batches cost more or place fewer children with their own council.)
@Suite("Batches solved by partial pricing agree with one-off solves")
struct BatchOptimiserTests {
    @Test(
        "cost, own-council children and miles equal a one-off solve's, batch after batch",
        arguments: ["greater-manchester", "south-east"], CommissioningMode.allCases)
    func agreesWithOneOffSolves(name: String, mode: CommissioningMode) throws {
        let scenario = try ScenarioLoader.load(from: Fixtures.scenario(name)).scenario
        let pricing = PlacementPricing(scenario)
        var vacancies: [[PlacementType: Int]] = scenario.providers.map { $0.offers.mapValues(\.places) }
        let optimiser = BatchOptimiser(scenario: scenario, mode: mode, options: OptimiserOptions())
        // Three batches of a third of each cohort, the third larger than what is left: places run
        // short and children go unplaced, so every kind of bound changes between batches. A third
        // of the cohorts, a different third each batch, has no children in it.
        for batch in 0..<3 {
            let demand = scenario.cohorts.enumerated().map { index, cohort in
                cohort.placementType.isCommissioned && (index + batch) % 3 != 0
                    ? (cohort.count + 2) / 3 + (batch == 2 ? 1 : 0) : 0
            }
            let seed = UInt64(41 + batch)
            let found = vacancies
            let plan = try optimiser.place(demand, councilOrderSeed: seed) { vacancies[$0][$1] ?? 0 }
            var decisions = plan.unplaced.map {
                pricing.decision(scenario.cohorts[$0.cohort], provider: nil, children: $0.children)
            }
            for placed in plan.placed {
                let type = scenario.cohorts[placed.cohort].placementType
                #expect(placed.children <= vacancies[placed.provider][type] ?? 0, "no place is used twice")
                vacancies[placed.provider][type, default: 0] -= placed.children
                decisions.append(
                    pricing.decision(
                        scenario.cohorts[placed.cohort], provider: scenario.providers[placed.provider],
                        children: placed.children))
            }
            let placedPerCohort = decisions.reduce(into: [CohortID: Int]()) {
                $0[$1.cohortIDs[0], default: 0] += $1.children
            }
            for (index, cohort) in scenario.cohorts.enumerated() where demand[index] > 0 {
                #expect(
                    placedPerCohort[cohort.id] == demand[index], "every child of \(cohort.id) placed once or waiting")
            }

            let oneOff = try PlacementOptimiser.solve(
                batchScenario(scenario, demand: demand, vacancies: found, seed: seed), mode: mode)
            #expect(oneOff.result.status == .optimal)
            // Both priced alike (the one-off's own prices differ where a mode waives a premium).
            let expected = Self.objectives(
                oneOff.result.decisions.map { decision in
                    pricing.decision(
                        scenario.cohorts.first { $0.id == decision.cohortIDs[0] }!, provider: decision.provider,
                        children: decision.children)
                })
            let actual = Self.objectives(decisions)
            #expect(abs(actual.cost - expected.cost) <= 1e-6 * max(1, expected.cost), "batch \(batch) cost")
            #expect(actual.ownCouncil == expected.ownCouncil, "batch \(batch) children with their own council")
            #expect(abs(actual.miles - expected.miles) <= 1e-6 * max(1, expected.miles), "batch \(batch) miles")
        }
    }

    private func batchScenario(_ scenario: Scenario, demand: [Int], vacancies: [[PlacementType: Int]], seed: UInt64)
        -> Scenario
    {
        var batch = scenario
        batch.cohorts = scenario.cohorts.indices.filter { demand[$0] > 0 }.map { index in
            var cohort = scenario.cohorts[index]
            cohort.count = demand[index]
            cohort.siblingGroup = nil
            cohort.currentProvider = nil
            return cohort
        }
        batch.providers = scenario.providers.enumerated().compactMap { index, provider in
            var open = provider
            open.offers = [:]
            for (type, offer) in provider.offers where (vacancies[index][type] ?? 0) > 0 {
                open.offers[type] = Provider.Offer(places: vacancies[index][type]!, weeklyPrice: offer.weeklyPrice)
            }
            return open.offers.isEmpty ? nil : open
        }
        batch.policy.keepExistingPlacements = false
        batch.policy.councilOrderSeed = seed
        batch.candidates = []
        return batch
    }

    private static func objectives(_ decisions: [PlacementDecision]) -> (cost: Double, ownCouncil: Int, miles: Double) {
        var cost = 0.0
        var ownCouncil = 0
        var miles = 0.0
        for decision in decisions {
            cost += decision.objectiveCostPerChild * Double(decision.children)
            if decision.isOwnAuthorityRun { ownCouncil += decision.children }
            miles += (decision.miles ?? 0) * Double(decision.children)
        }
        return (cost, ownCouncil, miles)
    }
}
