import PlacementScenarios
import TestSupport
import Testing

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
}
