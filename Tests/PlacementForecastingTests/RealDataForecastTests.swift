import Foundation
import PlacementScenarios
import ScenarioGeneration
import TestSupport
import Testing

@testable import PlacementForecasting

@Suite("Forecast: the published 2021–2025 figures")
struct RealDataForecastTests {
    static let history: ForecastHistory? = try? HistoryBuilder.build(OfficialData.read(from: "\(Fixtures.root)/data"))

    /// Cumberland's 2021 total, worked outside the code (Python over the CSV files): North West's
    /// published 15,240 less its 22 other authorities' published totals leaves 733 for Cumbria,
    /// shared by children aged 0–17, 52,489 / (52,489 + 39,153): 419.834.
    @Test("a successor authority's early years are its share of the retired county")
    func retiredCounty() throws {
        let history = try #require(Self.history)
        let cumberland = try #require(history.authorities.first { $0.code == "E06000063" })
        #expect(approximately(try #require(cumberland.years[2021]?.total), 419.834, tolerance: 1e-5))
        #expect(cumberland.years[2021]?.published.total == nil)
        #expect(cumberland.years[2024]?.total == 482)
    }

    /// A council's forecast of no children in a type had an upper 95% bound of 97 five years ahead
    /// (Rutland's other placements, 32 children in all), a co-operative of such councils 1,418.8.
    @Test("no part outnumbers the whole, and a small count's interval stays small five years ahead")
    func smallCounts() throws {
        let history = try #require(Self.history)
        let forecast = DemandForecast.make(history, origin: 2025, through: 2030)
        for scope in forecast.authorities + [forecast.england] {
            for year in scope.years {
                let total = try #require(year.series[.total]?.interval)
                for (series, value) in year.series where series != .total {
                    #expect(value.interval.upper95 <= total.upper95, "\(scope.name) \(year.year) \(series.key)")
                    #expect(value.interval.forecast <= total.forecast, "\(scope.name) \(year.year) \(series.key)")
                }
            }
        }
        let rutland = try #require(forecast.authorities.first { $0.code == "E06000017" }?.years.last)
        #expect(try #require(rutland.series[.type(.other)]?.interval.upper95) < 60)
        let zeros = forecast.authorities.filter {
            ($0.years.last?.series[ForecastSeries.type(.residentialSchool)]?.interval.forecast ?? 1) < 0.5
        }
        #expect(zeros.count >= 10)
        let cooperative = forecast.sum(
            code: "zeros", name: "ten with none", members: Array(zeros.prefix(10)), england: false,
            published: { _, _ in nil })
        #expect(
            try #require(cooperative.years.last?.series[ForecastSeries.type(.residentialSchool)]?.interval.upper95) < 20
        )
    }

    /// The City of London's 2025 total is suppressed: a sum of every authority's would drop the year
    /// from England's chart, which draws England's published totals instead.
    @Test("England's chart draws every published year")
    func englandChart() throws {
        let history = try #require(Self.history)
        let forecast = DemandForecast.make(history, origin: 2025, through: 2026)
        let drawn = history.chartTotals(of: forecast.england, years: 2021...2025)
        #expect(drawn.map(\.year) == Array(2021...2025))
        #expect(drawn.last?.value == 81_770)
        // A co-operative's sum counts the City of London's nearest year (2024) in 2025, so its chart
        // keeps the year too (it had gone from 2024 straight to the forecast).
        let city = try #require(history.authorities.first { $0.code == "E09000001" })
        #expect(city.years[2025]?.total == nil)
        let cityTotal = try #require(city.years[2024]?.total)
        let westminster = try #require(history.authorities.first { $0.code == "E09000033" }?.years[2025]?.total)
        let pair = history.totals(of: ["E09000001", "E09000033"], years: 2021...2025)
        #expect(pair.map(\.year) == Array(2021...2025))
        #expect(pair.last?.value == cityTotal + westminster)
    }

    @Test("the same seed gives the same forecast; another seed moves only the intervals")
    func deterministic() throws {
        let history = try #require(Self.history)
        var settings = ForecastSettings()
        settings.draws = 500
        let first = ForecastOutput.json(Backtest.run(history, origin: 2023, settings: settings).forecast)
        let second = ForecastOutput.json(Backtest.run(history, origin: 2023, settings: settings).forecast)
        #expect(first == second)
        settings.seed = 2
        let other = Backtest.run(history, origin: 2023, settings: settings).forecast
        #expect(ForecastOutput.json(other) != first)
        let original = Backtest.run(history, origin: 2023, settings: ForecastSettings()).forecast
        #expect(
            other.england.years[0].series[.total]?.interval.forecast
                == original.england.years[0].series[.total]?.interval.forecast)
    }

    @Test("a scenario's co-operatives are in the JSON, each the sum of its members; none without a scenario")
    func cooperativesInJSON() throws {
        let history = try #require(Self.history)
        var settings = ForecastSettings()
        settings.draws = 200
        let forecast = Backtest.run(history, origin: 2023, settings: settings).forecast
        let members: [AuthorityCode] = ["E08000001", "E08000003"]
        let pair = Cooperative(id: "pair", name: "Bolton and Manchester", members: members)
        let text = ForecastOutput.json(forecast, cooperatives: [forecast.cooperative(pair)])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let cooperative = try #require((root["cooperatives"] as? [[String: Any]])?.first)
        #expect(cooperative["name"] as? String == "Bolton and Manchester")
        func total2024(_ scope: [String: Any]?) -> Double? {
            ((scope?["years"] as? [[String: Any]])?.first?["total"] as? [String: Any])?["forecast"] as? Double
        }
        let authorities = try #require(root["authorities"] as? [[String: Any]])
        let sum = try members.map { code in
            try #require(total2024(authorities.first { $0["code"] as? String == code.rawValue }))
        }.reduce(0, +)
        #expect(abs(try #require(total2024(cooperative)) - sum) <= 0.1)
        let without = try JSONSerialization.jsonObject(with: Data(ForecastOutput.json(forecast).utf8)) as? [String: Any]
        #expect(without?["cooperatives"] == nil)
    }

    @Test("the backtest JSON has the shape checks read")
    func jsonShape() throws {
        let history = try #require(Self.history)
        var settings = ForecastSettings()
        settings.draws = 500
        let text = ForecastOutput.json(Backtest.run(history, origin: 2023, settings: settings).forecast)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let authorities = try #require(root["authorities"] as? [[String: Any]])
        #expect(authorities.count == 153)
        #expect(root["england"] is [String: Any])
        let city = try #require(authorities.first { $0["code"] as? String == "E09000001" })
        let years = try #require(city["years"] as? [[String: Any]])
        #expect(years.map { $0["year"] as? Int } == [2024, 2025])
        let total2025 = try #require(years[1]["total"] as? [String: Any])
        for key in ["forecast", "lower80", "upper80", "lower95", "upper95", "published"] {
            #expect(total2025.keys.contains(key), "total lacks \(key)")
        }
        // The City of London's 2025 total is suppressed (`c`): published is null, not zero.
        #expect(total2025["published"] is NSNull)
        let byType = try #require(years[0]["by_type"] as? [String: Any])
        #expect(Set(byType.keys) == Set(ForecastCategories.types.map(\.rawValue)))
        let manchester = try #require(authorities.first { $0["code"] as? String == "E08000003" })
        let total2024 = try #require((manchester["years"] as? [[String: Any]])?.first?["total"] as? [String: Any])
        #expect(total2024["published"] as? Int == 1_302)
    }

    @Test("the Markdown groups thousands, forecast, interval and published figure alike")
    func markdownGroupsThousands() throws {
        let history = try #require(Self.history)
        var settings = ForecastSettings()
        settings.draws = 500
        let backtest = Backtest.run(history, origin: 2023, settings: settings)
        let manchester = backtest.forecast.authorities.filter { $0.code == "E08000003" }
        for markdown in [
            ForecastOutput.markdown(backtest.forecast, authorities: manchester),
            BacktestOutput.markdown(backtest),
        ] {
            // England's children, over 80,000, and Manchester's 1,302 of 2024: never four digits in a
            // row without a separator (years and GSS codes aside).
            let figures = markdown.replacingOccurrences(
                of: "\\b(20[0-9]{2}|E[0-9]{8})\\b", with: "", options: .regularExpression)
            #expect(figures.range(of: "[0-9]{4}", options: .regularExpression) == nil)
        }
        #expect(ForecastOutput.markdown(backtest.forecast, authorities: manchester).contains("[1,302]"))
    }
}

@Suite("forecast --authority")
struct ForecastAuthorityTests {
    @Test("one authority by name, with the co-operative it belongs to; a misspelt name is a usage error")
    func oneAuthority() throws {
        let (object, run) = try BuiltTool.placementJSON([
            "forecast", Fixtures.scenario("greater-manchester"), "--data", "\(Fixtures.root)/data", "--authority",
            "bolton", "--format", "json",
        ])
        let root = try #require(object, "\(run.standardError)")
        #expect((root["authorities"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["E08000001"])
        #expect(
            (root["cooperatives"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Greater Manchester"])
        let misspelt = try BuiltTool.run(
            "placement", ["forecast", "--data", "\(Fixtures.root)/data", "--authority", "Manchster"])
        #expect(misspelt.status == 64)
        #expect(misspelt.standardError.contains("did you mean Manchester (E08000003)?"))
        #expect(misspelt.standardOutput.isEmpty)
    }

    /// A council lead's own forecast by placement type, as England's is: it gave only the total.
    @Test("--authority in Markdown has the authority's forecast by series, as England's")
    func oneAuthorityBySeries() throws {
        let run = try BuiltTool.run(
            "placement", ["forecast", "--data", "\(Fixtures.root)/data", "--authority", "Bolton", "--to", "2027"])
        #expect(run.status == 0, "\(run.standardError)")
        let section = try #require(run.standardOutput.components(separatedBy: "## Bolton (E08000001)\n").last)
            .components(separatedBy: "\n## ")[0]
        // Foster care and children's homes say what they gather, beside the scenario's types of the same name.
        for label in [
            "All children looked after", "Foster care (kinship included)", "Children's home (secure included)",
            "Supported accommodation",
        ] {
            #expect(section.contains("| \(label) | "), "\(label)")
        }
    }

    /// A scenario whose authorities are not DfE's (`tiny`) has England's forecast alone, and says
    /// why; before, its co-operative was a row of blanks, without a word.
    @Test("a scenario of authorities DfE does not publish: England alone, a warning, no blank co-operative")
    func syntheticScenario() throws {
        let (object, run) = try BuiltTool.placementJSON([
            "forecast", Fixtures.scenario("tiny"), "--data", "\(Fixtures.root)/data", "--to", "2027", "--format",
            "json",
        ])
        let root = try #require(object, "\(run.standardError)")
        #expect((root["authorities"] as? [[String: Any]])?.isEmpty == true)
        #expect(((root["cooperatives"] as? [Any]) ?? []).isEmpty)
        #expect(root["england"] != nil)
        #expect(
            run.standardError.contains(
                "tiny: warning: 3 of its 3 authorities (Northtown, Southvale, Eastbury) are not in DfE's tables"),
            "\(run.standardError)")
        #expect(run.standardError.contains("England's forecast is shown alone"))
    }
}

@Suite("forecast --cooperative")
struct ForecastCooperativeTests {
    /// An RCC analyst asked for Greater Manchester with `--authority` and was told there is no such
    /// authority; the co-operative's forecast by series was in the CSV and JSON alone.
    @Test("one co-operative: its members and its total, by series in Markdown; named as one under --authority")
    func oneCooperative() throws {
        let scenario = Fixtures.scenario("south-east")
        let (object, run) = try BuiltTool.placementJSON([
            "forecast", scenario, "--data", "\(Fixtures.root)/data", "--cooperative", "Home and Future", "--format",
            "json",
        ])
        let root = try #require(object, "\(run.standardError)")
        #expect((root["cooperatives"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["home-and-future"])
        let members = try String(contentsOfFile: scenario + "/cooperatives.csv", encoding: .utf8)
            .split(separator: "\n").dropFirst().filter { $0.hasPrefix("home-and-future,") }.count
        #expect((root["authorities"] as? [[String: Any]])?.count == members)
        let markdown = try BuiltTool.run(
            "placement", ["forecast", scenario, "--data", "\(Fixtures.root)/data", "--cooperative", "home-and-future"])
        #expect(markdown.status == 0, "\(markdown.standardError)")
        #expect(markdown.standardOutput.contains("## Home and Future (South East) (home-and-future)\n\n| Series |"))
        let asAuthority = try BuiltTool.run(
            "placement",
            ["forecast", Fixtures.scenario("greater-manchester"), "--authority", "Greater Manchester"])
        #expect(asAuthority.status == 64)
        #expect(
            asAuthority.standardError.contains(
                "'Greater Manchester' is a co-operative, not an authority; give --cooperative greater-manchester"))
        #expect(asAuthority.standardOutput.isEmpty)
        let both = try BuiltTool.run(
            "placement", ["forecast", scenario, "--cooperative", "home-and-future", "--authority", "Reading"])
        #expect(both.status == 64)
        #expect(try BuiltTool.run("placement", ["forecast", "--cooperative", "x"]).status == 64)
    }
}
