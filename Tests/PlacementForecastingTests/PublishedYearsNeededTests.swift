import Foundation
import PlacementScenarios
import TestSupport
import Testing

@Suite("forecast: the published years the method needs")
struct ForecastYearsNeededTests {
    /// It used to write blank tables and exit 0; `baseline` and `simulate` refuse such data with 64.
    @Test("a header-only stock table is refused (exit 64) and nothing is written")
    func headerOnly() throws {
        let data = try CutOfficialData { _ in false }
        defer { data.remove() }
        try Self.expectNoPublishedYear(in: data.path)
    }

    /// `forecast --data DIR --out …` on tables that publish no year: exit 64, the reason, nothing written.
    static func expectNoPublishedYear(in data: String) throws {
        let out = try TemporaryDirectory()
        defer { out.remove() }
        let run = try BuiltTool.run("placement", ["forecast", "--data", data, "--out", out.file("fc")])
        #expect(run.status == 64, "\(run.standardOutput)")
        // A usage error, framed as `baseline` frames the same tables ("the default --year 2025: no published figures").
        #expect(
            run.standardError.hasPrefix(
                "Error: no published figures in \(data)/dfe_cla_by_la_2021_2025.csv (published there: none); the "
                    + "forecast is fitted on DfE's published years and starts from the last\nUsage: placement forecast "
            ),
            "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out.file("fc")))
    }

    /// On 2025 alone no child ever left: England 97,554 in 2026 rising to 160,704 in 2030.
    @Test("fewer than three years in a row up to the last is refused, naming the years and the files")
    func tooFewYears() throws {
        let data = try CutOfficialData { $0 == 2025 }
        defer { data.remove() }
        let run = try BuiltTool.run("placement", ["forecast", "--data", data.path])
        #expect(run.status == 64)
        #expect(
            run.standardError.hasPrefix(
                "Error: the forecast from 2025 needs DfE's children looked after and starts for 2023 to 2025 (three "
                    + "years in a row: two fit the exit rates, a third measures the one-year errors its intervals "
                    + "come from); published there: children looked after 2025 in "
                    + "\(data.path)/dfe_cla_by_la_2021_2025.csv, flows 2021 to 2025 in "
                    + "\(data.path)/dfe_cla_flows_by_la_2021_2025.csv\nUsage: placement forecast "),
            "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
        // The flows count too: a stock table without its starts fits no entry or exit rate.
        let noFlows = try CutOfficialData(OfficialTables.flowsFile) { _ in false }
        defer { noFlows.remove() }
        let flowless = try BuiltTool.run("placement", ["forecast", "--data", noFlows.path])
        #expect(flowless.status == 64)
        #expect(flowless.standardError.contains("flows none in"), "\(flowless.standardError)")
    }

    /// It used to say "up to 2025", carrying 2022's counts forward as the model's forecast.
    @Test("the forecast starts from the table's real last year and says so")
    func realOrigin() throws {
        let data = try CutOfficialData { $0 <= 2023 }
        defer { data.remove() }
        let run = try BuiltTool.run("placement", ["forecast", "--data", data.path])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("Fitted on the published years 2021 to 2023."))
        #expect(run.standardOutput.contains("| Series | 2024 | 2025 | 2026 |"))
        let json = try BuiltTool.placementJSON(["forecast", "--data", data.path])
        #expect(json.object?["origin"] as? Int == 2023, "\(json.run.standardError)")
        // A backtest needs a published year after it.
        let backtest = try BuiltTool.run("placement", ["forecast", "--data", data.path, "--backtest", "2023"])
        #expect(backtest.status == 64)
        #expect(
            backtest.standardError.contains(
                "--backtest 2023: no published year after it to compare with in \(data.path)/"
                    + "dfe_cla_by_la_2021_2025.csv (published there: 2021 to 2023)"), "\(backtest.standardError)")
        // The horizon counts from the real last year: 15 years from 2023 is 2038, not 2040.
        let far = try BuiltTool.run("placement", ["forecast", "--data", data.path, "--to", "2039"])
        #expect(far.status == 64)
        #expect(
            far.standardError.contains("--to 2039: at most 15 years after the last published year, 2023"),
            "\(far.standardError)")
        #expect(try BuiltTool.run("placement", ["forecast", "--data", data.path, "--to", "2038"]).status == 0)
    }

    /// A year missing before the last run of years read as a year of no children: its one-year
    /// errors widened England's 80% interval for 2026 from ±2,000 to 72,453–91,524.
    @Test("the history starts after a missing year: without 2022, as from 2023–2025 alone")
    func gapYear() throws {
        let gap = try CutOfficialData { $0 != 2022 }
        defer { gap.remove() }
        let run = try CutOfficialData { $0 >= 2023 }
        defer { run.remove() }
        let withGap = try BuiltTool.run("placement", ["forecast", "--data", gap.path, "--format", "csv"])
        let alone = try BuiltTool.run("placement", ["forecast", "--data", run.path, "--format", "csv"])
        #expect(withGap.status == 0 && alone.status == 0, "\(withGap.standardError)\(alone.standardError)")
        #expect(withGap.standardOutput == alone.standardOutput)
        // It says which years it was fitted on, in the backtest too.
        let forecast = try BuiltTool.run("placement", ["forecast", "--data", gap.path])
        #expect(forecast.standardOutput.contains("Fitted on the published years 2023 to 2025."))
        let backtest = try BuiltTool.run("placement", ["forecast", "--data", gap.path, "--backtest", "2024"])
        #expect(backtest.standardOutput.hasPrefix("# Backtest: fitted on 2023–2024, checked against 2025"))
    }

    /// The shipped data: the forecast fitted on 2021–2025 from 2025, as before.
    @Test("the shipped tables forecast from 2025")
    func shipped() throws {
        let json = try BuiltTool.placementJSON(["forecast", "--data", "\(Fixtures.root)/data", "--authority", "Bolton"])
        #expect(json.object?["origin"] as? Int == 2025, "\(json.run.standardError)")
    }
}
