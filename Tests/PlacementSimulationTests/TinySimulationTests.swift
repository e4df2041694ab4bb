import PlacementOptimisation
import PlacementScenarios
import TestSupport
import Testing

@testable import PlacementSimulation

/// The two-year case worked by hand in `Fixtures/scenarios/tiny/README.md`.
@Suite struct TinySimulationTests {
    static func simulation() throws -> Simulation {
        let scenario = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        let read = try FlowTables.read(folder: Fixtures.scenario("tiny"), scenario: scenario)
        let tables = try #require(read)
        let start = try SimulationStart.solved(scenario, by: .council)
        return Simulation(scenario: scenario, flows: SimulationFlows(tables), start: start, from: 2025, to: 2027)
    }

    @Test func regionalTwoYearsMatchTheHandWorkedCase() throws {
        let simulation = try Self.simulation()
        let trajectory = try simulation.run(.optimised(.regional), seed: 1)
        #expect(trajectory.years.map(\.year) == [2025, 2026, 2027])
        #expect(approximately(trajectory.years[1].objective, 123_020))
        let last = trajectory.years[2]
        #expect(approximately(last.objective, 127_440))
        #expect(last.metrics.total.placed == 12)
        #expect(last.metrics.total.unplaced == 1)
        #expect(approximately(last.metrics.total.m2InAreaShare ?? -1, 8.0 / 12))
        #expect(approximately(last.metrics.total.m1OwnAuthorityRunShare ?? -1, 6.0 / 11))
        #expect(approximately(last.metrics.total.m1LocalAuthorityRunShare ?? -1, 7.0 / 11))
        let homes = FlowKey(authority: "T00000001", placementType: .childrensHome)
        #expect(
            last.ledger[homes]
                == {
                    var ledger = FlowLedger()
                    ledger.start = 2
                    ledger.arrivals = 1
                    ledger.end = 3
                    return ledger
                }())
    }

    @Test func councilModeUsesTheDearerPrivateCarerIn2026() throws {
        let trajectory = try Self.simulation().run(.optimised(.council), seed: 1)
        #expect(approximately(trajectory.years[1].objective, 123_570))
    }

    @Test func everyYearBalancesAndNoPlaceIsOverfilled() throws {
        let simulation = try Self.simulation()
        for mode in CommissioningMode.allCases {
            let trajectory = try simulation.run(.optimised(mode), seed: 7)
            for year in trajectory.years.dropFirst() {
                let balanced = year.ledger.values.allSatisfy { $0.balances }
                #expect(balanced, "\(mode) \(year.year)")
            }
        }
    }
}
