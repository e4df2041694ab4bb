import PlacementOptimisation
import PlacementScenarios
import PlacementShocks

/// Tables and charts over draws, shared by the draws comparison and the stress report.
enum DrawTables {
    /// Mean, 10th and 90th percentile cells of a measure.
    static func spreadCells(_ spread: DrawSpread, _ style: ReportValue.NumberStyle) -> [ReportValue] {
        [.number(spread.mean, style), .number(spread.p10, style), .number(spread.p90, style)]
    }

    static func spreadColumns(_ heading: String, key: String) -> [ReportTable.Column] {
        var columns: [ReportTable.Column] = [
            .init("\(heading) (mean)", key: key), .init("p10", key: "\(key)_p10"), .init("p90", key: "\(key)_p90"),
        ]
        for index in columns.indices { columns[index].group = key }
        return columns
    }

    /// The measures the stress report leads with, mean and percentiles for each.
    static let resilienceMeasures: [DrawMeasure] = [
        .unplaced, .outOfArea, .over20Miles, .m1OwnShare, .m2Share, .weeklyCost, .profit,
    ]

    static var resilienceColumns: [ReportTable.Column] {
        resilienceMeasures.flatMap { spreadColumns($0.label, key: $0.rawValue) }
    }

    static func resilienceCells(_ results: DrawResults, mode: Int, scope: (ModeMetrics) -> ScopeMetrics)
        -> [ReportValue]
    {
        resilienceMeasures.flatMap { spreadCells(results.spread($0, mode: mode, scope: scope), $0.style) }
    }

    /// The same cells for one figure (as-is): mean, 10th and 90th percentile alike where the figure
    /// has no spread; with `percentiles` false (one draw of several, a random closure's first), the
    /// percentiles are left empty rather than read as a spread of nothing.
    static func resilienceCells(_ metrics: ScopeMetrics, percentiles: Bool = true) -> [ReportValue] {
        resilienceMeasures.flatMap { oneFigureCells($0.value(metrics), $0.style, percentiles: percentiles) }
    }

    /// One figure as spread cells: itself as mean, and as its percentiles where `percentiles`.
    static func oneFigureCells(_ value: Double?, _ style: ReportValue.NumberStyle, percentiles: Bool) -> [ReportValue] {
        let cells = spreadCells(DrawSpread([value]), style)
        return percentiles ? cells : [cells[0], .number(nil, style), .number(nil, style)]
    }

    /// Every measure of the scenario as a whole, one row per measure and mode.
    static func headline(_ results: DrawResults, prefix: [ReportValue] = []) -> [[ReportValue]] {
        results.modes.indices.flatMap { mode in
            DrawMeasure.allCases.map { measure in
                prefix + [.text(results.modes[mode].rawValue), .text(measure.label), .text(measure.rawValue)]
                    + spreadCells(results.spread(measure, mode: mode) { $0.total }, measure.style)
            }
        }
    }

    /// Every measure of today's placements (as-is, one figure), one row per measure, as ``headline(_:prefix:)``.
    static func headline(_ asIs: ScopeMetrics, prefix: [ReportValue] = [], percentiles: Bool = true)
        -> [[ReportValue]]
    {
        DrawMeasure.allCases.map { measure in
            prefix + [.text("as-is"), .text(measure.label), .text(measure.rawValue)]
                + oneFigureCells(measure.value(asIs), measure.style, percentiles: percentiles)
        }
    }

    static let headlineColumns: [ReportTable.Column] =
        [
            .init("Mode", key: "mode", numeric: false), .init("Measure", key: "measure", numeric: false),
            .init("Key", key: "key", numeric: false), .init("Mean", key: "mean"), .init("p10", key: "p10"),
            .init("p90", key: "p90"),
        ]

    /// Grouped bars of a measure's mean: one group per category, one bar per series.
    static func chart(
        title: String, categories: [String], series: [(name: String, values: [Double?])],
        style: ReportValue.NumberStyle
    ) -> String {
        GroupedBarChart(
            title: title, categories: categories,
            series: series.enumerated().map { index, entry in
                ChartSeries(
                    name: entry.name, colour: ReportPalette.series[index % ReportPalette.series.count],
                    values: entry.values)
            }, style: style, axisMaximum: nil
        ).svg
    }
}
