import PlacementScenarios
import TestSupport
import Testing

@testable import PlacementOptimisation
@testable import PlacementReports

/// The note on a scenario priced alike by sector: said as the files price it, and, beside a shock that
/// changes prices, with that exception (the trial: "an exit costs nothing" beside private prices × 1.1).
@Suite("The note on prices alike by sector")
struct PriceNotesTests {
    /// tiny with every foster place at £600, whatever its sector.
    static func alike() throws -> Scenario {
        var scenario = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        for index in scenario.providers.indices where scenario.providers[index].offers[.foster] != nil {
            scenario.providers[index].offers[.foster]?.weeklyPrice = 600
        }
        return scenario
    }

    @Test("said where a type's prices are alike across sectors, and not where they differ")
    func saidWhereAlike() throws {
        let note = try #require(PriceNotes.uniformAcrossSectors(try Self.alike()))
        #expect(note.hasPrefix("In this scenario every provider of foster care charges the same a week"))
        #expect(!note.contains("price changes among the shocks"))
        let tiny = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        #expect(PriceNotes.uniformAcrossSectors(tiny) == nil)
    }

    @Test("beside a shock that changes prices, the exception is said")
    func exceptionForPriceShocks() throws {
        let note = try #require(PriceNotes.uniformAcrossSectors(try Self.alike(), shocksChangePrices: true))
        #expect(note.contains("(only the shocks that change some providers' prices set them apart)"))
    }

    /// The sentence on the most valuable place: where every place of its type in the solved market
    /// costs what the new one would, none of the shadow price is money (a place moves children only
    /// within its type), and it says so; otherwise pounds paid are part of it. Two trials read "would
    /// save £2,558 a week" as money where every children's home cost £6,100.
    @Test("the most valuable place's saving is said to be no money where prices are alike")
    func shadowPriceNoMoney() throws {
        var value = InHousePlaceValue(
            authority: "T00000001", placementType: .foster, weeklySaving: 250, weeklyPrice: 600,
            priceSource: .inHouseMedian, existingPlaces: 3, placesUnplacedChild: false, netWeeklySaving: nil,
            pricedLikeEveryPlace: true)
        let names: [AuthorityCode: String] = ["T00000001": "Northtown"]
        let alike = PlaceValueTable.sentence(value, names: names, mode: "regional")
        #expect(
            alike.hasSuffix(
                "£250 a week as the policy weighs distance (its cost per mile), placements out of area and councils' "
                    + "own places, none of it money: every foster care place in the scenario costs £600 a week, as the "
                    + "new one would."), "\(alike)")
        value.pricedLikeEveryPlace = false
        let differ = PlaceValueTable.sentence(value, names: names, mode: "regional")
        #expect(differ.contains("(pounds paid are part of it"))
        #expect(!differ.contains("none of it money"))
    }

    /// The flag is the solved market's: tiny's foster places differ by sector, so no place is priced
    /// like every other; with every foster place at £600, an in-house one is.
    @Test("a place is priced like every place of its type only where the solved market's prices are alike")
    func pricedLikeEveryPlaceFromTheSolvedMarket() throws {
        let tiny = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        func foster(_ scenario: Scenario) throws -> [InHousePlaceValue] {
            let solved = try PlacementOptimiser.solve(scenario, mode: .regional)
            return InHousePlaceValuation.values(of: solved, authorities: scenario.authorities.map(\.id))
                .filter { $0.placementType == .foster }
        }
        #expect(try foster(tiny).allSatisfy { !$0.pricedLikeEveryPlace })
        let alike = try foster(try Self.alike())
        #expect(!alike.isEmpty && alike.allSatisfy(\.pricedLikeEveryPlace))
    }
}
