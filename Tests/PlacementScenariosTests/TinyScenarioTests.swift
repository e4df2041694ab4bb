import PlacementScenarios
import TestSupport
import Testing

@Suite("The tiny scenario")
struct TinyScenarioTests {
    @Test("loads with its authorities, co-operative, children, sibling group and providers")
    func loads() throws {
        let loaded = try ScenarioLoader.load(from: Fixtures.scenario("tiny"))
        let scenario = loaded.scenario
        #expect(loaded.warnings.isEmpty)
        #expect(scenario.authorities.map(\.name) == ["Northtown", "Southvale", "Eastbury"])
        #expect(scenario.cooperatives.count == 1)
        #expect(scenario.cooperatives[0].members == ["T00000001", "T00000002"])
        #expect(scenario.cooperative(of: "T00000003") == nil)
        #expect(scenario.childCount == 13)
        #expect(scenario.cohorts.filter { $0.siblingGroup == "S1" }.map(\.id) == ["C01", "C02"])
        #expect(scenario.providers.count == 6)
        let home = try #require(scenario.providers.first { $0.id == "P4" })
        #expect(home.isLocalAuthorityRun && home.operatingAuthority == "T00000001")
        #expect(home.offers[.childrensHome] == Provider.Offer(places: 1, weeklyPrice: 4500))
        #expect(home.ageRange == AgeBand(minimum: 8, maximum: 17))
        #expect(scenario.providers.first { $0.id == "P5" }?.specialisms == [.complexNeeds])
        #expect(scenario.distanceOverrides[AuthorityPair(from: "T00000002", to: "T00000003")] == 22)
        #expect(scenario.policy.costPerMile == 10)
        #expect(scenario.policy.maximumDistance(for: .foster) == 50)
        #expect(scenario.policy.marketMargin(for: .childrensHome) == 0.226)
        #expect(scenario.policy.marketMargin(for: .supportedAccommodation) == 0.15)
    }
}
