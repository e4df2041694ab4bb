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

    /// The sentence on the most valuable place: where every place of its type costs what the new one
    /// would, none of the shadow price is money (a place moves children only within its type), and it
    /// says so; where prices differ, pounds paid are part of it. Two trials read "would save £2,558 a
    /// week" as money where every children's home cost £6,100.
    @Test("the most valuable place's saving is said to be no money where prices are alike")
    func shadowPriceNoMoney() throws {
        let value = InHousePlaceValue(
            authority: "T00000001", placementType: .foster, weeklySaving: 250, weeklyPrice: 600,
            priceSource: .inHouseMedian, existingPlaces: 3, placesUnplacedChild: false, netWeeklySaving: nil)
        let names: [AuthorityCode: String] = ["T00000001": "Northtown"]
        let alike = PlaceValueTable.sentence(value, names: names, mode: "regional", scenario: try Self.alike())
        #expect(
            alike.hasSuffix(
                "£250 a week as the policy weighs distance (its cost per mile), placements out of area and councils' "
                    + "own places, none of it money: every foster care place in the scenario costs £600 a week, as the "
                    + "new one would."), "\(alike)")
        let tiny = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        let differ = PlaceValueTable.sentence(value, names: names, mode: "regional", scenario: tiny)
        #expect(differ.contains("(pounds paid are part of it"))
        #expect(!differ.contains("none of it money"))
        // Alike, but the new place priced apart: its price difference is money.
        var dearer = value
        dearer.weeklyPrice = 700
        let apart = PlaceValueTable.sentence(dearer, names: names, mode: "regional", scenario: try Self.alike())
        #expect(apart.contains("(pounds paid are part of it"))
    }
}
