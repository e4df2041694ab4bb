import PlacementOptimisation
import PlacementScenarios
import TestSupport
import Testing

@testable import PlacementSimulation

/// Today's placements after shocks, worked by hand. Two authorities 42 miles apart, X and Y; foster
/// places with A (3) and B (3) in X and C (5) in Y. Today X's 4 children are with A (3) and B (1),
/// Y's 2 with C; councils place X's children with A, B and C by weights 3, 1 and 0.5, and Y's with C
/// and A by 2 and 0.1.
@Suite("Today's placements after shocks, by hand")
struct TodaysPlacementsAfterShocksTests {
    static let x = AuthorityCode("T00000001")
    static let y = AuthorityCode("T00000002")

    static func provider(_ id: String, in authority: AuthorityCode, places: Int) -> Provider {
        Provider(
            id: ProviderID(id), name: id, sector: .private, authority: authority,
            offers: [.foster: Provider.Offer(places: places, weeklyPrice: 1_000)])
    }

    static func market(places: [String: Int] = ["A": 3, "B": 3, "C": 5], xChildren: Int = 4) -> Scenario {
        Scenario(
            name: "shocks",
            authorities: [
                Authority(
                    id: x, name: "X", region: "R", centroid: Coordinate(latitude: 53, longitude: -2),
                    areaSquareKilometres: 100),
                Authority(
                    id: y, name: "Y", region: "R", centroid: Coordinate(latitude: 53, longitude: -1.37),
                    areaSquareKilometres: 100),
            ],
            cohorts: [
                Cohort(id: CohortID("X-foster"), homeAuthority: x, placementType: .foster, count: xChildren),
                Cohort(id: CohortID("Y-foster"), homeAuthority: y, placementType: .foster, count: 2),
            ],
            providers: ["A", "B", "C"].compactMap { id in
                places[id].map { provider(id, in: id == "C" ? y : x, places: $0) }
            })
    }

    /// Today's placements in ``market(places:xChildren:)`` as it is.
    static var today: TodaysPlacements {
        let market = market()
        let placed = [[(provider: 0, children: 3), (provider: 1, children: 1)], [(provider: 2, children: 2)]]
        let pricing = PlacementPricing(market)
        let decisions = placed.enumerated().flatMap { cohort, placements in
            placements.map {
                pricing.decision(
                    market.cohorts[cohort], provider: market.providers[$0.provider], children: $0.children)
            }
        }
        return TodaysPlacements(
            year: 2025, decisions: decisions, metrics: ModeMetrics(decisions: decisions, scenario: market),
            childrenWithoutPlace: 0, childrenAsRecorded: 0, placed: placed, waiting: [0, 0],
            propensity: [
                [
                    Propensity(provider: 0, weight: 3), Propensity(provider: 1, weight: 1),
                    Propensity(provider: 2, weight: 0.5),
                ],
                [Propensity(provider: 2, weight: 2), Propensity(provider: 0, weight: 0.1)],
            ],
            shockDisplacement: nil)
    }

    /// Children per provider id, per cohort.
    static func placed(_ placements: TodaysPlacements, in scenario: Scenario) -> [[String: Int]] {
        placements.placed.map { cohort in
            Dictionary(cohort.map { (scenario.providers[$0.provider].id.rawValue, $0.children) }, uniquingKeysWith: +)
        }
    }

    @Test("nothing changed: every child stays where it is")
    func nothingChanged() {
        let market = Self.market()
        let after = TodaysPlacements(Self.today, in: market, after: market)
        #expect(Self.placed(after, in: market) == [["A": 3, "B": 1], ["C": 2]])
        #expect(after.shockDisplacement?.displaced == 0)
        #expect(after.shockDisplacement?.placedAgain == 0)
        #expect(after.metrics.total == Self.today.metrics.total)
    }

    /// A leaves: its 3 children are displaced, everyone else stays (B 1, C 2). B has 2 places left and
    /// C 3; X's weights there, 1 and 0.5, scaled to the 3 children: B 2 and C 1, within both. The 3
    /// lost placements were all in X (M2 100%); of the 3 made again, 2 are (M2 2/3).
    @Test("an owner leaving displaces only its children, placed again by today's weights")
    func ownerLeaves() {
        let shocked = Self.market(places: ["B": 3, "C": 5])
        let after = TodaysPlacements(Self.today, in: Self.market(), after: shocked)
        #expect(Self.placed(after, in: shocked) == [["B": 3, "C": 1], ["C": 2]])
        let effect = after.shockDisplacement
        #expect(effect?.displaced == 3)
        #expect(effect?.placedAgain == 3)
        #expect(effect?.withoutPlace == 0)
        #expect(ModeMetrics(decisions: effect?.lost ?? [], scenario: shocked).total.m2InAreaShare == 1)
        #expect(
            approximately(
                ModeMetrics(decisions: effect?.made ?? [], scenario: shocked).total.m2InAreaShare ?? 0, 2.0 / 3.0))
        #expect(after.childrenWithoutPlace == 0)
    }

    /// A keeps 1 place of its 3: 2 of its children leave it, and X gains a child: 3 to place, as above
    /// (B 2, C 1), with A's remaining child where it is.
    @Test("places cut below today's children displace the excess; added children are placed with them")
    func placesCutAndChildrenAdded() {
        let shocked = Self.market(places: ["A": 1, "B": 3, "C": 5], xChildren: 5)
        let after = TodaysPlacements(Self.today, in: Self.market(), after: shocked)
        #expect(Self.placed(after, in: shocked) == [["A": 1, "B": 3, "C": 1], ["C": 2]])
        #expect(after.shockDisplacement?.displaced == 2)
        #expect(after.shockDisplacement?.added == 1)
        #expect(after.shockDisplacement?.placedAgain == 3)
        // By authority: X's child added and its two displaced; Y's none.
        #expect(after.shockDisplacement?.of([Self.x], withoutPlace: 0).added == 1)
        #expect(after.shockDisplacement?.of([Self.x], withoutPlace: 0).displaced == 2)
        #expect(after.shockDisplacement?.of([Self.y], withoutPlace: 0).added == 0)
        #expect(after.shockDisplacement?.of([Self.y], withoutPlace: 0).placedAgain == 0)
    }

    /// A and B leave and C keeps 2 places: X's 4 children are displaced and C is full with Y's 2, so
    /// none of them finds a place.
    @Test("children finding no place left are counted without one, never lost")
    func noPlaceLeft() {
        let shocked = Self.market(places: ["C": 2])
        let after = TodaysPlacements(Self.today, in: Self.market(), after: shocked)
        #expect(Self.placed(after, in: shocked) == [[:], ["C": 2]])
        #expect(after.childrenWithoutPlace == 4)
        #expect(after.shockDisplacement?.withoutPlace == 4)
        #expect(after.metrics.total.unplaced == 4)
        #expect(after.metrics.total.children == 6)
    }

    /// C keeps 1 place of the 2 Y's children hold, and B 1: one of Y's children is displaced. Y's
    /// weights are on C and A, and A holds 3 children in its 3 places, so the child waits.
    @Test("a provider's remaining places are kept by today's children there; the rest wait when nothing is free")
    func sharedSlotCut() {
        let shocked = Self.market(places: ["A": 3, "B": 1, "C": 1])
        let after = TodaysPlacements(Self.today, in: Self.market(), after: shocked)
        #expect(Self.placed(after, in: shocked) == [["A": 3, "B": 1], ["C": 1]])
        #expect(after.shockDisplacement?.displaced == 1)
        #expect(after.childrenWithoutPlace == 1)
    }

    /// X loses 2 of its 4 children: no child waits, so placements lose them in proportion (A 3, B 1:
    /// systematic rounding takes 2 from A or 1 from each); nobody is placed again.
    @Test("fewer children leave placements, and nobody moves")
    func fewerChildren() {
        let shocked = Self.market(xChildren: 2)
        let after = TodaysPlacements(Self.today, in: Self.market(), after: shocked)
        let x = Self.placed(after, in: shocked)[0]
        #expect(x.values.reduce(0, +) == 2)
        #expect((x["A"] ?? 0) <= 3 && (x["B"] ?? 0) <= 1 && x["C"] == nil)
        #expect(after.shockDisplacement?.removed == 2)
        #expect(after.shockDisplacement?.placedAgain == 0)
    }
}
