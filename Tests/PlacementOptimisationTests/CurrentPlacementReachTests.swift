import PlacementOptimisation
import PlacementReports
import PlacementScenarios
import TestSupport
import Testing

/// A child's current placement (`current_provider`) stays open to them in every mode, whatever the
/// distance limit or the mode's access rules, which govern where new placements are sought, and below
/// the Ofsted floor at a surcharge: a child is never left unplaced for living where they already live.
@Suite("Current placements stay within reach")
struct CurrentPlacementReachTests {
    /// `tiny` with foster care limited to 20 miles. In council mode Northtown's foster children then
    /// have only its own carers, P1 (2 places, 2 miles): Southvale's P2 is another council's, closed in
    /// council mode, and Brightside's P3 lies 25 miles away in Eastbury. The sibling group S1 needs both
    /// of P1's places together, so C03 has nowhere to go.
    static func tiny(c03LivesWith current: ProviderID?) throws -> Scenario {
        var scenario = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        scenario.policy.maximumDistanceMiles[.foster] = 20
        let c03 = try #require(scenario.cohorts.firstIndex { $0.id == "C03" })
        scenario.cohorts[c03].currentProvider = current
        return scenario
    }

    static func c03(_ scenario: Scenario) throws -> PlacementDecision {
        let result = try PlacementOptimiser.solve(scenario, mode: .council).result
        return try #require(result.decisions.first { $0.cohortIDs == ["C03"] })
    }

    @Test("without a current provider, C03 is unplaced: the limit and council mode shut every free place")
    func withoutCurrentProvider() throws {
        let decision = try Self.c03(Self.tiny(c03LivesWith: nil))
        #expect(!decision.isPlaced)
        #expect(decision.unplacedReason == "every admissible place is taken")
    }

    @Test("living with Brightside 25 miles away, beyond the 20-mile limit, C03 stays there")
    func beyondTheDistanceLimit() throws {
        let decision = try Self.c03(Self.tiny(c03LivesWith: "P3"))
        #expect(decision.provider?.id == "P3")
        #expect(approximately(decision.miles ?? 0, 25))
        // £900 a week + 25 miles × £10 + £250 out of area.
        #expect(approximately(decision.objectiveCostPerChild, 1_400))
    }

    @Test("living with Southvale's own carers, closed to Northtown in council mode, C03 stays there at the premium")
    func closedToTheMode() throws {
        var scenario = try Self.tiny(c03LivesWith: "P2")
        scenario.policy.otherCouncilInHousePremium = 75
        let decision = try Self.c03(scenario)
        #expect(decision.provider?.id == "P2")
        // £550 + 15 miles × £10 + £250 out of area − £100 council-run preference + £75 premium.
        #expect(approximately(decision.objectiveCostPerChild, 925))
    }

    @Test("living with Brightside once it is judged inadequate, with nowhere else in reach, C03 stays at a surcharge")
    func belowTheOfstedFloor() throws {
        var scenario = try Self.tiny(c03LivesWith: "P3")
        let p3 = try #require(scenario.providers.firstIndex { $0.id == "P3" })
        scenario.providers[p3].rating = .inadequate
        let decision = try Self.c03(scenario)
        #expect(decision.provider?.id == "P3")
        // £1,400 as beyond the limit, plus a quarter of the £100,000 unplaced penalty: still better than none.
        #expect(approximately(decision.objectiveCostPerChild, 26_400))
    }

    /// Under regional commissioning Southvale's carers (P2) open to Northtown's C03, so only council mode keeps C03 at P3.
    @Test("compare says which children stay below the floor, and what each adds to the objective")
    func belowTheFloorIsSaid() throws {
        var scenario = try Self.tiny(c03LivesWith: "P3")
        let p3 = try #require(scenario.providers.firstIndex { $0.id == "P3" })
        scenario.providers[p3].rating = .inadequate
        let solved = try [CommissioningMode.council, .regional].map { try PlacementOptimiser.solve(scenario, mode: $0) }
        let markdown = ResultMarkdown.comparison(solved, scenario: scenario)
        #expect(
            markdown.contains(
                "Children who stay with the provider their records name, rated below the Ofsted floor (requires "
                    + "improvement), as no place meeting the floor is in reach: 1 under council. "
                    + "Each adds £25,000 a week"), "\(markdown)")
        // As-is prices the same stay alike: today's placement of C03 at P3 costs what council mode's does.
        let pricing = PlacementPricing(scenario)
        let c03 = try #require(scenario.cohorts.first { $0.id == "C03" })
        let today = pricing.decision(c03, provider: scenario.providers[p3], children: 1)
        #expect(approximately(today.objectiveCostPerChild, 26_400))
    }

    /// One more Northtown foster place would take C03 off Brightside: its shadow price carries the
    /// £25,000 surcharge, which is no unplaced child's £100,000 and which the net column takes off.
    @Test("a place that moves a child off a below-floor provider is said as that, not as placing an unplaced child")
    func placeValueOfAMoveOffBelowTheFloor() throws {
        var scenario = try Self.tiny(c03LivesWith: "P3")
        let p3 = try #require(scenario.providers.firstIndex { $0.id == "P3" })
        scenario.providers[p3].rating = .inadequate
        // C01 and C02 as two children of their own, so that foster care's model has duals; they
        // still fill P1's two places.
        for index in scenario.cohorts.indices where scenario.cohorts[index].siblingGroup != nil {
            scenario.cohorts[index].siblingGroup = nil
        }
        let solved = try PlacementOptimiser.solve(scenario, mode: .council)
        let value = try #require(
            solved.inHousePlaceValues(for: ["T00000001"]).first { $0.placementType == .foster })
        #expect(!value.placesUnplacedChild)
        #expect(value.movesChildOffBelowFloor)
        // C03 at P3: £1,400 + £25,000; in a new Northtown place at P1's £600, 2 miles, council-run: £520.
        #expect(approximately(try #require(value.weeklySaving), 26_400 - 520))
        #expect(approximately(try #require(value.netWeeklySaving), 1_400 - 520))
    }

    @Test("below the Ofsted floor with a place meeting it in reach, C03 moves there")
    func movesFromBelowTheFloor() throws {
        var scenario = try Self.tiny(c03LivesWith: "P3")
        let p3 = try #require(scenario.providers.firstIndex { $0.id == "P3" })
        scenario.providers[p3].rating = .inadequate
        // Without S1, Northtown's own carers P1 have room: £600 + 2 miles × £10 − £100 council-run.
        scenario.cohorts.removeAll { ["C01", "C02"].contains($0.id) }
        let decision = try Self.c03(scenario)
        #expect(decision.provider?.id == "P1")
        #expect(approximately(decision.objectiveCostPerChild, 520))
    }

    @Test("the reach is the child's alone: another Northtown child may not follow C03 beyond the limit")
    func onlyTheChildLivingThere() throws {
        var scenario = try Self.tiny(c03LivesWith: "P3")
        // Another Northtown foster child like C03, with no current provider: P3's free places are
        // beyond its reach.
        var newcomer = try #require(scenario.cohorts.first { $0.id == "C03" })
        newcomer.id = "C11"
        newcomer.currentProvider = nil
        scenario.cohorts.append(newcomer)
        let result = try PlacementOptimiser.solve(scenario, mode: .council).result
        let c11 = try #require(result.decisions.first { $0.cohortIDs == ["C11"] })
        #expect(!c11.isPlaced)
        #expect(try Self.c03(scenario).provider?.id == "P3")
    }

    @Test("a sibling group keeps the reach of the provider its members with one share")
    func siblingGroupWithANewcomer() throws {
        // S1 (C01 and C02) with foster care limited to 20 miles: C01 lives with Brightside (P3, 25
        // miles), C02 has just come into care. Kept within reach, S1 stays together at P3 (2 × £1,400)
        // and C03 takes P1 (£520): £3,320. Without the reach S1 would take both of P1's places and C03
        // be unplaced (£100,000).
        var scenario = try Self.tiny(c03LivesWith: nil)
        let c01 = try #require(scenario.cohorts.firstIndex { $0.id == "C01" })
        scenario.cohorts[c01].currentProvider = "P3"
        let result = try PlacementOptimiser.solve(scenario, mode: .council).result
        let s1 = result.decisions.filter { $0.cohortIDs.contains("C01") }
        #expect(s1.allSatisfy { $0.provider?.id == "P3" } && s1.reduce(0) { $0 + $1.children } == 2)
        #expect(try Self.c03(scenario).provider?.id == "P1")
        // Members living with two different providers: neither is kept within reach.
        let c02 = try #require(scenario.cohorts.firstIndex { $0.id == "C02" })
        scenario.cohorts[c02].currentProvider = "P2"
        #expect(try !Self.c03(scenario).isPlaced)
    }

    @Test(
        "the reach is to the child's own provider, not to an identical one pooled with it",
        arguments: [CommissioningMode.council, .national])
    func notTheProviderBesideIt(mode: CommissioningMode) throws {
        // Children's homes limited to 10 miles. Northtown's C06 (two children) live with Oak House (P5,
        // Southvale, 15 miles). P8 is Oak House's twin, listed first: the same owner, place, price and
        // ages, so the two would be one pool of four places, filled in scenario order, and C06 would
        // "stay" at P8, a home they never lived in. They stay at P5 or move within reach (P4, 2 miles).
        var scenario = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        scenario.policy.maximumDistanceMiles[.childrensHome] = 10
        let c06 = try #require(scenario.cohorts.firstIndex { $0.id == "C06" })
        scenario.cohorts[c06].currentProvider = "P5"
        var twin = try #require(scenario.providers.first { $0.id == "P5" })
        twin.id = "P8"
        scenario.providers.insert(twin, at: 0)
        let result = try PlacementOptimiser.solve(scenario, mode: mode).result
        let decisions = result.decisions.filter { $0.cohortIDs == ["C06"] }
        #expect(decisions.filter(\.isPlaced).reduce(0) { $0 + $1.children } == 2)
        #expect(decisions.allSatisfy { ["P4", "P5"].contains($0.provider?.id) })
    }
}
