import Foundation
import PlacementCalibration
import PlacementCommands
import PlacementOptimisation
import PlacementReports
import PlacementScenarios
import PlacementShocks
import TestSupport
import Testing

@testable import PlacementSimulation

/// A two-authority region (A, B) with one authority outside it, worked by hand.
///
/// A has 4 children needing a children's home; B has none. Home HA (private, in A) has 5 registered
/// places at £4,000 a week, HB (private, in B) 1 place at £4,000. Miles: 2 inside an authority, 10
/// between A and B. The policy's defaults: £10 a mile, £250 out of area, no distance limit.
///
/// Every place empty (the old view): all 4 in HA at 4,000 + 2 × 10 = £4,020 each, objective
/// £16,080, M2 100%.
///
/// Today (occupancy 0.80; 2 children from the outside authority in A's private homes; 1 of A's
/// children in a home more than 20 miles beyond the boundary): HA usable 5 × 0.8 = 4, less 2 held:
/// 2 free; HB 1 × 0.8 = 0.8, rounded: 1 free; beyond the boundary, 1 place at 40 miles at the
/// scenario's market price (places-weighted mean of private homes: £4,000). The optimum: 2 in HA
/// (£4,020 each), 1 in HB (4,000 + 100 + 250 = £4,350), 1 beyond (4,000 + 400 + 250 = £4,650):
/// £17,040, M2 2/4 = 50%, within 20 miles 3/4, mean miles (2 + 2 + 10 + 40)/4 = 13.5. Without the
/// place beyond the boundary the fourth child would be unplaced.
@Suite struct TodaysMarketHandWorkedTests {
    static let a = TwoAuthorities.a
    static let b = TwoAuthorities.b

    static var scenario: Scenario {
        let authorities = TwoAuthorities.authorities(degreesNorth: 0.1)
        let distances = TwoAuthorities.distances(inside: 2, between: 10)
        return Scenario(
            name: "held-market", authorities: authorities,
            cohorts: [Cohort(id: "A-homes", homeAuthority: a, placementType: .childrensHome, count: 4)],
            providers: [
                Provider(
                    id: "HA", name: "HA", sector: .private, authority: a,
                    offers: [.childrensHome: .init(places: 5, weeklyPrice: 4_000)]),
                Provider(
                    id: "HB", name: "HB", sector: .private, authority: b,
                    offers: [.childrensHome: .init(places: 1, weeklyPrice: 4_000)]),
            ],
            distanceOverrides: distances)
    }

    static var market: TodaysMarket {
        var assumptions = MarketAssumptions()
        assumptions.calibration.occupancy.value = 0.80
        let occupancy = TodaysMarket.Occupancy(
            childrenFromOutside: [a: [.homes: [.private: 2]]],
            childrenBeyondBoundary: [.homes: [.over20Miles: 1]], children: [.homes: 4])
        return TodaysMarket(scenario, year: 2025, places: [:], occupancy: occupancy, assumptions: assumptions)
    }

    @Test func freePlacesAreUsableLessHeldAndTheMarketBeyondIsWhatTheChildrenUseToday() {
        let market = Self.market
        let ha = market.slots[PlaceSlot(provider: 0, placementType: .childrensHome)]
        #expect(ha?.usable == 4)
        #expect(ha?.heldFromOutside == 2)
        #expect(ha?.free == 2)
        #expect(market.slots[PlaceSlot(provider: 1, placementType: .childrensHome)]?.free == 1)
        #expect(
            market.beyondBoundary == [
                .init(
                    group: .homes, placementType: .childrensHome, band: .over20Miles, places: 1, miles: 40,
                    weeklyPrice: 4_000)
            ])
        #expect(market.childrenFromOutside == 2)
        #expect(market.childrenFromOutsideUnheld == 0)
    }

    /// A council's records put its 4 children in HA today (`placement import`): they hold 4 of its
    /// 5 registered places, more than occupancy's 5 × 0.8 = 4 less the 2 held from outside; as-is
    /// keeps all 4 there, none moved to HB or beyond the boundary.
    @Test func childrenRecordedWithAProviderKeepTheirPlacesWhateverTheOccupancy() {
        var scenario = Self.scenario
        scenario.cohorts[0].currentProvider = "HA"
        let occupancy = Self.market.occupancy
        let market = TodaysMarket(
            scenario, year: 2025, places: [:], occupancy: occupancy, assumptions: Self.market.assumptions)
        #expect(market.slots[PlaceSlot(provider: 0, placementType: .childrensHome)]?.free == 4)
        // Usable less held leaves 2: the other 2 are kept for the recorded children, and the report says so.
        #expect(market.placesKeptForRecords == 2)
        #expect(Self.market.placesKeptForRecords == 0)
        #expect(
            AsIsComparison.marketNotes(market, solvedBy: "The modes solve")[0].contains(
                "; 2 of them beyond that, kept for the children whose records name their provider"))
        #expect(market.slots[PlaceSlot(provider: 1, placementType: .childrensHome)]?.free == 1)
        // No place is both free and held: of HA's 5, the 4 kept leave 1 for the 2 from outside, and
        // the other is counted among those holding none of the scenario's places.
        #expect(market.slots[PlaceSlot(provider: 0, placementType: .childrensHome)]?.heldFromOutside == 1)
        #expect(market.childrenFromOutside == 2)
        #expect(market.childrenFromOutsideUnheld == 1)
        // Said beside the count, so that 1 place held by 2 children reads as it is.
        #expect(
            AsIsComparison.marketNotes(market, solvedBy: "The modes solve")[0].contains(
                "1 of them held by 2 children from outside the scenario (1 of them beyond the usable places of "
                    + "their authority and sector, holding none)"))
        let totals = market.slots.values.reduce(0.0) { $0 + $1.heldFromOutside + Double($1.free) }
        #expect(totals <= Double(market.slots.values.reduce(0) { $0 + $1.registered }))
        let applied = market.applied(to: scenario)
        let current = CurrentPlacements(applied)
        #expect(current.placed.map(\.provider) == [0])
        #expect(current.placed.map(\.children) == [4])
        // Never more than the registered places: with 3 registered, 3 are kept.
        scenario.providers[0].offers[.childrensHome]?.places = 3
        let smaller = TodaysMarket(
            scenario, year: 2025, places: [:], occupancy: occupancy, assumptions: Self.market.assumptions)
        #expect(smaller.slots[PlaceSlot(provider: 0, placementType: .childrensHome)]?.free == 3)
        #expect(smaller.slots[PlaceSlot(provider: 0, placementType: .childrensHome)]?.heldFromOutside == 0)
        #expect(smaller.childrenFromOutsideUnheld == 2)
    }

    @Test func theEmptyMarketPlacesEveryoneInArea() throws {
        let solved = try PlacementOptimiser.solve(Self.scenario, mode: .councilCoordinated)
        #expect(approximately(solved.objective, 16_080))
        #expect(solved.metrics.total.m2InAreaShare == 1)
    }

    @Test func todaysMarketChangesTheOptimumAsWorkedByHand() throws {
        let applied = Self.market.applied(to: Self.scenario)
        for mode in CommissioningMode.allCases {
            let solved = try PlacementOptimiser.solve(applied, mode: mode)
            #expect(approximately(solved.objective, 17_040), "\(mode)")
            let total = solved.metrics.total
            #expect(total.placed == 4 && total.unplaced == 0)
            #expect(approximately(total.m2InAreaShare ?? -1, 0.5))
            #expect(approximately(total.within20MilesShare ?? -1, 0.75))
            #expect(approximately(total.meanDistanceMiles ?? -1, 13.5))
            // The authority standing for the places beyond the boundary is no scope of the report.
            #expect(solved.metrics.authorities.map(\.id) == [Self.a.rawValue, Self.b.rawValue])
        }
    }

    /// With HB closed, A's only child placed out of area is beyond the boundary: the sufficiency
    /// report has no line to draw, so no map, and says why.
    @Test func aScopePlacedOutOfAreaOnlyBeyondTheBoundaryHasNoMapAndSaysWhy() throws {
        var scenario = Self.scenario
        scenario.providers[1].offers[.childrensHome]?.places = 0
        let applied = Self.market.rebuilt(for: scenario).applied(to: scenario)
        let solved = try PlacementOptimiser.solve(applied, mode: .regional)
        let beyond = TodaysMarket.beyondBoundaryAuthority(.over20Miles)
        #expect(solved.decisions.filter { $0.provider?.authority == beyond }.reduce(0) { $0 + $1.children } == 1)
        let report = try SufficiencyReport(.authority(Self.a.rawValue), context: .init(solved, authorities: [Self.a]))
        let markdown = MarkdownReport.render(report.document, stem: "sufficiency")
        #expect(
            markdown.contains(
                "No map: every one of A's children placed out of area is beyond the region's boundary (1 child)"))
        #expect(!markdown.contains("Where A's children are placed: each authority"))
    }

    @Test func withoutThePlaceBeyondTheBoundaryTheFourthChildIsUnplaced() throws {
        var applied = Self.market.applied(to: Self.scenario)
        applied.providers.removeAll { applied.marketBeyondBoundary.contains($0.authority) }
        let solved = try PlacementOptimiser.solve(applied, mode: .councilCoordinated)
        #expect(solved.metrics.total.unplaced == 1)
        #expect(approximately(solved.objective, 8_040 + 4_350 + 100_000))
    }
}

/// A council's own places beyond a regional scenario's boundary, worked by hand: the region of
/// ``TodaysMarketHandWorkedTests`` with 6 of A's children in foster care and A's in-house carers FA
/// (8 places at £500, in A, where the scenario puts every in-house carer). Today 3 of those children
/// live with A's carers beyond the boundary, 2 within 20 miles and 1 over; and 1 of A's children is
/// in a home A runs beyond the boundary, over 20 miles.
///
/// The carers' 3 places move out of FA (8 − 3 = 5 left in A) to A's carers beyond the boundary,
/// 2 within and 1 over 20 miles, still A's own, at FA's price: 8 places in all, as before, none
/// counted twice. A's home beyond the boundary is not among the scenario's providers, so it is added:
/// 1 place, run by A, at the market price of a home (A runs none in the scenario): £4,000.
@Suite struct OwnPlacesBeyondTheBoundaryTests {
    static let a = TodaysMarketHandWorkedTests.a

    static var scenario: Scenario {
        var scenario = TodaysMarketHandWorkedTests.scenario
        scenario.cohorts.append(Cohort(id: "A-foster", homeAuthority: a, placementType: .foster, count: 6))
        scenario.providers.append(
            Provider(
                id: "FA", name: "FA", sector: .localAuthority, operatingAuthority: a, authority: a,
                offers: [.foster: .init(places: 8, weeklyPrice: 500)]))
        return scenario
    }

    static var market: TodaysMarket {
        var occupancy = TodaysMarket.Occupancy(
            childrenBeyondBoundary: [.homes: [.over20Miles: 1]], children: [.homes: 4, .foster: 6])
        occupancy.ownCouncilFoster = [a: 6]
        occupancy.childrenByHome = [a: [.homes: 4, .foster: 6]]
        occupancy.ownCouncilBeyondBoundary = [
            a: [.foster: [.within20Miles: 2, .over20Miles: 1], .homes: [.over20Miles: 1]]
        ]
        return TodaysMarket(Self.scenario, year: 2025, places: [:], occupancy: occupancy)
    }

    @Test func theCouncilsCarersThereAreItsInHousePlacesMovedNotAdded() throws {
        let market = Self.market
        let within = TodaysMarket.beyondBoundaryAuthority(.within20Miles)
        let over = TodaysMarket.beyondBoundaryAuthority(.over20Miles)
        #expect(
            market.carersElsewhere == [
                .init(provider: 2, council: Self.a, authority: within, places: 2),
                .init(provider: 2, council: Self.a, authority: over, places: 1),
            ])
        let applied = market.applied(to: Self.scenario)
        let ownFoster = applied.providers.filter { $0.isRun(byCouncil: Self.a) && $0.offers[.foster] != nil }
        #expect(ownFoster.map(\.authority) == [Self.a, within, over])
        #expect(ownFoster.map { $0.offers[.foster]?.places } == [5, 2, 1])
        #expect(ownFoster.allSatisfy { $0.offers[.foster]?.weeklyPrice == 500 })
        // The market beyond the boundary holds no foster place: A's children there are with A's carers.
        #expect(!market.beyondBoundary.contains { $0.group == .foster })
    }

    /// Half of councils' foster places closing (a shock's `remove_share`, FA left with 4 of its 8)
    /// strikes A's carers wherever they live: of its 2 + 2 carers beyond the boundary 1 + 1 are
    /// left, moved out of FA (2 left in A), and the market there holds none of A's. Before, all 4
    /// were moved while FA had places, and a closure that left FA too few handed the rest to the
    /// market beyond the boundary: more foster places there than with no shock.
    @Test func aClosureOfCouncilsCarersStrikesThemWhereverTheyLive() throws {
        var scenario = Self.scenario
        scenario.providers[2].offers[.foster]?.places = 4
        scenario.closures = [PlaceClosure(sector: .localAuthority, placementType: .foster, share: 0.5)]
        var occupancy = Self.market.occupancy
        occupancy.ownCouncilBeyondBoundary[Self.a]?[.foster] = [.within20Miles: 2, .over20Miles: 2]
        let market = TodaysMarket(scenario, year: 2025, places: [:], occupancy: occupancy)
        #expect(
            market.carersElsewhere == [
                .init(
                    provider: 2, council: Self.a, authority: TodaysMarket.beyondBoundaryAuthority(.within20Miles),
                    places: 1),
                .init(
                    provider: 2, council: Self.a, authority: TodaysMarket.beyondBoundaryAuthority(.over20Miles),
                    places: 1),
            ])
        let applied = market.applied(to: scenario)
        #expect(applied.providers.first { $0.id == "FA" }?.offers[.foster]?.places == 2)
        #expect(!market.beyondBoundary.contains { $0.group == .foster })
    }

    /// The notes say the places beyond the boundary are what the shocks left only when the shocks
    /// closed some of them: a closure of secure homes, which the market there does not offer, leaves
    /// the plain wording; a closure of every sector's children's homes does not.
    @Test func theNotesSayWhatTheShocksLeftOnlyWhereTheyStruck() throws {
        var scenario = Self.scenario
        let occupancy = Self.market.occupancy
        scenario.closures = [PlaceClosure(sector: nil, placementType: .secureChildrensHome, share: 0.5)]
        let secure = TodaysMarket(scenario, year: 2025, places: [:], occupancy: occupancy)
        #expect(!secure.closuresStrikeMarketBeyond)
        let notes = AsIsComparison.marketNotes(secure, solvedBy: "The modes solve")
        #expect(notes.contains { $0.hasPrefix("Beyond the boundary, the market's places its children use today: ") })
        #expect(
            notes.contains {
                $0.hasPrefix("Councils' own places beyond the boundary, which their children use today (")
            })
        scenario.closures = [PlaceClosure(sector: nil, placementType: .childrensHome, share: 0.5)]
        let homes = TodaysMarket(scenario, year: 2025, places: [:], occupancy: occupancy)
        #expect(homes.closuresStrikeMarketBeyond)
        let struck = AsIsComparison.marketNotes(homes, solvedBy: "The modes solve")
        #expect(
            struck.contains {
                $0.hasPrefix(
                    "Councils' own places beyond the boundary, which their children use today, less what the shocks close ("
                )
            })
    }

    @Test func theCouncilsHomeThereIsAddedAsItsOwn() throws {
        let market = Self.market
        #expect(
            market.beyondBoundary == [
                .init(
                    group: .homes, placementType: .childrensHome, band: .over20Miles, places: 1, miles: 40,
                    weeklyPrice: 4_000),
                .init(
                    operatingAuthority: Self.a, group: .homes, placementType: .childrensHome, band: .over20Miles,
                    places: 1, miles: 40, weeklyPrice: 4_000),
            ])
        let applied = market.applied(to: Self.scenario)
        let home = try #require(
            applied.providers.first { $0.offers[.childrensHome] != nil && $0.isRun(byCouncil: Self.a) })
        #expect(home.authority == TodaysMarket.beyondBoundaryAuthority(.over20Miles))
        #expect(home.sector == .localAuthority)
    }

    /// A council's own share under a whole place is the market's, not lost: A's 1.4 children in its
    /// homes over 20 miles beyond the boundary are 1 place it runs and 0.4 of a place the market
    /// adds to its 1.2: 2 places, 3 in all.
    @Test func aCouncilsPartOfAPlaceIsTheMarkets() {
        var occupancy = Self.market.occupancy
        occupancy.childrenBeyondBoundary = [.homes: [.over20Miles: 1.2]]
        occupancy.ownCouncilBeyondBoundary[Self.a]?[.homes] = [.over20Miles: 1.4]
        let market = TodaysMarket(Self.scenario, year: 2025, places: [:], occupancy: occupancy)
        let homes = market.beyondBoundary.filter { $0.group == .homes }
        #expect(homes.map(\.operatingAuthority) == [nil, Self.a])
        #expect(homes.map(\.places) == [2, 1])
    }

    /// Each council's own places follow its own children: twice A's foster children, twice its
    /// carers beyond the boundary (4 and 2; FA has 8 free).
    @Test func aCouncilsCarersFollowItsOwnChildren() {
        var scenario = Self.scenario
        scenario.cohorts[1].count = 12
        let market = TodaysMarket(scenario, year: 2025, places: [:], occupancy: Self.market.occupancy)
        #expect(market.carersElsewhere.map(\.places) == [4, 2])
    }

    /// Where the council's carers are named by a child's record (an import's), they stay whole, and
    /// the children beyond the boundary are the market's there, as before.
    @Test func recordedCarersStayAndTheMarketHoldsTheirChildren() {
        var scenario = Self.scenario
        scenario.cohorts[1].currentProvider = "FA"
        let market = TodaysMarket(scenario, year: 2025, places: [:], occupancy: Self.market.occupancy)
        #expect(market.carersElsewhere.isEmpty)
        let foster = market.beyondBoundary.filter { $0.group == .foster }
        #expect(foster.map(\.band) == [.within20Miles, .over20Miles])
        #expect(foster.map(\.places) == [2, 1])
        #expect(foster.allSatisfy { $0.operatingAuthority == nil })
    }

    /// With every place of both bands used, the children are placed: 6 with A's carers (5 of them in
    /// A, the cheapest), and M1 counts them all as A's own.
    @Test func everyModeCountsTheCarersThereAsTheCouncilsOwn() throws {
        var scenario = Self.scenario
        scenario.cohorts[1].count = 8
        let applied = Self.market.applied(to: scenario)
        let solved = try PlacementOptimiser.solve(applied, mode: .council)
        let foster = solved.decisions.filter { $0.placementType == .foster }
        #expect(foster.reduce(0) { $0 + $1.children } == 8)
        #expect(foster.allSatisfy { $0.provider?.isRun(byCouncil: Self.a) == true })
        #expect(foster.filter(\.isInArea).reduce(0) { $0 + $1.children } == 5)
    }
}

/// Greater Manchester today: as-is near the calibrated figures, the modes within today's free places.
@Suite struct TodaysMarketGreaterManchesterTests {
    struct Setup {
        var scenario: Scenario
        var allocation: AsIsAllocation
        var market: TodaysMarket
        var applied: Scenario
        var asIs: TodaysPlacements
    }

    static let setup: Setup? = {
        guard let scenario = try? ScenarioLoader.load(from: Fixtures.scenario("greater-manchester")).scenario,
            let official = try? OfficialPlacementData.read(from: "\(Fixtures.root)/data"),
            let year = official.year(2025)
        else { return nil }
        let allocation = AsIsBaseline.calibrate(year).calibrated
        let market = TodaysMarket(scenario, year: year, allocation: allocation)
        let applied = market.applied(to: scenario)
        return Setup(
            scenario: scenario, allocation: allocation, market: market, applied: applied,
            asIs: TodaysPlacements(in: applied, allocation: allocation))
    }()

    /// An imported council's scenario lists its neighbours for their places but has none of their
    /// children: those children hold places today, as children from beyond the region do. Every
    /// place was once free for the one council's children (an import's report said "none held").
    @Test func authoritiesListedWithoutChildrenHaveTheirChildrenHoldPlaces() throws {
        let setup = try #require(Self.setup)
        let manchester = AuthorityCode("E08000003")
        var single = setup.scenario
        single.cohorts.removeAll { $0.homeAuthority != manchester }
        let full = TodaysMarket.Occupancy(setup.scenario, allocation: setup.allocation)
        let one = TodaysMarket.Occupancy(single, allocation: setup.allocation)
        func total(_ outside: [AuthorityCode: [PlacementGroup: [Sector: Double]]]) -> Double {
            outside.values.flatMap(\.values).flatMap(\.values).reduce(0, +)
        }
        // The nine neighbours' children in the region's places: by any provider but their own council,
        // and in their own council's homes and supported accommodation in their own area.
        let codes = setup.allocation.authorities.map(\.id)
        let region = Set(setup.scenario.authorities.map(\.id))
        let offered = Set(TodaysMarket.offeredType.map(\.0))
        let neighbours = setup.allocation.stock().filter { row in
            guard let placement = row.placement else { return false }
            let ownHomes = row.provider == .ownCouncil && row.group != .foster && placement == row.home
            return region.contains(codes[row.home]) && codes[row.home] != manchester
                && region.contains(codes[placement]) && offered.contains(row.group)
                && (TodaysMarket.sector(of: row.provider) != nil || ownHomes)
        }
        let neighboursChildren = neighbours.reduce(0) { $0 + $1.children }
        #expect(neighboursChildren > 500)
        #expect(abs(total(one.childrenFromOutside) - total(full.childrenFromOutside) - neighboursChildren) < 1e-6)
        // The scenario's own children, and those of its own carers elsewhere, are Manchester's alone.
        let manchesterRows = setup.allocation.stock().filter {
            codes[$0.home] == manchester && offered.contains($0.group)
        }
        #expect(abs(one.children.values.reduce(0, +) - manchesterRows.reduce(0) { $0 + $1.children }) < 1e-6)
        #expect(Set(one.ownCarersElsewhere.keys).isSubset(of: [manchester]))
        // Places held: the free places for Manchester's children are fewer than for the region's.
        let market = TodaysMarket(single, year: 2025, places: setup.market.registeredPlaces, occupancy: one)
        #expect(market.childrenFromOutside > setup.market.childrenFromOutside + 500)
    }

    @Test func asIsIsWithinThreePointsOfTheFittedFigures() throws {
        let setup = try #require(Self.setup)
        let codes = Set(setup.scenario.authorities.map(\.id))
        let fitted = AsIsMeasures.total(
            zip(setup.allocation.authorities, setup.allocation.measures(of: [.foster, .homes, .supported]))
                .filter { codes.contains($0.0.id) }.map(\.1))
        let asIs = setup.asIs.metrics.total
        let m2 = try #require(asIs.m2InAreaShare)
        let fittedM2 = try #require(fitted.inAreaShare)
        #expect(abs(m2 - fittedM2) <= 0.03, "as-is M2 \(m2), fitted \(fittedM2)")
        // DfE's published 2025 figure for Greater Manchester (all children looked after) is 57.2%.
        #expect(abs(m2 - 0.572) <= 0.05, "as-is M2 \(m2)")
        let over20 = 1 - (asIs.within20MilesShare ?? 1)
        let fittedOver20 = try #require(fitted.over20MilesShare)
        #expect(abs(over20 - fittedOver20) <= 0.03, "as-is over 20 miles \(over20), fitted \(fittedOver20)")
        #expect(
            asIs.children == setup.scenario.cohorts.filter(\.placementType.isCommissioned).reduce(0) { $0 + $1.count })
    }

    /// The calibration's own measures of each authority's commissioned groups (foster, homes, supported).
    static func fittedByAuthority(_ allocation: AsIsAllocation) -> [AuthorityCode: AsIsMeasures] {
        Dictionary(
            uniqueKeysWithValues: zip(
                allocation.authorities.map(\.id), allocation.measures(of: [.foster, .homes, .supported])))
    }

    @Test func eachAuthoritysAsIsKeepsItsFittedShareWithin20Miles() throws {
        let setup = try #require(Self.setup)
        let fitted = Self.fittedByAuthority(setup.allocation)
        for authority in setup.asIs.metrics.authorities {
            let over20 = 1 - (try #require(authority.metrics.within20MilesShare))
            let fittedOver20 = try #require(fitted[AuthorityCode(authority.id)]?.over20MilesShare)
            // Today's market carries the calibration's share per pair of authorities; what is left is
            // where the children land among the scenario's places.
            #expect(abs(over20 - fittedOver20) <= 0.03, "\(authority.name): as-is \(over20), fitted \(fittedOver20)")
        }
    }

    /// A council's own carers and homes beyond the region are its own provision today: before they
    /// counted as the market's (private), and every authority's as-is M1 sat 5–12 points below the
    /// calibration's own-council share (Manchester 45.9% against 52.3%); now within 3. Salford is
    /// left out: it runs a secure home (Barton Moss, 27 places), which the calibration counts among
    /// its council's residential places for its own children's homes group, and the scenario offers
    /// only as secure places (as-is 67.3% against the fit's 72.3%).
    @Test func eachAuthoritysAsIsKeepsItsFittedOwnCouncilShare() throws {
        let setup = try #require(Self.setup)
        let runsSecureHome = Set(
            setup.scenario.providers.filter { $0.sector == .localAuthority && $0.offers[.secureChildrensHome] != nil }
                .compactMap(\.operatingAuthority).map(\.rawValue))
        #expect(runsSecureHome == ["E08000006"])
        let fitted = Dictionary(
            uniqueKeysWithValues: zip(
                setup.allocation.authorities.map(\.id), setup.allocation.measures(of: [.foster, .homes])))
        for authority in setup.asIs.metrics.authorities where !runsSecureHome.contains(authority.id) {
            let m1 = try #require(authority.metrics.m1OwnAuthorityRunShare)
            let measures = try #require(fitted[AuthorityCode(authority.id)])
            let fittedM1 = (measures.providers[.ownCouncil] ?? 0) / measures.children
            #expect(abs(m1 - fittedM1) <= 0.03, "\(authority.name): as-is \(m1), fitted \(fittedM1)")
        }
    }

    /// A change to one council's children (a shock doubling Manchester's foster children) moves no
    /// council's carers, and grows no places beyond the boundary: every other council's carers stand where they did (each council's places were
    /// once scaled by the whole region's children, so Bolton's moved with Manchester's), and
    /// Manchester's too, since carers are places, not children (scaled by its children, twice as many
    /// stood outside its area, which took today's placements from its own carers there).
    @Test func oneCouncilsChildrenMoveNoCouncilsCarers() throws {
        let setup = try #require(Self.setup)
        let manchester = AuthorityCode("E08000003")
        var changed = setup.scenario
        for index in changed.cohorts.indices
        where changed.cohorts[index].homeAuthority == manchester && changed.cohorts[index].placementType == .foster {
            changed.cohorts[index].count *= 2
        }
        let market = setup.market.rebuilt(for: changed)
        func others(_ market: TodaysMarket) -> [TodaysMarket.CarerPlaces] {
            market.carersElsewhere.filter { $0.council != manchester }
        }
        #expect(!others(setup.market).isEmpty)
        let othersStay = others(market) == others(setup.market)
        #expect(othersStay, "other councils' carers moved with Manchester's children")
        let before = setup.market.carersElsewhere.filter { $0.council == manchester }.reduce(0) { $0 + $1.places }
        let after = market.carersElsewhere.filter { $0.council == manchester }.reduce(0) { $0 + $1.places }
        #expect(after == before)
        func ownOffers(_ market: TodaysMarket) -> [TodaysMarket.BeyondBoundaryOffer] {
            market.beyondBoundary.filter { $0.operatingAuthority != nil && $0.operatingAuthority != manchester }
        }
        let offersStay = ownOffers(market) == ownOffers(setup.market)
        #expect(offersStay, "other councils' own places beyond the boundary moved with Manchester's children")
        // Nor does the market beyond the boundary grow: it holds the places the region's children use
        // today (it had grown with the foster children, 2 × Manchester's share of them more).
        func marketBeyond(_ market: TodaysMarket) -> [TodaysMarket.BeyondBoundaryOffer] {
            market.beyondBoundary.filter { $0.operatingAuthority == nil }
        }
        #expect(!marketBeyond(setup.market).isEmpty)
        let marketStays = marketBeyond(market) == marketBeyond(setup.market)
        #expect(marketStays, "the market beyond the boundary grew with Manchester's children")
    }

    /// More children in homes and supported accommodation (Manchester's doubled) grow none of the
    /// places beyond the boundary, the market's or a council's own, Manchester's among them.
    @Test func moreResidentialChildrenGrowNoPlacesBeyondTheBoundary() throws {
        let setup = try #require(Self.setup)
        let manchester = AuthorityCode("E08000003")
        var changed = setup.scenario
        for index in changed.cohorts.indices
        where changed.cohorts[index].homeAuthority == manchester
            && [.childrensHome, .supportedAccommodation].contains(changed.cohorts[index].placementType)
        {
            changed.cohorts[index].count *= 2
        }
        #expect(changed.childCount > setup.scenario.childCount)
        #expect(setup.market.beyondBoundary.contains { $0.operatingAuthority != nil && $0.group != .foster })
        let unchanged = setup.market.rebuilt(for: changed).beyondBoundary == setup.market.beyondBoundary
        #expect(unchanged, "places beyond the boundary grew with Manchester's residential children")
    }

    @Test func eachAuthoritysAsIsKeepsItsFittedM2() throws {
        let setup = try #require(Self.setup)
        let fitted = Self.fittedByAuthority(setup.allocation)
        for authority in setup.asIs.metrics.authorities {
            let m2 = try #require(authority.metrics.m2InAreaShare)
            let fittedM2 = try #require(fitted[AuthorityCode(authority.id)]?.inAreaShare)
            // Agency carers where they live and kinship carers with their own council: before, Tameside
            // (no agency office) lost 12 points, its agency-fostered children all placed outside.
            #expect(abs(m2 - fittedM2) <= 0.04, "\(authority.name): as-is \(m2), fitted \(fittedM2)")
        }
    }

    @Test func agencyPlacesStandWhereTheirCarersLiveAndAddUp() throws {
        let setup = try #require(Self.setup)
        let (relocated, moved) = AgencyCarers.relocated(setup.scenario, carers: setup.market.occupancy.agencyCarers)
        func agencies(_ scenario: Scenario) -> [Provider] {
            scenario.providers.filter {
                ($0.sector == .private || $0.sector == .voluntary) && !$0.isCouncilService && $0.offers[.foster] != nil
            }
        }
        func places(_ providers: [Provider], _ sector: Sector) -> Int {
            providers.filter { $0.sector == sector }.reduce(0) { $0 + ($1.offers[.foster]?.places ?? 0) }
        }
        let before = agencies(setup.scenario)
        let after = agencies(relocated)
        for sector in [Sector.private, .voluntary] { #expect(places(after, sector) == places(before, sector)) }
        #expect(moved > 0 && moved < places(before, .private) + places(before, .voluntary))
        #expect(setup.market.agencyPlacesMoved == moved)
        // Tameside has no agency office; today about 90 of its agency-fostered children live there.
        #expect(!before.contains { $0.authority == "E08000008" })
        #expect(places(after.filter { $0.authority == "E08000008" }, .private) > 50)
        // Cut in turn: at most one more piece per authority and sector than there were agencies.
        #expect(after.count <= before.count + 2 * setup.scenario.ownAuthorities.count)
        #expect(Set(relocated.providers.map(\.id)).count == relocated.providers.count)
        // Owners and prices stay the agencies'.
        #expect(Set(after.map(\.owner)) == Set(before.map(\.owner)))
    }

    /// Splits `children` of Manchester's foster children off into a cohort of their own, appended last
    /// (the children a council's records place); returns its index.
    static func splitRecordedCohort(of scenario: inout Scenario, children: Int) throws -> Int {
        let manchester = try #require(
            scenario.cohorts.firstIndex {
                $0.homeAuthority == "E08000003" && $0.placementType == .foster && $0.count > children
            })
        scenario.cohorts[manchester].count -= children
        var recorded = scenario.cohorts[manchester]
        recorded.id = "E08000003-foster-recorded"
        recorded.count = children
        scenario.cohorts.append(recorded)
        return scenario.cohorts.count - 1
    }

    /// The first private foster agency with places for all of `cohort`'s children and their ages
    /// (and `alsoSatisfying`).
    static func agency(
        in scenario: Scenario, taking cohort: Cohort, alsoSatisfying condition: (Provider) -> Bool = { _ in true }
    ) throws -> Int {
        let ages = cohort.ageBand
        return try #require(
            scenario.providers.indices.first { index in
                let provider = scenario.providers[index]
                return provider.sector == .private && condition(provider)
                    && (provider.offers[.foster]?.places ?? 0) >= cohort.count
                    && provider.ageRange.minimum <= ages.minimum && ages.maximum <= provider.ageRange.maximum
            })
    }

    /// A council's own records say where its children live today: as-is puts them there, whatever the
    /// calibration would have fitted, and fits everyone else around the places they hold.
    @Test func childrenWithACurrentProviderAreWhereTheirRecordsSay() throws {
        let setup = try #require(Self.setup)
        var recorded = setup.applied
        // Three of Manchester's foster children, whose records name their agency.
        let children = 3
        let cohort = try Self.splitRecordedCohort(of: &recorded, children: children)
        // An agency with room for them, outside Manchester, whose calibrated share of them is not all.
        let agency = try Self.agency(in: recorded, taking: recorded.cohorts[cohort]) { $0.authority != "E08000003" }
        // Without the record the calibration spreads the three elsewhere (else the test shows nothing).
        let unrecorded = TodaysPlacements(in: recorded, allocation: setup.allocation)
        #expect(
            unrecorded.placed[cohort].map(\.children) != [children]
                || unrecorded.placed[cohort].first?.provider != agency)
        recorded.cohorts[cohort].currentProvider = recorded.providers[agency].id
        let asIs = TodaysPlacements(in: recorded, allocation: setup.allocation)
        #expect(asIs.placed[cohort].map(\.provider) == [agency])
        #expect(asIs.placed[cohort].map(\.children) == [children])
        let decisions = asIs.decisions.filter { $0.cohortIDs.contains(recorded.cohorts[cohort].id) }
        #expect(decisions.map { $0.provider?.id } == [recorded.providers[agency].id])
        // Everyone is still counted, and no provider holds more than its places.
        #expect(asIs.metrics.total.children == setup.asIs.metrics.total.children)
        var used: [PlaceSlot: Int] = [:]
        for (c, placed) in asIs.placed.enumerated() {
            for (provider, n) in placed {
                used[PlaceSlot(provider: provider, placementType: recorded.cohorts[c].placementType), default: 0] += n
            }
        }
        for (slot, n) in used {
            #expect(n <= recorded.providers[slot.provider].offers[slot.placementType]?.places ?? 0)
        }
    }

    /// Children recorded with a provider that has fewer places than they are: as many as fit are kept
    /// there, the rest are fitted elsewhere, and the provider is never over its places.
    @Test func recordedChildrenBeyondTheirProvidersPlacesAreFittedElsewhere() throws {
        let setup = try #require(Self.setup)
        var recorded = setup.applied
        let cohort = try Self.splitRecordedCohort(of: &recorded, children: 3)
        let agency = try Self.agency(in: recorded, taking: recorded.cohorts[cohort])
        recorded.providers[agency].offers[.foster]?.places = 2
        recorded.cohorts[cohort].currentProvider = recorded.providers[agency].id
        let asIs = TodaysPlacements(in: recorded, allocation: setup.allocation)
        let placed = try #require(asIs.placed.last)
        #expect(placed.first { $0.provider == agency }?.children == 2)
        #expect(placed.reduce(0) { $0 + $1.children } + (asIs.waiting.last ?? 0) == 3)
        let atAgency = asIs.placed.indices.filter { recorded.cohorts[$0].placementType == .foster }
            .flatMap { asIs.placed[$0] }.filter { $0.provider == agency }.reduce(0) { $0 + $1.children }
        #expect(atAgency <= 2)
    }

    /// The residential group's places beyond the boundary, shared among its types by children, worked
    /// by hand: 10.4 places round to 10; secure homes and residential schools keep one each, and the
    /// other 8 go 90 : 6 : 3 (7.27, 0.48, 0.24: 7, 0, 0, the last by the largest remainder to secure).
    @Test func residentialPlacesBeyondTheBoundaryAreSharedByType() {
        let children: [PlacementType: Int] = [.childrensHome: 90, .secureChildrensHome: 6, .residentialSchool: 3]
        let shared = TodaysMarket.typesBeyondBoundary(.homes, .childrensHome, market: 10.4, children: children)
        #expect(shared.map(\.type) == [.childrensHome, .secureChildrensHome, .residentialSchool])
        #expect(shared.map(\.places) == [7, 2, 1])
        // Closures strike each type's own places (a review: half the children's homes closing had cut
        // the secure homes' places, and every residential school closing had left theirs).
        let halfHomesClose = TodaysMarket.typesBeyondBoundary(
            .homes, .childrensHome, market: 10.4, children: children, open: { $0 == .childrensHome ? 0.5 : 1 })
        #expect(halfHomesClose.map(\.places) == [4, 2, 1])
        let schoolsClose = TodaysMarket.typesBeyondBoundary(
            .homes, .childrensHome, market: 10.4, children: children, open: { $0 == .residentialSchool ? 0 : 1 })
        #expect(schoolsClose.map(\.type) == [.childrensHome, .secureChildrensHome])
        // Too few places to share: the main type's closure still strikes them.
        #expect(
            TodaysMarket.typesBeyondBoundary(
                .homes, .childrensHome, market: 1.6, children: children, open: { $0 == .childrensHome ? 0.5 : 1 }
            ).map(\.places) == [1])
        // Too few places to give every type one: the main type keeps them; under half a place, none.
        #expect(
            TodaysMarket.typesBeyondBoundary(.homes, .childrensHome, market: 1.6, children: children).map(\.places)
                == [2])
        #expect(TodaysMarket.typesBeyondBoundary(.homes, .childrensHome, market: 0.4, children: children).isEmpty)
        // Other groups offer their one type.
        let foster = TodaysMarket.typesBeyondBoundary(.foster, .foster, market: 10.4, children: children)
        #expect(foster.map(\.type) == [.foster] && foster.map(\.places) == [10])
    }

    /// A closure of one type and sector strikes that type's places beyond the boundary by that type's
    /// own sector mix (a review: half of the private secure places closing, of which the region has
    /// none, had halved the secure places beyond the boundary by the children's homes' private mix).
    @Test func closuresBeyondTheBoundaryFollowEachTypesSectors() throws {
        let setup = try #require(Self.setup)
        func secureBeyond(_ shock: String) throws -> [Int] {
            var log = IssueLog()
            let file = try #require(ShockFile.parse("shocks: [{\(shock)}]", file: "s.yaml", log: &log))
            let shocked = try ShockApplication.apply(file, to: setup.scenario, seed: 1).scenario
            return setup.market.rebuilt(for: shocked).beyondBoundary.filter {
                $0.placementType == .secureChildrensHome && $0.operatingAuthority == nil
            }.map(\.places)
        }
        let today = setup.market.beyondBoundary.filter {
            $0.placementType == .secureChildrensHome && $0.operatingAuthority == nil
        }.map(\.places)
        #expect(!today.isEmpty)
        #expect(TodaysMarket.sectorMix(of: .secureChildrensHome, in: setup.scenario)?[.private] == nil)
        #expect(
            try secureBeyond("remove_share: {sector: private, placement_type: secure_childrens_home, share: 0.5}")
                == today)
        let councils = try secureBeyond(
            "remove_share: {sector: local_authority, placement_type: secure_childrens_home, share: 0.5}")
        #expect(councils.reduce(0, +) < today.reduce(0, +))
    }

    /// A council's own places beyond the boundary are the council's, at councils' prices: a shock to
    /// private prices leaves them, and moves the market's there (a finance trial: 13 children in
    /// councils' own supported accommodation beyond the boundary went from £1,500 to £1,650 a week).
    @Test func privatePriceShocksLeaveCouncilsOwnPlacesBeyondTheBoundary() throws {
        let setup = try #require(Self.setup)
        var log = IssueLog()
        let file = try #require(
            ShockFile.parse("shocks: [{price_change: {sector: private, factor: 1.1}}]", file: "s.yaml", log: &log))
        let shocked = try ShockApplication.apply(file, to: setup.scenario, seed: 1).scenario
        let before = setup.market.beyondBoundary.filter { $0.placementType == .supportedAccommodation }
        let after = setup.market.rebuilt(for: shocked).beyondBoundary.filter {
            $0.placementType == .supportedAccommodation
        }
        let councils = after.filter { $0.operatingAuthority != nil }
        #expect(!councils.isEmpty)
        for offer in councils {
            let today = try #require(
                before.first { $0.operatingAuthority == offer.operatingAuthority && $0.band == offer.band })
            #expect(offer.weeklyPrice == today.weeklyPrice, "\(offer)")
        }
        for offer in after where offer.operatingAuthority == nil {
            let today = try #require(before.first { $0.operatingAuthority == nil && $0.band == offer.band })
            #expect(approximately(offer.weeklyPrice, today.weeklyPrice * 1.1), "\(offer)")
        }
    }

    /// Greater Manchester's three residential-school children (Bolton, Bury, Manchester): the region's
    /// one school is rated inadequate, below the floor, and the places beyond the boundary had been
    /// children's homes' alone, so every mode left them unplaced and priced a school place in Bury first.
    @Test func residentialSchoolChildrenFindPlacesBeyondTheBoundary() throws {
        let setup = try #require(Self.setup)
        #expect(setup.market.beyondBoundary.contains { $0.placementType == .residentialSchool && $0.places > 0 })
        for mode in [CommissioningMode.council, .regional] {
            let solved = try PlacementOptimiser.solve(setup.applied, mode: mode)
            #expect(solved.metrics.total.unplaced == 0, "\(mode): \(solved.metrics.total.unplacedByType)")
        }
    }

    @Test func everyModeKeepsWithinTodaysFreePlaces() throws {
        let setup = try #require(Self.setup)
        #expect(setup.market.totals.heldFromOutside > 100, "children from outside hold Greater Manchester's places")
        // Foster care, supported accommodation and the residential group's four types with children
        // (children's homes, secure homes, residential schools; parent and child has none), two bands each.
        #expect(setup.market.beyondBoundary.filter { $0.operatingAuthority == nil }.count == 10)
        for mode in CommissioningMode.allCases {
            let solved = try PlacementOptimiser.solve(setup.applied, mode: mode)
            var used: [PlaceSlot: Int] = [:]
            let index = Dictionary(uniqueKeysWithValues: setup.applied.providers.enumerated().map { ($1.id, $0) })
            for decision in solved.decisions {
                guard let provider = decision.provider, let p = index[provider.id] else { continue }
                used[PlaceSlot(provider: p, placementType: decision.placementType), default: 0] += decision.children
            }
            for (slot, children) in used {
                let limit =
                    setup.market.slots[slot]?.free
                    ?? setup.applied.providers[slot.provider].offers[slot.placementType]?.places ?? 0
                #expect(children <= limit, "\(mode): \(setup.applied.providers[slot.provider].id) over its free places")
            }
        }
    }
}

/// `placement compare` shows as-is only where a calibrated baseline exists.
@Suite struct CompareAsIsTests {
    /// The twenty largest private children's-home owners leave Greater Manchester: with ten, today's
    /// displaced children all find a place again, and these tests are of those who do not.
    static func twentyOwnersExit(in directory: TemporaryDirectory) throws -> String {
        let file = directory.file("exit-20.yaml")
        try "shocks:\n  - remove_largest_owners: {sector: private, placement_type: childrens_home, count: 20}\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let (object, run) = try BuiltTool.placementJSON(["compare"] + arguments)
        return try #require(object, "\(run.standardError)")
    }

    /// `stress` gives each case's as-is as `compare` does: today's placements, and after the shocks
    /// today's placements in what they leave, children finding no place counted as unplaced.
    @Test func stressShowsEachCasesAsIsAsCompareDoes() throws {
        let scenario = Fixtures.scenario("greater-manchester")
        let shockFolder = try TemporaryDirectory()
        defer { shockFolder.remove() }
        let shocks = try Self.twentyOwnersExit(in: shockFolder)
        let (stress, run) = try BuiltTool.placementJSON([
            "stress", scenario, "--shocks", shocks, "--modes", "regional",
        ])
        let root = try #require(stress, "\(run.standardError)")
        let cases = try #require(root["cases"] as? [[String: Any]])
        #expect(cases.count == 2)
        for (entry, extra) in zip(cases, [[], ["--shocks", shocks]]) {
            let compared = try Self.json([scenario, "--modes", "regional"] + extra)
            let today = try #require(
                ((compared["as_is"] as? [String: Any])?["metrics"] as? [String: Any])?["total"] as? [String: Any])
            let asIs = try #require((entry["as_is"] as? [String: Any])?["total"] as? [String: Any])
            let unplaced = try #require(today["unplaced"] as? Int)
            #expect(asIs["unplaced"] as? Double == Double(unplaced))
            let placed = try #require(today["placed"] as? Int)
            let within = try #require(today["within_20_miles_share"] as? Double)
            #expect(asIs["over_20_miles"] as? Double == (Double(placed) * (1 - within)).rounded())
        }
        // The exit takes today's placements: some are made again, the rest of those children wait.
        let shockedAsIs = try #require(cases[1]["as_is"] as? [String: Any])
        let shocked = try #require(shockedAsIs["total"] as? [String: Any])
        let displaced = try #require(shockedAsIs["displaced"] as? Int)
        let again = try #require(shockedAsIs["placed_again"] as? Int)
        let without = try #require(shockedAsIs["without_place"] as? Int)
        #expect((shocked["unplaced"] as? Double ?? 0) > 0)
        #expect(shocked["unplaced"] as? Double == Double(without))
        // No shock adds children here, and none waited before: each displaced child is placed or waits.
        #expect(displaced > 0 && displaced == again + without)
        #expect((cases[0]["as_is"] as? [String: Any])?["displaced"] == nil)
        // An exit of named owners is the same in every draw: as-is is that case's figure.
        let drawn = try BuiltTool.run(
            "placement", ["stress", scenario, "--shocks", shocks, "--modes", "regional", "--draws", "2"])
        #expect(drawn.standardOutput.contains("leave: as-is 100 unplaced"), "\(drawn.standardOutput)")
        #expect(!drawn.standardOutput.contains("(first draw)"))
        // Beside the modes' means over draws of a random closure, as-is says it is one draw's figure.
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let random = directory.file("random.yaml")
        try "shocks:\n  - remove_share: {sector: private, placement_type: childrens_home, share: 0.2}\n".write(
            toFile: random, atomically: true, encoding: .utf8)
        let randomRun = try BuiltTool.run(
            "placement", ["stress", scenario, "--shocks", random, "--modes", "regional", "--draws", "2"])
        #expect(randomRun.standardOutput.contains(": as-is (first draw) "), "\(randomRun.standardOutput)")
        // Only the children whose places closed move, and the report says how many and where they went.
        #expect(drawn.standardOutput.contains("every child keeps today's placement while its place remains"))
        #expect(
            drawn.standardOutput.contains(
                "leave, as-is: The shocks took \(displaced) of today's placements ("), "\(drawn.standardOutput)")
        // Shares rose as children lost places; said.
        #expect(
            drawn.standardOutput.contains(
                "M1 and M2 are shares of the children placed, so a case that leaves children without a place can raise them"
            ))
    }

    @Test func tinyHasNoAsIsAndSaysSo() throws {
        let root = try Self.json([Fixtures.scenario("tiny")])
        #expect(root["as_is"] is NSNull)
        #expect((root["as_is_note"] as? String)?.contains("no calibrated baseline") == true)
        let modes = try #require(root["modes"] as? [[String: Any]])
        #expect(modes.allSatisfy { $0["change_from_as_is"] == nil })
        // tiny's hand-worked optima are kept.
        #expect(modes.compactMap { $0["objective"] as? Double } == [123_110, 122_670, 122_120, 122_100])
    }

    @Test func greaterManchesterShowsAsIsAndEachModeAsAChange() throws {
        let root = try Self.json([Fixtures.scenario("greater-manchester"), "--modes", "regional"])
        let asIs = try #require(root["as_is"] as? [String: Any])
        #expect(asIs["year"] as? Int == 2025)
        let total = try #require((asIs["metrics"] as? [String: Any])?["total"] as? [String: Any])
        let asIsM2 = try #require(total["m2_in_area_share"] as? Double)
        let mode = try #require((root["modes"] as? [[String: Any]])?.first)
        let modeM2 = try #require(
            ((mode["metrics"] as? [String: Any])?["total"] as? [String: Any])?["m2_in_area_share"] as? Double)
        let change = try #require(mode["change_from_as_is"] as? [String: Any])
        #expect(approximately(try #require(change["m2_in_area_share_points"] as? Double), (modeM2 - asIsM2) * 100))
        let market = try #require(asIs["market"] as? [String: Any])
        #expect((market["assumptions"] as? [Any])?.count == MarketAssumptions().listed.count)
    }

    /// The comparison report leads with today, and gives each mode's headline figures as changes from it.
    @Test func theReportSummaryStartsFromToday() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("report")
        let run = try BuiltTool.run(
            "placement",
            ["compare", Fixtures.scenario("greater-manchester"), "--modes", "council,regional", "--out", out])
        #expect(run.status == 0, "\(run.standardError)")
        let report = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        let bullets = report.components(separatedBy: "\n").filter { $0.hasPrefix("- ") }
        #expect(bullets.first?.hasPrefix("- Today (as-is, calibrated on 2025): M2 55.9%") == true)
        // England's scenario gives the same councils other figures: the regional one says which to cite.
        #expect(report.contains("for a co-operative, cite this regional scenario"))
        // The shipped scenarios price a children's home at the all-sector average: the method says so.
        #expect(
            report.contains(
                "every provider of children's home and supported accommodation charges the same a week whatever "
                    + "its sector (children's home £6,100 and supported accommodation £1,500)"))
        let m2 = try #require(bullets.first { $0.hasPrefix("- In-area placement (M2)") })
        #expect(m2.contains("85.9% (+30.0 pts on today) under regional"))
        #expect(m2.contains("75.7% (+19.8 pts on today) under council"))
        // Regional M1 (own council) falls below today's while M2 rises: the summary says why.
        #expect(
            bullets.contains(
                "- Own-council M1 falls below today's under regional because, placing every child again, it puts "
                    + "children in other councils' in-house places, which M1 (own council) does not count: M1 (any "
                    + "council) is 67.0% under regional, 61.5% today."))
        // The maps say which placements they cannot draw (the places beyond the boundary stand for no
        // one authority), and the placements name the authorities carers live in, not their codes.
        #expect(report.contains("children placed beyond the region's boundary"))
        let placements = try String(contentsOfFile: out + "/placements-regional.csv", encoding: .utf8)
        #expect(placements.contains("(carers in Stockport)"))
        #expect(!placements.contains("(carers in E0"))
        // The tables by authority carry today's figure beside the published one: Bolton's is as-is's.
        let table = try String(contentsOfFile: out + "/report-authority-m2.csv", encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let column = try #require(table.first?.firstIndex(of: "as_is"))
        let bolton = try #require(table.first { $0.first == "Bolton" })
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/comparison.json")))
                as? [String: Any])
        let authorities = ((json["as_is"] as? [String: Any])?["metrics"] as? [String: Any])?["authorities"]
        let boltonToday = try #require(
            (authorities as? [[String: Any]])?.first { $0["code"] as? String == "E08000001" })
        let expected = try #require(boltonToday["m2_in_area_share"] as? Double)
        #expect(bolton[column] == String(format: "%.6f", expected))
    }

    /// Under shocks as-is is today's placements in what the shocks leave of the market (children whose
    /// provider left have no place): the summary says so, as the title names the shocks.
    @Test func shockedAsIsIsSaidToBeAfterTheShocks() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("report")
        let run = try BuiltTool.run(
            "placement",
            [
                "compare", Fixtures.scenario("greater-manchester"), "--modes", "regional", "--shocks",
                "\(Fixtures.root)/shocks/largest-childrens-home-owners-exit.yaml", "--out", out,
            ])
        #expect(run.status == 0, "\(run.standardError)")
        let report = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(
            report.hasPrefix(
                "# greater-manchester after 10 largest private children's home owners in the scenario leave"))
        #expect(report.contains("- Today's placements after the shocks, in what is left of today's market (as-is"))
        #expect(!report.contains("- Today (as-is"))
        // Only the children whose places closed are placed again; the report says how many, and where.
        #expect(
            report.contains(
                "- The shocks took 145 of today's placements (99.8% within 20 miles, M2 60.0%); 145 children were "
                    + "placed again as councils place children today"), "\(report)")
        // The market described is the one the modes solved: after the exit's 280 places (7,344 before).
        #expect(report.contains("The modes solve today's market after the shocks: of 7,064 registered places"))
    }

    /// The sufficiency report says the same, and leads with today's children the shocks left without
    /// a place (Wigan: 26 after the twenty largest private children's-home owners leave), whose cost
    /// had silently dropped out of the week's; then what the shocks did to the council's own children's
    /// placements (26 taken, none made again).
    @Test func shockedSufficiencySaysWhoIsLeftWithoutAPlace() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let run = try BuiltTool.run(
            "placement",
            [
                "sufficiency", Fixtures.scenario("greater-manchester"), "--authority", "Wigan", "--shocks",
                try Self.twentyOwnersExit(in: directory),
            ])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(
            run.standardOutput.contains(
                "- Today's placements after the shocks, in what is left of today's market (as-is, calibrated on 2025): "
                    + "26 children without a place (M2, M1, distance and cost are of the children placed), M2 "))
        #expect(
            run.standardOutput.contains(
                "- The shocks took 26 of Wigan's children's placements today (98.0% within 20 miles, M2 88.5%), and "
                    + "26 children find no place"))
        #expect(!run.standardOutput.contains("- Today (as-is"))
    }

    /// A plan's "without" is every child placed afresh, not today: the plan prints today's (as-is)
    /// measures beside it, the same as `compare`'s as-is.
    @Test func aPlanPrintsTodayBesideItsWithout() throws {
        let run = try BuiltTool.run(
            "placement",
            ["plan", Fixtures.scenario("greater-manchester"), "--budget", "10000000", "--by", "cooperative"])
        #expect(run.status == 0, "\(run.standardError)")
        let root = try Self.json([Fixtures.scenario("greater-manchester"), "--modes", "regional"])
        let today = try #require(
            ((root["as_is"] as? [String: Any])?["metrics"] as? [String: Any])?["total"] as? [String: Any])
        func percent(_ key: String) throws -> String {
            String(format: "%.1f%%", try #require(today[key] as? Double) * 100)
        }
        let lines = run.standardOutput.components(separatedBy: "\n")
        #expect(lines.contains { $0.hasPrefix("| measure | today (as-is) | without plan | with plan |") })
        let m1 = try percent("m1_own_la_run_share")
        let m2 = try percent("m2_in_area_share")
        #expect(lines.contains { $0.hasPrefix("| M1 own council | \(m1) |") })
        #expect(lines.contains { $0.hasPrefix("| M2 in area | \(m2) |") })
        #expect(run.standardOutput.contains("\"Without\" is every child placed afresh under regional access"))
        // Under shocks, "today" is today's placements in what the shocks leave, and says so.
        let shocked = try BuiltTool.run(
            "placement",
            [
                "plan", Fixtures.scenario("greater-manchester"), "--budget", "10000000", "--by", "cooperative",
                "--shocks", Fixtures.root + "/shocks/largest-childrens-home-owners-exit.yaml", "--authority", "Bury",
            ])
        #expect(shocked.status == 0, "\(shocked.standardError)")
        let shockedLines = shocked.standardOutput.components(separatedBy: "\n")
        #expect(shockedLines.contains { $0.hasPrefix("| measure | today after the shocks (as-is) | without plan |") })
        #expect(shockedLines.contains { $0.hasPrefix("| Measure | Today after the shocks (as-is) | Without plan |") })
        #expect(!shockedLines.contains { $0.hasPrefix("| measure | today (as-is) |") })
        #expect(shocked.standardOutput.contains("today's placements in what the shocks leave of today's market"))
        // The plan is made in the market the shocks leave, and says what they did to today's placements.
        #expect(shocked.standardOutput.contains("The plan is made in today's market after the shocks: of 7,064"))
        #expect(shocked.standardOutput.contains("- The shocks took 145 of today's placements ("))
    }

    /// An adopted plan changes the modes, not today: its places are not built yet.
    @Test func aPlanLeavesAsIsAsItIs() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let plan = directory.file("plan.csv")
        try """
        id,kind,authority,placement_type,sector,places,units,capital_cost,weekly_cost,years_to_open,opening_year
        MAN-HOME,home,E08000003,childrens_home,local_authority,40,10,5000000,3000,2,2027
        BURY-HOME,home,E08000002,childrens_home,local_authority,20,5,2500000,3000,2,2027
        BURY-CARERS,foster_carers,E08000002,foster,local_authority,60,60,600000,400,1,2026

        """.write(toFile: plan, atomically: true, encoding: .utf8)
        let without = try Self.json([Fixtures.scenario("greater-manchester"), "--modes", "regional"])
        let with = try Self.json([Fixtures.scenario("greater-manchester"), "--modes", "regional", "--plan", plan])
        func total(_ root: [String: Any], asIs: Bool) -> [String: Any]? {
            let object = asIs ? root["as_is"] as? [String: Any] : (root["modes"] as? [[String: Any]])?.first
            return (object?["metrics"] as? [String: Any])?["total"] as? [String: Any]
        }
        let before = try #require(total(without, asIs: true))
        let after = try #require(total(with, asIs: true))
        for key in ["m1_own_la_run_share", "m2_in_area_share", "weekly_cost", "unplaced"] {
            #expect(String(describing: before[key]) == String(describing: after[key]), "\(key)")
        }
        // The plan does change the mode (else the test shows nothing).
        #expect(
            String(describing: total(without, asIs: false)?["m1_own_la_run_share"])
                != String(describing: total(with, asIs: false)?["m1_own_la_run_share"]))
    }

    /// Under shocks, the children whose places closed are placed again as councils place children
    /// today, and the plan's places are open to them then, as `simulate --plan` opens them to as-is: a
    /// trial saw 179 left without a place with a 21-place plan and without it alike.
    @Test func theDisplacedMayTakeAPlansPlaces() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let plan = directory.file("plan.csv")
        try """
        id,kind,authority,placement_type,sector,places,units,capital_cost,weekly_cost,years_to_open,opening_year
        MAN-HOME,home,E08000003,childrens_home,local_authority,4,5,2500000,3000,2,2027

        """.write(toFile: plan, atomically: true, encoding: .utf8)
        let exit = try Self.twentyOwnersExit(in: directory)
        let base = [Fixtures.scenario("greater-manchester"), "--modes", "regional", "--shocks", exit]
        let without = try Self.json(base)
        let with = try Self.json(base + ["--plan", plan])
        func asIs(_ root: [String: Any]) -> [String: Any]? { root["as_is"] as? [String: Any] }
        let before = try #require(asIs(without)?["children_without_place"] as? Int)
        let after = try #require(asIs(with)?["children_without_place"] as? Int)
        #expect(before > 0)
        // Five homes of 4 places: at most 20 fewer without a place (the weights decide how many).
        #expect(after < before && after >= before - 20, "\(before) → \(after)")
        #expect(asIs(with)?["displaced"] as? Int == asIs(without)?["displaced"] as? Int)
        let run = try BuiltTool.run("placement", ["compare"] + base + ["--plan", plan])
        #expect(run.standardOutput.contains("of them in the plan's new places)"), "\(run.standardOutput)")
    }

    /// `compare --plan` solves the plan's places as the plan did: not built yet, so every one free,
    /// none lost to occupancy or held by children from outside, none setting a price of today's market.
    /// It treated them as today's places, so a new home's 3 places counted as 2.49 (occupancy 0.83), M1
    /// and M2 fell short of the plan's, and block contracts moved the price beyond the boundary.
    @Test func comparingAPlanGivesThePlansOwnFigures() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // £20m of homes alone, and £20m as the plan chooses (carers and block contracts).
        for (index, kinds) in [["--kinds", "home"], []].enumerated() {
            let out = directory.file("plan\(index)")
            let (planned, run) = try BuiltTool.placementJSON(
                [
                    "plan", Fixtures.scenario("greater-manchester"), "--budget", "20000000", "--by", "cooperative",
                    "--frontier", "0", "--out", out,
                ] + kinds)
            let withPlan = try #require(planned?["with_plan"] as? [String: Any], "\(run.standardError)")
            let compared = try Self.json([
                Fixtures.scenario("greater-manchester"), "--modes", "regional", "--plan", out + "/plan.csv",
            ])
            let total = try #require(
                ((compared["modes"] as? [[String: Any]])?.first?["metrics"] as? [String: Any])?["total"]
                    as? [String: Any])
            let built = kinds.isEmpty ? "block_contracts" : "homes"
            #expect((planned?[built] as? [Any])?.isEmpty == false, "\(built)")
            for key in ["m1_own_la_run_share", "m2_in_area_share", "weekly_cost"] {
                let expected = try #require(withPlan[key] as? Double, "\(key)")
                let value = try #require(total[key] as? Double, "\(key)")
                #expect(approximately(value, expected, tolerance: 1e-9 * max(1, abs(expected))), "\(key)")
            }
        }
    }

    /// In today's market of a regional scenario, whatever a mode pools: a council's own places beyond
    /// the boundary take only its own children (their distance is known from that council alone), and
    /// a kinship child only its own council's connected carers.
    @Test(arguments: ["greater-manchester", "south-east"])
    func poolingKeepsOwnPlacesBeyondTheBoundaryAndRelativesToTheirCouncil(scenario: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("compare")
        let run = try BuiltTool.run(
            "placement", ["compare", Fixtures.scenario(scenario), "--modes", "regional,national", "--out", out])
        #expect(run.status == 0, "\(run.standardError)")
        var beyond = 0
        for mode in ["regional", "national"] {
            var log = IssueLog()
            let table = try #require(
                CSVTable.read(
                    "\(out)/placements-\(mode).csv", file: mode,
                    required: ["home_authority", "placement_type", "operating_authority", "provider_authority"],
                    log: &log))
            for row in table.rows where !row.text("operating_authority").isEmpty {
                let line = "\(mode), line \(row.line)"
                if row.text("provider_authority").hasPrefix("beyond-") {
                    beyond += 1
                    #expect(row.text("operating_authority") == row.text("home_authority"), "\(line)")
                }
                if row.text("placement_type") == "kinship" {
                    #expect(row.text("operating_authority") == row.text("home_authority"), "\(line)")
                }
            }
        }
        // The councils' own places beyond the boundary are used (else the test shows nothing).
        #expect(beyond > 0)
    }

    /// A `--data` folder the user names must exist: no quiet fall-back to the empty market.
    @Test(arguments: [
        ["compare", "--modes", "regional"], ["sufficiency", "--authority", "Manchester"],
        ["stress", "--shocks", "\(Fixtures.root)/shocks/largest-childrens-home-owners-exit.yaml"],
    ])
    func aDataFolderThatDoesNotExistIsAnError(command: [String]) throws {
        let run = try BuiltTool.run(
            "placement",
            [command[0], Fixtures.scenario("greater-manchester")] + command.dropFirst() + [
                "--data", "/nonexistent/data",
            ])
        #expect(run.status == 1)
        #expect(run.standardError.contains("/nonexistent/data: --data: no such folder"))
        #expect(run.standardOutput.isEmpty)
    }

    /// The trial: `--data /etc` gave only a note and solved the empty market, exit 0.
    @Test(arguments: [
        ["compare", "--modes", "regional"], ["sufficiency", "--authority", "Manchester"],
        ["stress", "--shocks", "\(Fixtures.root)/shocks/largest-childrens-home-owners-exit.yaml"],
        ["plan", "--budget", "1000000"],
    ])
    func aDataFolderWithoutTheTablesIsAnError(command: [String]) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let run = try BuiltTool.run(
            "placement",
            [command[0], Fixtures.scenario("greater-manchester")] + command.dropFirst() + ["--data", directory.path])
        #expect(run.status == 1)
        #expect(
            run.standardError.contains("\(directory.path): --data: holds none of the official tables ("),
            "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }

    /// `compare --draws` solves today's market too, and says so.
    @Test func drawsSolveTodaysMarket() throws {
        let arguments = [Fixtures.scenario("greater-manchester"), "--modes", "regional", "--draws", "2"]
        let today = try BuiltTool.run("placement", ["compare"] + arguments)
        #expect(today.status == 0, "\(today.standardError)")
        #expect(today.standardOutput.contains("Each draw solves today's market"))
        let empty = try Self.json(arguments + ["--empty-market", "--format", "json"])
        let todays = try Self.json(arguments + ["--format", "json"])
        func m2(_ root: [String: Any]) -> Double? {
            let mode = (root["modes"] as? [[String: Any]])?.first
            let total = (mode?["metrics"] as? [String: Any])?["total"] as? [String: Any]
            return (total?["m2_in_area_share"] as? [String: Any])?["mean"] as? Double
        }
        // Regional M2 in today's market, as `compare` shows it (85.9%), not the empty market's (91.3%).
        #expect(approximately(try #require(m2(todays)), 0.859, tolerance: 0.001))
        #expect(approximately(try #require(m2(empty)), 0.913, tolerance: 0.001))
        // The JSON says which market was solved, as the Markdown does.
        let market = try #require(todays["market"] as? [String: Any])
        let free = try #require((market["today"] as? [String: Any])?["free_places"] as? Int)
        #expect(free > 0)
        #expect((market["notes"] as? [String])?.first?.hasPrefix("Each draw solves today's market") == true)
        let emptyMarket = try #require(empty["market"] as? [String: Any])
        #expect(emptyMarket["today"] is NSNull)
        #expect((emptyMarket["notes"] as? [String])?.first?.contains("--empty-market") == true)
    }

    /// A stress test's JSON states its market once, above its cases.
    @Test func stressJSONSaysWhichMarketWasSolved() throws {
        let shocks = "\(Fixtures.root)/shocks/largest-childrens-home-owners-exit.yaml"
        let (object, run) = try BuiltTool.placementJSON([
            "stress", Fixtures.scenario("greater-manchester"), "--shocks", shocks, "--modes", "regional",
        ])
        let root = try #require(object, "\(run.standardError)")
        let market = try #require(root["market"] as? [String: Any])
        #expect((market["today"] as? [String: Any])?["registered_places"] as? Int ?? 0 > 0)
        let notes = try #require(market["notes"] as? [String])
        #expect(notes.contains { $0.contains("the market is then rebuilt on what remains") })
        let firstCase = try #require((root["cases"] as? [[String: Any]])?.first?["results"] as? [String: Any])
        #expect(firstCase["market"] == nil)
    }

    @Test func theEmptyMarketSwitchesAsIsOff() throws {
        let root = try Self.json([Fixtures.scenario("greater-manchester"), "--modes", "regional", "--empty-market"])
        #expect(root["as_is"] is NSNull)
        #expect((root["as_is_note"] as? String)?.contains("--empty-market") == true)
    }
}

/// `placement sufficiency` shows the scope's children today beside its mode.
@Suite struct SufficiencyAsIsTests {
    @Test func manchestersReportShowsAsIsBesideTheMode() throws {
        let run = try BuiltTool.run(
            "placement",
            [
                "sufficiency", Fixtures.scenario("greater-manchester"), "--authority", "E08000003", "--data",
                "\(Fixtures.root)/data",
            ])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("Manchester's children today (as-is) and under council-coordinated"))
        #expect(run.standardOutput.contains("Today (as-is, calibrated on 2025)"))
        let empty = try BuiltTool.run(
            "placement",
            [
                "sufficiency", Fixtures.scenario("greater-manchester"), "--authority", "E08000003", "--data",
                "\(Fixtures.root)/data", "--empty-market",
            ])
        #expect(!empty.standardOutput.contains("(as-is)"))
    }
}

/// Agencies' places laid end to end against the authorities' shares, cut where either ends.
@Suite struct AgencyCarersCutTests {
    @Test func cutInTurnByHand() {
        // Agency 0 (86) fills authority 0 (100) but 14; agency 1 (86) gives those 14, authority 1's
        // 22 and 50 of authority 2's 100; agency 2 (50) the rest.
        let cut = AgencyCarers.cutInTurn([86, 86, 50], into: [100, 22, 100])
        #expect(cut.map { $0.map(\.destination) } == [[0], [0, 1, 2], [2]])
        #expect(cut.map { $0.map(\.places) } == [[86], [14, 22, 50], [50]])
    }
}

/// England today: the as-is column keeps the calibrated allocation it is carried from.
@Suite struct TodaysMarketEnglandTests {
    @Test func asIsStaysNearTheCalibrationOnAverageOverEveryAuthority() throws {
        let scenario = try ScenarioLoader.load(from: Fixtures.scenario("england-2025")).scenario
        let official = try OfficialPlacementData.read(from: "\(Fixtures.root)/data")
        let year = try #require(official.year(2025))
        let allocation = AsIsBaseline.calibrate(year).calibrated
        let applied = TodaysMarket(scenario, year: year, allocation: allocation).applied(to: scenario)
        let asIs = TodaysPlacements(in: applied, allocation: allocation)
        let fitted = TodaysMarketGreaterManchesterTests.fittedByAuthority(allocation)
        // Councils whose services a children's trust runs, counted by DfE as voluntary provision.
        let trusts: Set<AuthorityCode> = [
            "E06000038", "E06000039", "E06000040", "E06000061", "E06000062", "E08000025", "E08000028", "E08000032",
            "E09000021", "E09000027",
        ]
        var m2Gaps: [Double] = []
        var trustGaps: [Double] = []
        // Every authority with commissioned children on both sides (the Isles of Scilly have none; DfE
        // suppresses the City of London's groups).
        for authority in asIs.metrics.authorities {
            guard let m2 = authority.metrics.m2InAreaShare,
                let fittedM2 = fitted[AuthorityCode(authority.id)]?.inAreaShare
            else { continue }
            m2Gaps.append(m2 - fittedM2)
            if trusts.contains(AuthorityCode(authority.id)) { trustGaps.append(m2 - fittedM2) }
        }
        #expect(m2Gaps.count >= 150)
        #expect(trustGaps.count == trusts.count)
        // A trust's kinship children come out of the trust's (voluntary) foster children where its
        // connected carers live; taken from the council's own, of which DfE counts next to none, they
        // were placed twice over inside: 11.3 points above the calibration on average, now 4.4.
        let trustMean = trustGaps.reduce(0, +) / Double(trustGaps.count)
        #expect(trustMean < 0.07, "mean as-is minus calibrated M2 of the trusts' councils: \(trustMean)")
        // The children the scenario has no place for where the calibration puts them (outside England,
        // another authority's secure home) stay outside the home authority: shared over every place,
        // inside included, they put the mean 3.2 points above the calibration's.
        let mean = m2Gaps.reduce(0, +) / Double(m2Gaps.count)
        #expect(mean < 0.03, "mean as-is minus calibrated M2: \(mean)")
        #expect(asIs.childrenWithoutPlace == 0)
    }
}

/// The mainstream foster cohort's share of the allocation's own-council foster children, by hand.
@Suite struct MainstreamShareTests {
    @Test func kinshipChildrenAreTakenWhereTheirCarersLive() {
        // Own-council foster children 60 inside, 30 and 10 in two other authorities; 20 kinship
        // children whose council's connected carers have 15 places inside and 5 in the first other
        // authority: kinship takes 15 and 5 there, so the mainstream keeps 45 of 60, 25 of 30, all 10.
        let shares = TodaysCells.mainstreamShares(
            councilFoster: [60, 30, 10], kinshipChildren: 20, kinshipPlaces: [15, 5, 0])
        #expect(zip(shares, [0.75, 25.0 / 30, 1]).allSatisfy { abs($0 - $1) < 1e-12 })
        // Mainstream and kinship together are the allocation's own-council children: 45 + 25 + 10 + 20.
        #expect(abs(zip(shares, [60.0, 30, 10]).reduce(0) { $0 + $1.0 * $1.1 } + 20 - 100) < 1e-9)
        // More kinship children than the destination's own-council children: none left there.
        #expect(
            TodaysCells.mainstreamShares(councilFoster: [10, 40], kinshipChildren: 20, kinshipPlaces: [20, 0]) == [
                0, 1,
            ])
    }

    @Test func aTrustsKinshipChildrenComeOutOfItsVoluntaryFosterChildren() {
        // Two destinations. Own-council foster children 5 and 5, voluntary (the trust's) 20 and 10;
        // 10 kinship children with the trust's connected carers, all 10 places inside: the mainstream
        // keeps 10 of the 20 voluntary inside, all else.
        let codes = AllocationPrior.providerCodes
        let own = ProviderGroup.ownCouncil.rawValue
        let voluntary = ProviderGroup.voluntary.rawValue
        var block = Array(repeating: 0.0, count: 2 * codes)
        block[own] = 5
        block[codes + own] = 5
        block[voluntary] = 20
        block[codes + voluntary] = 10
        var expected = block
        expected[voluntary] = 10
        TodaysCells.leaveKinshipChildren(10, carers: [voluntary: [10, 0]], in: &block)
        #expect(block == expected)
        // Carers of both groups (in-house 6 places, trust's 4, all inside): the 10 children split 6 and 4.
        block = expected
        block[voluntary] = 20
        expected[own] = 0
        expected[voluntary] = 16
        TodaysCells.leaveKinshipChildren(10, carers: [own: [6, 0], voluntary: [4, 0]], in: &block)
        #expect(block == expected)
        // No connected carers: taken from the own-council children everywhere alike (5 of 10: half each).
        block = expected
        block[own] = 5
        TodaysCells.leaveKinshipChildren(5, carers: [:], in: &block)
        #expect(block[own] == 2.5 && block[codes + own] == 2.5 && block[voluntary] == 16)
    }

    @Test func withoutConnectedCarersKinshipIsTakenEverywhereAlike() {
        #expect(
            TodaysCells.mainstreamShares(councilFoster: [60, 40], kinshipChildren: 20, kinshipPlaces: []) == [0.8, 0.8])
        #expect(
            TodaysCells.mainstreamShares(councilFoster: [60, 40], kinshipChildren: 0, kinshipPlaces: [5, 5]) == [1, 1])
    }
}

/// Shocks that take no place displace nobody, and an exit takes no more of today's placements than
/// its owners' places held.
@Suite("Today's placements after shocks, Greater Manchester")
struct ShockedTodayTests {
    static func displaced(_ shock: String) throws -> (displaced: Int, json: [String: Any]) {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("shocks.yaml")
        try "shocks:\n  - \(shock)\n".write(toFile: file, atomically: true, encoding: .utf8)
        let (object, run) = try BuiltTool.placementJSON([
            "compare", Fixtures.scenario("greater-manchester"), "--modes", "regional", "--shocks", file,
        ])
        let root = try #require(object, "\(run.standardError)")
        let asIs = try #require(root["as_is"] as? [String: Any])
        return (try #require(asIs["displaced"] as? Int), root)
    }

    /// Twice the foster children: the rebuilt market had scaled the councils' carers living elsewhere
    /// with the children, moving 687 of today's placements out of the councils' own areas.
    @Test("more children displace no one; they are added")
    func demandIncreaseDisplacesNoOne() throws {
        let (displaced, _) = try Self.displaced("demand_increase: {placement_type: foster, factor: 2}")
        #expect(displaced == 0)
    }

    /// A tenth fewer foster children: nobody is displaced; round(a tenth of the foster children outside
    /// sibling groups) are taken away, and the report says every child left keeps today's placement
    /// (not every child placed today: some of those left).
    @Test("fewer children displace no one; they are taken away, and the report says so")
    func demandFallDisplacesNoOne() throws {
        let scenario = try ScenarioLoader.load(from: Fixtures.scenario("greater-manchester")).scenario
        let foster = scenario.cohorts.filter { $0.placementType == .foster && $0.siblingGroup == nil }
        let fewer = Int((Double(foster.reduce(0) { $0 + $1.count }) * 0.1).rounded())
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("shocks.yaml")
        try "shocks:\n  - demand_change: {placement_type: foster, factor: 0.9}\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let out = directory.file("out")
        let run = try BuiltTool.run(
            "placement",
            ["compare", Fixtures.scenario("greater-manchester"), "--modes", "regional", "--shocks", file, "--out", out])
        #expect(run.status == 0, "\(run.standardError)")
        let report = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(
            report.contains(
                "The shocks took none of today's placements and took away \(NumberText.grouped(fewer)) children (a fall "
                    + "in demand: those waiting for a place leave first, then children from their placements, in "
                    + "proportion, freeing those places). Every child left keeps today's placement."),
            "\(report)")
        #expect(report.contains("foster care children −10.0% (× 0.900)"))
        // simulate's start says the same of the children it starts from.
        let simulated = directory.file("simulated")
        let simulation = try BuiltTool.run(
            "placement",
            [
                "simulate", Fixtures.scenario("greater-manchester"), "--shocks", file, "--to", "2026", "--draws", "1",
                "--out", simulated,
            ])
        #expect(simulation.status == 0, "\(simulation.standardError)")
        let trajectory = try String(contentsOfFile: simulated + "/trajectory.md", encoding: .utf8)
        #expect(
            trajectory.contains(
                "none of today's placements lost its place, \(NumberText.grouped(fewer)) children taken away (a fall "
                    + "in demand: those waiting first, then from their placements, freeing those places); every child "
                    + "left keeps today's placement"))
    }

    /// Three agencies of 86 places each (258) leave: cut anew, the other agencies' carers had moved
    /// between authorities and 292 placements were taken.
    @Test("an agency exit takes at most its places' children")
    func agencyExitTakesOnlyItsChildren() throws {
        let (displaced, _) = try Self.displaced(
            "remove_largest_owners: {sector: private, placement_type: foster, count: 3}")
        #expect(displaced > 0 && displaced <= 258)
    }
}
