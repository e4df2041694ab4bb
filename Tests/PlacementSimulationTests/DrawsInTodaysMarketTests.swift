import PlacementOptimisation
import PlacementScenarios
import PlacementShocks
import TestSupport
import Testing

@testable import PlacementSimulation

/// Draws and stress tests solve today's market, rebuilt after each draw's shocks. On the hand-worked
/// region of ``TodaysMarketHandWorkedTests`` (4 of A's children; HA 2 places free of 5, HB 1 of 1,
/// 1 place beyond the boundary at 40 miles):
///
/// - no shock: every child placed, 2 of 4 in area, mean miles (2 + 2 + 10 + 40) / 4 = 13.5;
/// - HB's owner leaves: HA's 2 free places and the place beyond are left, so 3 placed, 1 unplaced,
///   2 of 3 in area, mean (2 + 2 + 40) / 3 miles (every place empty, HA's 5 places would take all 4);
/// - 2 more children in A: the place beyond the boundary is the one A's children use today, and
///   the market there does not grow with them (it had: 1 × 6 / 4 = 1.5, so 2, and 5 placed); with
///   HA's 2 and HB's 1, 4 of 6 placed, 2 unplaced (every place empty, all 6).
@Suite struct DrawsInTodaysMarketTests {
    static var scenario: Scenario {
        var scenario = TodaysMarketHandWorkedTests.scenario
        scenario.providers[1].owner = "B Homes"
        return scenario
    }

    /// Every mode's total in one draw of `scenario`, in `market` rebuilt after the shock, or every place empty.
    static func total(_ shock: Shock?, market: TodaysMarket?, in scenario: Scenario = scenario) throws
        -> [ScopeMetrics]
    {
        var shocks: ShockFile?
        if let shock { shocks = ShockFile(shocks: [LocatedShock(shock, file: "shocks.yaml", line: 1)]) }
        var inMarket: (@Sendable (Scenario) -> Scenario)?
        if let market {
            inMarket = { drawn in market.rebuilt(for: drawn).applied(to: drawn) }
        }
        let results = try DrawRunner.run(
            scenario, shocks: shocks, modes: CommissioningMode.allCases, draws: 1, seed: 1,
            options: OptimiserOptions(), threads: 1, market: inMarket)
        return results.metrics.map { $0[0].total }
    }

    static let exit = Shock.removeOwners(["B Homes"])
    static let twoMore = Shock.demandChange(
        .init(placementType: .childrensHome, authorities: ["A"], uasc: nil, amount: .children(2)))

    @Test func withoutShocksEachDrawIsTodaysMarketAsWorkedByHand() throws {
        for total in try Self.total(nil, market: TodaysMarketHandWorkedTests.market) {
            #expect(total.placed == 4 && total.unplaced == 0)
            #expect(approximately(total.m2InAreaShare ?? -1, 0.5))
            #expect(approximately(total.meanDistanceMiles ?? -1, 13.5))
        }
    }

    @Test func anExitStrikesTodaysFreePlaces() throws {
        for total in try Self.total(Self.exit, market: TodaysMarketHandWorkedTests.market) {
            #expect(total.placed == 3 && total.unplaced == 1)
            #expect(approximately(total.m2InAreaShare ?? -1, 2.0 / 3))
            #expect(approximately(total.meanDistanceMiles ?? -1, 44.0 / 3))
        }
        for total in try Self.total(Self.exit, market: nil) {
            #expect(total.placed == 4 && total.unplaced == 0)
        }
    }

    @Test func theMarketIsRebuiltAfterTheShocksAndDoesNotGrowBeyondTheBoundary() throws {
        for total in try Self.total(Self.twoMore, market: TodaysMarketHandWorkedTests.market) {
            #expect(total.children == 6)
            #expect(total.placed == 4 && total.unplaced == 2)
        }
        for total in try Self.total(Self.twoMore, market: nil) {
            #expect(total.placed == 6 && total.unplaced == 0)
        }
    }

    /// Two homes in A with 5 registered places each (4 usable at occupancy 0.80), 4 children from
    /// outside in A's private homes (2 in each, 2 places free in each) and 4 of A's children; 1 place
    /// beyond the boundary. Every child is placed, all in area. When the first home's owner leaves,
    /// its 2 children from outside take the second home's free places: 0 free there, so 1 of A's
    /// children goes beyond the boundary and 3 are unplaced.
    @Test func childrenFromOutsideWhoseProviderLeftTakeTheRemainingPlacesFirst() throws {
        let a = TodaysMarketHandWorkedTests.a
        var scenario = TodaysMarketHandWorkedTests.scenario
        scenario.providers = ["Oak", "Elm"].map { owner in
            Provider(
                id: ProviderID(rawValue: owner), name: owner, sector: .private, owner: owner, authority: a,
                offers: [.childrensHome: .init(places: 5, weeklyPrice: 4_000)])
        }
        var assumptions = MarketAssumptions()
        assumptions.calibration.occupancy.value = 0.80
        let occupancy = TodaysMarket.Occupancy(
            childrenFromOutside: [a: [.homes: [.private: 4]]], childrenBeyondBoundary: [.homes: [.over20Miles: 1]],
            children: [.homes: 4])
        let market = TodaysMarket(scenario, year: 2025, places: [:], occupancy: occupancy, assumptions: assumptions)
        #expect(market.slots.values.map(\.free) == [2, 2])
        for total in try Self.total(nil, market: market, in: scenario) {
            #expect(total.placed == 4 && total.unplaced == 0)
            #expect(total.m2InAreaShare == 1)
        }
        for total in try Self.total(.removeOwners(["Oak"]), market: market, in: scenario) {
            #expect(total.placed == 1 && total.unplaced == 3)
            #expect(total.m2InAreaShare == 0)
        }
    }

    /// The hand-worked region with voluntary homes (HA 2 places free, HB 1) and 2 places beyond the
    /// boundary at 40 miles that A's children use today. No shock: 2 in HA, 1 in HB, 1 beyond; every
    /// child placed, a place beyond spare. Every private children's-home place closing strikes none
    /// of the region's but the places beyond, the same national market: with all of them private,
    /// none is left and 1 child is unplaced (before closures reached the market beyond, all 4 were
    /// placed); with half of them held by voluntary providers, 2 × 1/2 = 1 is left and every child is
    /// placed, at (2 + 2 + 10 + 40) / 4 miles.
    @Test func aShareClosingAtRandomClosesTheSameShareOfTheMarketBeyondTheBoundary() throws {
        let a = TodaysMarketHandWorkedTests.a
        var scenario = TodaysMarketHandWorkedTests.scenario
        for index in scenario.providers.indices { scenario.providers[index].sector = .voluntary }
        var assumptions = MarketAssumptions()
        assumptions.calibration.occupancy.value = 0.80
        func market(beyond sectors: [Sector?: Double]) -> TodaysMarket {
            var occupancy = TodaysMarket.Occupancy(
                childrenFromOutside: [a: [.homes: [.voluntary: 2]]],
                childrenBeyondBoundary: [.homes: [.over20Miles: 2]],
                children: [.homes: 4])
            occupancy.sectorsBeyondBoundary = [.homes: sectors]
            return TodaysMarket(scenario, year: 2025, places: [:], occupancy: occupancy, assumptions: assumptions)
        }
        let closing = Shock.removeShare(sector: .private, placementType: .childrensHome, share: 1)
        let allPrivate = market(beyond: [.private: 2])
        #expect(allPrivate.beyondBoundary.map(\.places) == [2])
        for total in try Self.total(nil, market: allPrivate, in: scenario) {
            #expect(total.placed == 4 && total.unplaced == 0)
        }
        for total in try Self.total(closing, market: allPrivate, in: scenario) {
            #expect(total.placed == 3 && total.unplaced == 1)
        }
        for total in try Self.total(closing, market: market(beyond: [.private: 1, .voluntary: 1]), in: scenario) {
            #expect(total.placed == 4 && total.unplaced == 0)
            #expect(approximately(total.meanDistanceMiles ?? -1, 54.0 / 4))
        }
    }
}
