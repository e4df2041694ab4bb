import Foundation
import PlacementCommands
import PlacementForecasting
import PlacementReports
import PlacementScenarios
import ScenarioGeneration
import TestSupport
import Testing

@Suite("The forecast in sufficiency reports")
struct SufficiencyOutlookTests {
    static let data = "\(Fixtures.root)/data"

    @Test("a real authority and co-operative: DfE's published totals, then the forecast with 80% intervals")
    func realScenario() throws {
        let scenario = try ScenarioLoader.load(from: Fixtures.scenario("greater-manchester")).scenario
        let cooperative = try #require(scenario.cooperatives.first)
        let outlooks = SufficiencyOutlooks.make(
            [.authority("E08000003"), .cooperative(cooperative.id.rawValue)], scenario: scenario, data: Self.data)
        guard case .forecast(let manchester) = outlooks[0], case .forecast(let combined) = outlooks[1] else {
            Issue.record("no forecast: \(outlooks)")
            return
        }
        // Manchester's children looked after as DfE published them (the Placement table's total).
        let official = try OfficialData.read(from: Self.data)
        #expect(manchester.fittedYears == 2021...2025)
        #expect(manchester.years.map(\.year) == Array(2021...2030))
        #expect(
            manchester.years.prefix(5).map(\.published)
                == (2021...2025).map { official.cell($0, "E08000003", "Placement", "Total")?.value })
        #expect(manchester.years.prefix(5).map(\.published) == [1371, 1384, 1336, 1302, 1280])
        // The same figures as `placement forecast` gives for Manchester.
        let forecast = DemandForecast.make(try HistoryBuilder.build(official), origin: 2025, through: 2030)
        let own = try #require(forecast.authorities.first { $0.code == "E08000003" })
        for (year, figures) in zip(own.years, manchester.years.suffix(5)) {
            let interval = try #require(year.series[.total]?.interval)
            #expect(figures.year == year.year && figures.published == nil)
            #expect(
                figures.total
                    == .init(forecast: interval.forecast, lower80: interval.lower80, upper80: interval.upper80))
            #expect(interval.lower80 <= interval.forecast && interval.forecast <= interval.upper80)
            #expect(figures.byType[.childrensHome]?.forecast == year.series[.type(.childrensHome)]?.interval.forecast)
        }
        // A co-operative's forecast is its members' forecasts added up.
        let members = Set(cooperative.members.map(\.rawValue))
        let memberSum = forecast.authorities.filter { members.contains($0.code) }.reduce(0.0) {
            $0 + ($1.years.last?.series[.total]?.interval.forecast ?? 0)
        }
        #expect(approximately(try #require(combined.years.last?.total?.forecast), memberSum))
    }

    @Test("a co-operative named by its name, in any case, has the same forecast as by its id")
    func cooperativeByName() throws {
        let scenario = try ScenarioLoader.load(from: Fixtures.scenario("greater-manchester")).scenario
        let cooperative = try #require(scenario.cooperatives.first)
        let outlooks = SufficiencyOutlooks.make(
            [
                .cooperative(cooperative.id.rawValue), .cooperative(cooperative.name),
                .cooperative(cooperative.name.uppercased()),
            ],
            scenario: scenario, data: Self.data)
        let totals = outlooks.map { outlook -> Double? in
            guard case .forecast(let forecast) = outlook else { return nil }
            return forecast.years.last?.total?.forecast
        }
        #expect(totals[0] != nil, "no forecast by id: \(outlooks[0])")
        #expect(totals[1] == totals[0] && totals[2] == totals[0], "\(outlooks)")
    }

    @Test("a synthetic scenario says why there is no forecast")
    func syntheticScenario() throws {
        let scenario = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        let outlooks = SufficiencyOutlooks.make([.authority("T00000001")], scenario: scenario, data: Self.data)
        guard case .unavailable(let reason) = outlooks.first else {
            Issue.record("a forecast for a synthetic authority")
            return
        }
        #expect(reason.contains("DfE publishes no figures for authority T00000001"))
        let missing = SufficiencyOutlooks.make([.authority("T00000001")], scenario: scenario, data: "/nonexistent")
        guard case .unavailable(let reason) = missing.first else {
            Issue.record("a forecast without data")
            return
        }
        #expect(reason.contains("could not be read from /nonexistent"))
    }
}
