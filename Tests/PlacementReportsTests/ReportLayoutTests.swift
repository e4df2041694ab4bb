import Foundation
import PlacementScenarios
import TestSupport
import Testing

@testable import PlacementOptimisation
@testable import PlacementReports

/// How reports read on screen and on paper: maps with boundaries fitted to their scope, charts that
/// show what differs on 1-2-5 ticks, the director's summary first, tables that fit the page, and the
/// sufficiency report in a statement's order.
@Suite("Report layout, charts and maps")
struct ReportLayoutTests {
    static let england = try! ScenarioLoader.load(from: Fixtures.scenario("england-2025")).scenario

    /// Every match of `pattern`'s first group in `text`.
    static func matches(_ pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// The numbers under a bar chart's axis (tick labels are the only grey text ending a line of the axis).
    static func tickLabels(_ svg: String) -> [String] {
        matches("text-anchor=\"middle\" fill=\"#52606d\">([^<]*)</text>", in: svg)
    }

    // MARK: Ticks

    @Test(
        "Axis ticks step by 1, 2 or 5 times a power of ten",
        arguments: [
            // (largest value, step, axis end): worked by hand from at most five steps.
            (3.8, 1.0, 4.0), (1.0, 0.2, 1.0), (37.0, 10.0, 40.0), (1234.0, 500.0, 1500.0), (0.07, 0.02, 0.08),
            (250.0, 50.0, 250.0),
        ])
    func ticks(largest: Double, step: Double, top: Double) {
        let ticks = AxisTicks(covering: largest)
        #expect(abs(ticks.step - step) < 1e-12 * step)
        #expect(abs(ticks.top - top) < 1e-12 * top)
        #expect(ticks.values.count <= 6)
    }

    @Test("A bar chart of miles up to 3.8 is ticked 0, 1, 2, 3, 4 (not 1.2, 2.5, 3.8)")
    func barChartTicks() {
        let chart = GroupedBarChart(
            title: "Mean distance", categories: ["A", "B"],
            series: [.init(name: "council", colour: "#000000", values: [3.8, 1.1])], style: .miles, axisMaximum: nil)
        #expect(Self.tickLabels(chart.svg) == ["0.0", "1.0", "2.0", "3.0", "4.0"])
    }

    /// The comparison's six keys (published, as-is and four modes) from the labels' edge ran 52 points
    /// past the chart's right edge ("national" was cut off): the row moves left to fit.
    @Test("A legend of six keys stays inside the chart")
    func legendFits() {
        let names = ["published 2025", "as-is", "council", "council-coordinated", "regional", "national"]
        let chart = GroupedBarChart(
            title: "M2", categories: ["Bolton"],
            series: names.map { ChartSeries(name: $0, colour: "#000000", values: [0.5]) }, style: .share,
            axisMaximum: 1)
        let lefts = Self.matches("<g transform=\"translate\\(([0-9.]+),6.0\\)\">", in: chart.svg).compactMap(
            Double.init)
        #expect(lefts.count == names.count)
        // The last key: swatch and gap (18), then its text at about 6.6 points a letter.
        let right = (lefts.last ?? 0) + 18 + Double("national".count) * 6.6
        #expect(right <= 720, "\(lefts)")
        #expect((lefts.first ?? 0) >= 6)
    }

    // MARK: Bars that differ

    @Test("Five series where four agree draw two bars, the others named by squares after the shared one")
    func equalSeriesShareABar() {
        let colours = ["#000001", "#000002", "#000003", "#000004", "#000005"]
        let chart = GroupedBarChart(
            title: "M2", categories: ["Bolton"],
            series: colours.enumerated().map { index, colour in
                ChartSeries(name: "mode \(index)", colour: colour, values: [index == 4 ? 0.7 : 0.5])
            }, style: .share, axisMaximum: 1)
        #expect(chart.bars(of: 0) == [.init(value: 0.5, series: [0, 1, 2, 3]), .init(value: 0.7, series: [4])])
        let bars = Self.matches(
            "<rect x=\"190.0\" y=\"[0-9.]+\" width=\"[0-9.]+\" height=\"8.0\" fill=\"(#[0-9]+)\"", in: chart.svg)
        #expect(bars == ["#000001", "#000005"])
        // Squares for modes 1 to 3 after the shared bar.
        for colour in colours[1...3] { #expect(chart.svg.contains("width=\"7\" height=\"7\" fill=\"\(colour)\"")) }
    }

    // MARK: Maps

    static func map(of codes: Set<AuthorityCode>, shading: MapShading? = nil) -> String {
        var map = FlowMap(
            title: "test", id: "m", authorities: england.authorities, highlighted: codes, flows: [], childrenInArea: [:]
        )
        map.shading = shading
        return map.svg
    }

    @Test("The embedded outlines are the GeoJSON's in Fixtures/data, point for point")
    func embeddedBoundariesMatchTheFile() throws {
        let data = try Data(
            contentsOf: URL(fileURLWithPath: "\(Fixtures.root)/data/england_authority_boundaries.geojson"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let features = try #require(root["features"] as? [[String: Any]])
        #expect(features.count == 153)
        #expect(AuthorityBoundaries.england.outlines.count == 153)
        for feature in features {
            let properties = try #require(feature["properties"] as? [String: Any])
            let code = AuthorityCode(rawValue: try #require(properties["la_code"] as? String))
            let geometry = try #require(feature["geometry"] as? [String: Any])
            let coordinates = try #require(geometry["coordinates"] as? [Any])
            let polygons = (geometry["type"] as? String) == "MultiPolygon" ? coordinates : [coordinates]
            let rings = polygons.flatMap { ($0 as? [Any]) ?? [] }.map { ring in
                ((ring as? [[Double]]) ?? []).map { Coordinate(latitude: $0[1], longitude: $0[0]) }
            }
            let outline = try #require(AuthorityBoundaries.england.outlines[code], "\(code) has no outline")
            #expect(outline.rings == rings, "\(code)")
        }
    }

    @Test("Every English map draws outlines and carries the ONS credit, with no centroid dots")
    func outlinesAndCredit() {
        let svg = Self.map(of: Set(Self.england.authorities.map(\.id)))
        #expect(svg.contains("Office for National Statistics, Open Government Licence v3.0"))
        #expect(Self.matches("(<path d=\"M[^\"]*Z\" fill=\"#[0-9a-f]+\" fill-rule)", in: svg).count >= 153)
        // The Isles of Scilly used to be a lone dot in the sea: now every authority is an outline.
        #expect(!svg.contains("<circle"))
    }

    @Test("England's map has London enlarged; Greater Manchester's is fitted to its ten councils")
    func fittedToScope() throws {
        #expect(Self.map(of: Set(Self.england.authorities.map(\.id))).contains("London (enlarged)"))
        let manchester = Set(
            Self.england.authorities.filter { $0.id.rawValue.hasPrefix("E0800000") || $0.id.rawValue == "E08000010" }
                .map(\.id))
        #expect(manchester.count == 10)
        let svg = Self.map(of: manchester)
        #expect(!svg.contains("London (enlarged)"))
        // The plot (the clip rectangle) is about 1 degree of longitude wide and 0.5 of latitude tall:
        // fitted to the ten councils plus a margin, the map is nearly as wide as the page and no
        // taller than it is wide, where England's whole extent would leave it mostly empty.
        let clip = Self.matches("<clipPath id=\"m-clip\"><rect ([^/]*)/>", in: svg).first ?? ""
        let width = Double(Self.matches("width=\"([0-9.]+)\"", in: clip).first ?? "") ?? 0
        let height = Double(Self.matches("height=\"([0-9.]+)\"", in: clip).first ?? "") ?? 0
        #expect(width > 650)
        #expect(height > 300 && height < width)
        // Neighbours outside the scope are drawn as context (Cheshire East borders Stockport).
        #expect(svg.contains("fill=\"#e4e9ee\"") || svg.contains("fill=\"#f1f3f5\""))
    }

    @Test("A map shaded by shares colours each class and names it in the legend")
    func shading() {
        let code = AuthorityCode(rawValue: "E08000003")
        let svg = Self.map(of: [code], shading: .shares("placed in area", [code: 0.65]))
        #expect(svg.contains("60%–70%"))
        #expect(svg.contains("fill=\"\(MapShading.colours[1])\" fill-rule=\"evenodd\""))
    }

    @Test(
        "Share classes spread the authorities: from the tenth percentile down to 10 points, to 100%",
        arguments: [
            // Worked by hand: the lowest break, the step that gives at most five classes.
            ([0.05, 0.5, 0.95], [0.2, 0.4, 0.6, 0.8]), ([0.78, 0.9, 0.95, 1.0], [0.7, 0.8, 0.9]),
            ([0.86, 0.9, 0.97], [0.8, 0.85, 0.9, 0.95]), ([0.99, 1.0], [0.8, 0.85, 0.9, 0.95]),
        ])
    func shareClasses(values: [Double], breaks: [Double]) {
        let shading = MapShading.shares(
            "M2", Dictionary(uniqueKeysWithValues: values.enumerated().map { (AuthorityCode(rawValue: "A\($0)"), $1) }))
        #expect(shading.breaks.count == breaks.count)
        for (found, expected) in zip(shading.breaks, breaks) { #expect(abs(found - expected) < 1e-12) }
    }

    @Test("A synthetic scenario's map draws no real boundaries behind its made-up authorities, and no credit")
    func syntheticMapHasNoBoundaries() {
        let svg = FlowMap(
            title: "tiny", id: "m", authorities: GoldenFileTests.scenario.authorities, highlighted: [], flows: [],
            childrenInArea: [:]
        ).svg
        #expect(!svg.contains("Office for National Statistics"))
        // No outline of any kind: neither the scenario's (even-odd filled) nor context in grey.
        #expect(!svg.contains("fill-rule=\"evenodd\""))
        #expect(!svg.contains("stroke=\"#c3ccd5\""))
        #expect(svg.components(separatedBy: "<circle").count - 1 == GoldenFileTests.scenario.authorities.count)
    }

    @Test("Count classes are whole children even when the largest count is one")
    func countClasses() {
        let shading = MapShading.counts("children", [AuthorityCode(rawValue: "A"): 1])
        #expect(shading.breaks == [1, 2, 3, 4])
        #expect(shading.classLabels == ["under 1", "1–2", "2–3", "3–4", "4 or more"])
    }

    // MARK: Layout

    @Test(
        "The comparison leads with the summary, headline, places, maps and method; tables by area follow on new pages")
    func comparisonOrder() throws {
        let scenario = GoldenFileTests.scenario
        let results = try CommissioningMode.allCases.map { try PlacementOptimiser.solve(scenario, mode: $0) }
        let sections = ComparisonReport(results, scenario: scenario).document.sections
        #expect(
            sections.map(\.heading) == [
                "Summary", "Headline measures", "Where one more in-house place would help most",
                "Where children are placed", "Method and assumptions", "Co-operatives",
                "Who gains and who loses under regional commissioning", "Authorities",
            ])
        #expect(sections.map(\.startsOnNewPage) == [false, false, false, false, false, true, true, true])
        let html = HTMLReport.render(ComparisonReport(results, scenario: scenario).document)
        #expect(html.contains("<section id=\"section-6\" class=\"new-page\">"))
    }

    @Test("Printed tables repeat their header on every page and never scroll out of sight")
    func printRules() {
        let css = HTMLReport.stylesheet
        #expect(css.contains("thead { display: table-header-group; }"))
        #expect(css.contains(".table { overflow: visible; }"))
        #expect(css.contains("overflow-wrap: break-word"))
    }

    @Test("A path in a text cell may wrap after its slash (the index's report column used to run off the page)")
    func pathsWrap() {
        let table = ReportTable(
            id: "authorities", caption: "Index", columns: [.init("Report", key: "report", numeric: false)],
            rows: [[.text("E06000001/sufficiency.html")]])
        let html = HTMLReport.render(ReportDocument(title: "t", subtitle: "s", sections: [.init("A", [.table(table)])]))
        #expect(html.contains("<td>E06000001/<wbr/>sufficiency.html</td>"))
    }

    @Test("A paragraph's `code` and **strong** Markdown are HTML, escaped; a lone backtick stays a backtick")
    func inlineMarkdown() {
        let html = HTMLReport.render(
            ReportDocument(
                title: "t", subtitle: "s",
                sections: [
                    .init(
                        "A",
                        [
                            .paragraph("run `placement simulate` <now>, **not** later"),
                            .bullets(["a lone ` mark", "`a` and `b<c`"]),
                        ])
                ]))
        #expect(html.contains("<p>run <code>placement simulate</code> &lt;now&gt;, <strong>not</strong> later</p>"))
        #expect(html.contains("<li>a lone ` mark</li><li><code>a</code> and <code>b&lt;c</code></li>"))
    }

    @Test("A table wider than the page is shown in parts that repeat its name columns and keep groups whole")
    func wideTablesSplit() {
        var columns: [ReportTable.Column] = [
            .init("Case", key: "case", numeric: false), .init("Mode", key: "mode", numeric: false),
        ]
        for measure in ["a", "b", "c", "d"] {
            for suffix in ["", "_p10", "_p90"] {
                var column = ReportTable.Column(measure + suffix, key: measure + suffix)
                column.group = measure
                columns.append(column)
            }
        }
        let row: [ReportValue] = [.text("x"), .text("y")] + (0..<12).map { .count($0) }
        let table = ReportTable(id: "wide", caption: "Wide", columns: columns, rows: [row])
        let parts = HTMLReport.parts(of: table)
        // Room for eight columns beside the two names: two groups of three a part.
        #expect(
            parts.map { $0.columns.map(\.key) } == [
                ["case", "mode", "a", "a_p10", "a_p90", "b", "b_p10", "b_p90"],
                ["case", "mode", "c", "c_p10", "c_p90", "d", "d_p10", "d_p90"],
            ])
        #expect(parts.map(\.id) == ["wide", "wide-2"])
        #expect(parts[1].rows[0].count == 8)
        #expect(parts.allSatisfy { $0.columns.count <= HTMLReport.widestTable })
    }

    @Test("The sufficiency report's sections follow a sufficiency statement's order")
    func sufficiencyOrder() throws {
        let headings = try GoldenFileTests.sufficiencyFiles(.authority("T00000001"))
        let json = try #require(headings.first { $0.name == "sufficiency.json" }?.text)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let sections = try #require(object["sections"] as? [[String: Any]]).compactMap { $0["heading"] as? String }
        #expect(sections.count == SufficiencyReport.statementOrder.count)
        for (heading, expected) in zip(sections, SufficiencyReport.statementOrder) {
            #expect(heading.hasPrefix(expected), "\(heading) should be \(expected)")
        }
    }

    @Test("The comparison's counts of children group thousands, as its prose does (71,917, not 71917)")
    func groupedCounts() {
        var metrics = ScopeMetrics()
        metrics.children = 71_917
        metrics.placed = 71_702
        metrics.unplaced = 215
        let cells = ResultMarkdown.headlineMeasures.prefix(3).map { $0.1(metrics) }
        #expect(cells == ["71,917", "71,702", "215"])
    }

    /// A pooling mode whose own-council M1 falls below today's while other councils' in-house places
    /// take its children says why; a fall of half a point or less, or one with no other council's
    /// places taken, says nothing.
    @Test func ownCouncilFallNote() {
        var today = ScopeMetrics()
        today.m1OwnAuthorityRunShare = 0.60
        today.m1LocalAuthorityRunShare = 0.62
        var regional = ScopeMetrics()
        regional.m1OwnAuthorityRunShare = 0.58
        regional.m1LocalAuthorityRunShare = 0.66
        #expect(
            ComparisonReport.ownCouncilFallNote(regional, today: today, mode: "regional")
                == "Own-council M1 falls below today's under regional because, placing every child again, it puts "
                + "children in other councils' in-house places, which M1 (own council) does not count: M1 (any "
                + "council) is 66.0% under regional, 62.0% today.")
        var small = regional
        small.m1OwnAuthorityRunShare = 0.596
        #expect(ComparisonReport.ownCouncilFallNote(small, today: today, mode: "regional") == nil)
        var noneTaken = regional
        noneTaken.m1LocalAuthorityRunShare = 0.582
        #expect(ComparisonReport.ownCouncilFallNote(noneTaken, today: today, mode: "regional") == nil)
    }
}
