import Foundation
import PlacementCalibration
import PlacementPlanning
import PlacementScenarios
import TestSupport
import Testing

@testable import PlacementSimulation

/// Children's-home places following the published trend, worked by hand on `tiny`: Oak House (P5,
/// private, Southvale) and Northtown's own home (P4) are its only homes.
@Suite struct SupplyTrendTests {
    static func places(_ rows: [(Int, AuthorityCode, ResidentialSector, Double)]) -> [Int: [AuthorityCode:
        ResidentialPlaces]]
    {
        var places: [Int: [AuthorityCode: ResidentialPlaces]] = [:]
        for (year, authority, sector, count) in rows {
            places[year, default: [:]][authority, default: ResidentialPlaces()].registered[sector] = count
        }
        return places
    }

    @Test func trendsBecomeWholePlacesOnTheAuthoritysHomes() throws {
        let scenario = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        // Southvale's private places grow 2 a year, Northtown's council places fall 1 a year and
        // Eastbury's private places grow 3 a year (it has no home); 2026 is after the start and unused.
        var rows: [(Int, AuthorityCode, ResidentialSector, Double)] = []
        for (k, year) in (2021...2025).enumerated() {
            rows.append((year, "T00000002", .privateSector, Double(2 + 2 * k)))
            rows.append((year, "T00000001", .council, Double(5 - k)))
            rows.append((year, "T00000003", .privateSector, Double(3 * k)))
        }
        rows.append((2026, "T00000002", .privateSector, 500))
        let trend = SupplyTrend(
            scenario, places: Self.places(rows), through: 2025, years: 2026...2027, occupancy: 0.5)
        #expect(trend.fittedYears == [2021, 2022, 2023, 2024, 2025])
        // Usable a year: Southvale +2 × 0.5 = +1; Northtown −1 × 0.5 = −0.5, whole on the running total:
        // round(−0.5) = −1 in 2026, round(−1.0) − round(−0.5) = 0 in 2027.
        let summary = { (year: Int) in
            (trend.placeChanges[year] ?? []).map { "\($0.provider.rawValue) \($0.places)" }.sorted()
        }
        #expect(summary(2026) == ["P4 -1", "P5 1"])
        #expect(summary(2027) == ["P5 1"])
        #expect(trend.placesPerYear == 0.5)
        #expect(trend.unplacedGrowthPerYear == 1.5)  // Eastbury's 3 × 0.5, with no home to grow
        #expect(trend.placeChanges.values.joined().allSatisfy { $0.placementType == .childrensHome })
    }

    @Test("a council created since 2021 is fitted on its own years, not on zeros before it")
    func aNewCouncilsTrendStartsWithIt() throws {
        let scenario = try ScenarioLoader.load(from: Fixtures.scenario("tiny"))
            .scenario
        // Southvale is published only from 2024: 10 then 12 private places, +2 a year. Read as no
        // places in 2021–2023, its line would have been 0, 0, 0, 10, 12: a slope of +3.2.
        let rows: [(Int, AuthorityCode, ResidentialSector, Double)] = [
            (2021, "T00000001", .council, 5), (2022, "T00000001", .council, 5), (2023, "T00000001", .council, 5),
            (2024, "T00000001", .council, 5), (2025, "T00000001", .council, 5),
            (2024, "T00000002", .privateSector, 10), (2025, "T00000002", .privateSector, 12),
        ]
        let trend = SupplyTrend(scenario, places: Self.places(rows), through: 2025, years: 2026...2026, occupancy: 1)
        #expect(trend.placesPerYear == 2)
        #expect((trend.placeChanges[2026] ?? []).map { "\($0.provider.rawValue) \($0.places)" } == ["P5 2"])
    }

    @Test func aPlansHomesAreBeyondTheRegistersTrend() throws {
        let folder = Fixtures.scenario("tiny-plan")
        let loaded = try ScenarioLoader.load(from: folder).scenario
        let adopted = try AdoptedPlan.read(from: URL(fileURLWithPath: folder + "/plan-h2-2027.csv"))
        // H2, a council home in Northtown with both its places, beside Northtown's own home P4.
        let scenario = SimulationPlan(adopted, scenario: loaded, from: 2025).scenario
        #expect(scenario.providers.contains { $0.isPlannedBuild && $0.offers[.childrensHome]?.places == 2 })
        let rows = (2021...2025).enumerated().map { k, year in
            (year, AuthorityCode("T00000001"), ResidentialSector.council, Double(9 - 2 * k))
        }
        let trend = SupplyTrend(scenario, places: Self.places(rows), through: 2025, years: 2026...2026, occupancy: 1)
        // Northtown's register falls 2 a year: both places from P4, none from the plan's H2 (it had
        // taken a share, and grown with a rising trend).
        #expect((trend.placeChanges[2026] ?? []).map { "\($0.provider.rawValue) \($0.places)" } == ["P4 -2"])
    }

    @Test func slopeIsLeastSquares() {
        #expect(StraightLine([(2021, 1), (2022, 3), (2023, 2)])?.slope == 0.5)
        #expect(StraightLine([(2021, 1)]) == nil)
    }
}
