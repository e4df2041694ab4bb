import PlacementForecasting
import PlacementScenarios
import TestSupport
import Testing

/// Two authorities, 2021–2023, whose figures follow the stock-and-flow model exactly, so the
/// fitted rates are the generating ones and the 2024 forecast can be worked by hand.
///
/// Authority A (10,000 children): starts each year by band [12, 10, 5, 5, 10]; net exit rates
/// [0, 0.25, 0.1, 1/12, 0.5]; ageing shares [1, 1/4, 1/5, 1/6, 0]. From the 2021 stock
/// [10, 40, 50, 60, 40] (190):
/// - 2022: band 0 = 12 (all under-ones grow up, none leave); band 1 = 40 × (1 − ¼ − ¼) + 10 + 10 = 40;
///   band 2 = 50 × 0.7 + 40 × ¼ + 5 = 50; band 3 = 60 × ¾ + 50 × ⅕ + 5 = 60; band 4 = 40 × ½ + 60 / 6 + 10 = 40.
///   Total 202.
/// - 2023: [12, 40 × ½ + 12 + 10 = 42, 50, 60, 40]: 204.
/// - 2024 projected: [12, 42 × ½ + 12 + 10 = 43, 50 × 0.7 + 42 × ¼ + 5 = 50.5, 60, 40]: 205.5.
/// The product damps the projected change by half: 0.5 × 205.5 + 0.5 × 204 = 204.75.
/// Authority B is A doubled (20,000 children): 409.5. England: 614.25.
/// With 2023's mix of 153 foster and 51 in children's homes (¾, ¼) and no shrinkage or trend, A's
/// 2024 foster forecast is ¾ × 204.75 = 153.5625 and children's homes ¼ × 204.75 = 51.1875.
@Suite("Forecast: a hand-worked two-authority case")
struct HandWorkedForecastTests {
    static func history() -> ForecastHistory {
        let stocks: [Int: [Double]] = [
            2021: [10, 40, 50, 60, 40], 2022: [12, 40, 50, 60, 40], 2023: [12, 42, 50, 60, 40],
        ]
        let starts: [Double] = [12, 10, 5, 5, 10]
        func authority(_ code: String, scale: Double) -> AuthorityHistory {
            var years: [Int: YearFigures] = [:]
            for (year, stock) in stocks {
                let scaled = stock.map { $0 * scale }
                let total = scaled.reduce(0, +)
                years[year] = YearFigures(
                    total: total, stockByAge: scaled, startsByAge: starts.map { $0 * scale },
                    byType: [.foster: total * 0.75, .childrensHome: total * 0.25], uasc: 2 * scale,
                    uascStarts: scale, published: PublishedYear(total: Int(total)))
            }
            return AuthorityHistory(
                code: code, name: code, region: "Somewhere", childPopulation: 10_000 * scale, years: years)
        }
        return ForecastHistory(
            authorities: [authority("A", scale: 1), authority("B", scale: 2)], england: [:], firstYear: 2021,
            lastYear: 2023)
    }

    static var settings: ForecastSettings {
        var settings = ForecastSettings()
        settings.entryPriorChildren = 0
        settings.exitPriorChildren = 0
        settings.sharePriorChildren = 0
        settings.shareTrendWeight = 0
        return settings
    }

    @Test("2024 totals, types and England match the hand-worked figures")
    func handWorked() throws {
        let forecast = DemandForecast.make(Self.history(), origin: 2023, through: 2024, settings: Self.settings)
        let a = try #require(forecast.authorities.first { $0.code == "A" }?.years.first)
        let b = try #require(forecast.authorities.first { $0.code == "B" }?.years.first)
        #expect(a.year == 2024)
        #expect(approximately(try #require(a.series[.total]).interval.forecast, 204.75))
        #expect(approximately(try #require(b.series[.total]).interval.forecast, 409.5))
        #expect(approximately(try #require(a.series[.type(.foster)]).interval.forecast, 153.5625))
        #expect(approximately(try #require(a.series[.type(.childrensHome)]).interval.forecast, 51.1875))
        let england = try #require(forecast.england.years.first?.series[.total])
        #expect(approximately(england.interval.forecast, 614.25))
    }

    @Test("without damping the projection is the stock-and-flow figure, 205.5")
    func undamped() throws {
        var settings = Self.settings
        settings.stockFlowWeight = 1
        let forecast = DemandForecast.make(Self.history(), origin: 2023, through: 2024, settings: settings)
        let a = try #require(forecast.authorities.first?.years.first?.series[.total])
        #expect(approximately(a.interval.forecast, 205.5))
    }

    @Test("intervals contain the forecast and the 95% interval contains the 80% one")
    func nestedIntervals() throws {
        let forecast = DemandForecast.make(Self.history(), origin: 2023, through: 2026, settings: Self.settings)
        for scope in forecast.authorities + [forecast.england] {
            for year in scope.years {
                for (_, figure) in year.series {
                    let interval = figure.interval
                    #expect(interval.lower95 <= interval.lower80 + 1e-9)
                    #expect(interval.lower80 <= interval.forecast + 1e-9)
                    #expect(interval.forecast <= interval.upper80 + 1e-9)
                    #expect(interval.upper80 <= interval.upper95 + 1e-9)
                }
            }
        }
    }
}
