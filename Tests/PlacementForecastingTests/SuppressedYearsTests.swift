import Foundation
import PlacementScenarios
import ScenarioGeneration
import TestSupport
import Testing

/// A small data folder in the layout of `Fixtures/data`: the shipped authority list, an empty
/// register, and stock and flows tables for Hartlepool and Middlesbrough in 2021–2025 whose
/// `number` is published in the years `stockPublished` and `flowsPublished` and `c` (suppressed) in
/// the others.
private struct SuppressedData {
    let directory: TemporaryDirectory
    var path: String { directory.path }

    init(stockPublished: ClosedRange<Int>?, flowsPublished: ClosedRange<Int>?) throws {
        directory = try TemporaryDirectory()
        try FileManager.default.copyItem(
            atPath: "\(Fixtures.root)/data/\(OfficialTables.authoritiesFile)",
            toPath: directory.file(OfficialTables.authoritiesFile))
        try "urn,provision_type,registration_status,la_code,sector,places,short_break_only,owner,overall_rating\n"
            .write(toFile: directory.file("ofsted_providers_2025.csv"), atomically: true, encoding: .utf8)
        let header = "year,geographic_level,region_name,la_code,la_name,group,characteristic,number"
        for (file, group, published) in [
            (OfficialTables.lookedAfterFile, "Age group", stockPublished),
            (OfficialTables.flowsFile, "Started during the year: age on starting", flowsPublished),
        ] {
            var rows = [header]
            for year in 2021...2025 {
                for (code, name) in [("E06000001", "Hartlepool"), ("E06000002", "Middlesbrough")] {
                    let number = published?.contains(year) == true ? "40" : "c"
                    rows.append("\(year),Local authority,North East,\(code),\(name),\(group),Total,\(number)")
                }
            }
            try (rows.joined(separator: "\n") + "\n").write(
                toFile: directory.file(file), atomically: true, encoding: .utf8)
        }
    }

    func remove() { directory.remove() }
}

@Suite("forecast: a year of suppressed figures alone is not a published year")
struct SuppressedYearsTests {
    /// It used to print a forecast of blank cells, "fitted on the published years 2021 to 2025", and exit 0.
    @Test("a stock table whose every figure is suppressed is refused as publishing no year (exit 64)")
    func everyFigureSuppressed() throws {
        let data = try SuppressedData(stockPublished: nil, flowsPublished: nil)
        defer { data.remove() }
        try ForecastYearsNeededTests.expectNoPublishedYear(in: data.path)
    }

    @Test("a flows year whose every figure is suppressed does not count towards the three years in a row")
    func suppressedFlowsYear() throws {
        let data = try SuppressedData(stockPublished: 2021...2025, flowsPublished: 2021...2024)
        defer { data.remove() }
        let run = try BuiltTool.run("placement", ["forecast", "--data", data.path, "--format", "json"])
        #expect(run.status == 64, "\(run.standardOutput)")
        #expect(
            run.standardError.contains(
                "published there: children looked after 2021 to 2025 in \(data.path)/dfe_cla_by_la_2021_2025.csv, "
                    + "flows 2021 to 2024 in \(data.path)/dfe_cla_flows_by_la_2021_2025.csv"), "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }

    @Test("the years read are those with a published figure; a suppressed last year is not the origin")
    func publishedYearsRead() throws {
        let data = try SuppressedData(stockPublished: 2021...2024, flowsPublished: 2021...2025)
        defer { data.remove() }
        let official = try OfficialData.read(from: data.path)
        #expect(official.stockYears == [2021, 2022, 2023, 2024])
        #expect(official.flowYears == [2021, 2022, 2023, 2024, 2025])
    }
}
