import Foundation
import PlacementOptimisation
import PlacementReports
import PlacementScenarios
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Figures in the reports of `tiny` against those worked by hand in its README: the optimal plans,
/// and the published figures weighted by children looked after.
@Suite("Report figures worked by hand")
struct ReportFiguresTests {
    /// A report CSV as rows keyed by header; every table here is free of quoted commas.
    static func rows(_ files: [(name: String, text: String)], _ name: String) throws -> [[String: String]] {
        let text = try #require(files.first { $0.name == name }?.text, "\(name) is missing")
        let lines = text.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    @Test("The headline's published column weights each council's shares by its children looked after")
    func publishedHeadline() throws {
        let rows = try Self.rows(try GoldenFileTests.comparisonFiles(), "report-headline.csv")
        let published = Dictionary(uniqueKeysWithValues: rows.map { ($0["measure"]!, $0["published_2025"]!) })
        #expect(published["Children looked after"] == "25")
        #expect(published["M1: own council's provision"] == "0.570000")
        #expect(published["M2: in area"] == "0.692000")
        #expect(published["Within 20 miles"] == "0.920000")
    }

    @Test("A co-operative's trend: 2024 and 2025 weighted, suppressed figures left out")
    func cooperativeTrend() throws {
        let rows = try Self.rows(
            try GoldenFileTests.sufficiencyFiles(.cooperative("north-south")), "sufficiency-published-trend.csv")
        #expect(rows.map { $0["year"]! } == ["2024", "2025"])
        #expect(rows.map { $0["children_looked_after"]! } == ["23", "25"])
        #expect(rows.map { $0["own_provision_share"]! } == ["0.539130", "0.570000"])
        #expect(rows.map { $0["over_20_miles_share"]! } == ["0.080435", "0.080000"])
    }

    @Test("Northtown's demand, places and out-of-area children under council-coordinated commissioning")
    func northtownSufficiency() throws {
        let files = try GoldenFileTests.sufficiencyFiles(.authority("Northtown"))
        let supply = try Self.rows(files, "sufficiency-demand-and-supply.csv")
        #expect(
            supply.map { [$0["placement_type"]!, $0["children"]!, $0["in_house_places"]!] } == [
                ["Foster care", "3", "2"], ["Children's home", "2", "1"],
            ])
        // C03 fosters with Brightside in Eastbury (25 miles); one of C06 lives at Oak House in Southvale (15).
        let bands = try Self.rows(files, "sufficiency-out-of-area-distance.csv")
        #expect(bands.map { $0["children"]! } == ["0", "1", "1", "0", "0"])
        #expect(bands.map { $0["external"]! } == ["0", "1", "1", "0", "0"])
        let gaps = try Self.rows(files, "sufficiency-gaps.csv")
        #expect(gaps.map { $0["placed_out_of_area"]! } == ["1", "1"])
        #expect(gaps.map { $0["placed_over_20_miles"]! } == ["1.0", "0.0"])
    }

    @Test("Council to regional: Northtown and Southvale gain, Eastbury loses (a child left unplaced outweighs M2)")
    func gainersAndLosers() throws {
        let rows = try Self.rows(try GoldenFileTests.comparisonFiles(), "report-gainers-and-losers.csv")
        #expect(rows.map { $0["verdict"]! } == ["gains", "gains", "loses"])
        // Eastbury: its home-place child (C09) now stays unplaced, its foster children come home:
        // M2 rises, but of the children placed.
        #expect(rows[2]["unplaced_change"] == "1")
        #expect(rows[2]["m2_change"] == "0.250000")
    }

    @Test(
        "Every HTML report is well-formed XML with inline SVG and no external asset",
        arguments: ["tiny", "greater-manchester"])
    func wellFormedHTML(scenarioName: String) throws {
        let scenario = try ScenarioLoader.load(from: Fixtures.scenario(scenarioName)).scenario
        let results = try CommissioningMode.allCases.map { try PlacementOptimiser.solve(scenario, mode: $0) }
        let comparison = HTMLReport.render(ComparisonReport(results, scenario: scenario).document)
        let context = SufficiencyReport.Context(results[1], authorities: [scenario.authorities[0].id])
        let sufficiency = HTMLReport.render(
            try SufficiencyReport(.authority(scenario.authorities[0].id.rawValue), context: context).document)
        #expect(!Self.isWellFormed("<p><b>unclosed</p>"), "the check can fail")
        for html in [comparison, sufficiency] {
            #expect(Self.isWellFormed(html))
            #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(!html.contains("src=") && !html.contains("<link") && !html.contains("<script"))
        }
    }

    /// Whether `text` parses as XML: on Linux, `parse()` can return true and still record an error.
    static func isWellFormed(_ text: String) -> Bool {
        let parser = XMLParser(data: Data(text.utf8))
        return parser.parse() && parser.parserError == nil
    }
}
