import PlacementScenarios
import TestSupport
import Testing

@testable import PlacementSimulation

/// As-is's drift to agencies acts on a foster child's own council's carers only: on `tiny`, C03
/// (Northtown, foster) may use P1 (Northtown's own carers) or P3 (an agency), equally weighted today.
@Suite struct AsIsDriftTests {
    static func placed(ownCarersFactor: Double, seed: UInt64) throws -> [Int: Int] {
        let scenario = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        let cohort = try #require(scenario.cohorts.firstIndex { $0.id == "C03" })
        let p1 = try #require(scenario.providers.firstIndex { $0.id == "P1" })
        let p3 = try #require(scenario.providers.firstIndex { $0.id == "P3" })
        var stock = PlacementStock(
            cohortTypes: scenario.cohorts.map(\.placementType),
            capacity: [
                PlaceSlot(provider: p1, placementType: .foster): 2, PlaceSlot(provider: p3, placementType: .foster): 5,
            ])
        var propensity = Array(repeating: [Propensity](), count: scenario.cohorts.count)
        propensity[cohort] = [Propensity(provider: p1, weight: 1), Propensity(provider: p3, weight: 1)]
        let placing = AsIsPlacing(propensity: propensity, stock: stock, scenario: scenario)
        var demand = Array(repeating: 0, count: scenario.cohorts.count)
        demand[cohort] = 2
        var random = SeededRandom(seed: seed)
        placing.place(demand, in: &stock, ownCarersFactor: ownCarersFactor, random: &random)
        return [p1: stock.placed[cohort][p1] ?? 0, p3: stock.placed[cohort][p3] ?? 0]
    }

    @Test("With no weight left on its own carers, both children go to the agency; with all of it, both to P1")
    func driftMovesOnlyOwnCarers() throws {
        // Ignoring the factor, equal weights would split the two children in half the draws.
        for seed in UInt64(1)...10 {
            #expect(try Self.placed(ownCarersFactor: 0, seed: seed) == [0: 0, 2: 2])  // P1 index 0, P3 index 2
            #expect(try Self.placed(ownCarersFactor: 1e12, seed: seed) == [0: 2, 2: 0])
        }
    }
}
