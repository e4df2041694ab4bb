import PlacementReports
import PlacementScenarios

/// The files of a forecast's result set: `forecast.csv`, `forecast.json` and `forecast.html` (a chart
/// and table per authority and co-operative); a backtest's adds its comparison to the JSON and the
/// HTML, and writes it as `backtest.md` and `backtest.csv` too.
public enum ForecastFiles {
    /// The files by name, for a result set (`forecast --out` writes them all or nothing).
    public static func files(
        _ forecast: DemandForecast, history: ForecastHistory, authorities: [DemandForecast.ScopeForecast],
        cooperatives: [DemandForecast.ScopeForecast], backtest: Backtest? = nil
    ) -> [(name: String, text: String)] {
        let document = report(
            forecast, history: history, authorities: authorities, cooperatives: cooperatives, backtest: backtest)
        var files = [
            ("forecast.csv", ForecastOutput.csv(forecast, scopes: [forecast.england] + authorities + cooperatives)),
            (
                "forecast.json",
                ForecastOutput.json(
                    forecast, authorities: authorities, cooperatives: cooperatives, backtest: backtest)
            ),
            ("forecast.html", HTMLReport.render(document)),
        ]
        if let backtest {
            files += [
                ("backtest.md", BacktestOutput.markdown(backtest)), ("backtest.csv", BacktestOutput.csv(backtest)),
            ]
        }
        return files
    }

    static func report(
        _ forecast: DemandForecast, history: ForecastHistory, authorities: [DemandForecast.ScopeForecast],
        cooperatives: [DemandForecast.ScopeForecast], backtest: Backtest? = nil
    ) -> ReportDocument {
        func section(_ scope: DemandForecast.ScopeForecast) -> ReportSection {
            let chart = ForecastChart(
                title: "\(scope.name): children looked after",
                history: history.chartTotals(of: scope, years: history.firstYear...forecast.origin),
                forecast: scope.years.compactMap { year in year.series[.total].map { (year.year, $0.interval) } })
            let columns =
                [ReportTable.Column("Series", key: "series", numeric: false)]
                + forecast.years.map { ReportTable.Column(String($0), key: "y\($0)", numeric: false) }
            let rows = ForecastSeries.all.map { series in
                [ReportValue.text(series.label)]
                    + scope.years.map { year in .text(year.series[series].map(ForecastOutput.cell) ?? "–") }
            }
            return ReportSection(
                "\(scope.name) (\(scope.code))",
                [
                    .figure(caption: "\(scope.name): children looked after, published and forecast", svg: chart.svg),
                    .table(
                        ReportTable(
                            id: "forecast-\(scope.code.lowercased())",
                            caption: "Forecast children at 31 March (80% interval) [published]", columns: columns,
                            rows: rows)),
                ])
        }
        var sections = backtest.map(BacktestOutput.sections) ?? []
        sections += [
            ReportSection(
                "How to read this",
                [
                    .paragraph(
                        "Fitted on DfE's published figures for \(history.firstYear)–\(forecast.origin). Each year shows "
                            + "the forecast, its 80% interval in brackets and, for a year DfE has already published (a "
                            + "backtest's), the published figure in square brackets: a forecast of years to come has "
                            + "none. Foster includes kinship; children's homes include secure homes; "
                            + "unaccompanied asylum-seeking children are forecast separately and are also counted "
                            + "within the other series.")
                ]),
            section(forecast.england),
        ]
        // Authorities first, as a reader looking up a council expects; then the co-operatives.
        sections += authorities.map(section)
        sections += cooperatives.map(section)
        let scopes = "Per authority\(cooperatives.isEmpty ? "" : " and co-operative"), with 80% and 95% intervals"
        guard let backtest else {
            return ReportDocument(
                title: "Children looked after: forecast to \(forecast.years.last ?? forecast.origin)",
                subtitle: scopes, sections: sections)
        }
        return ReportDocument(
            title: BacktestOutput.title(backtest),
            subtitle: scopes + ", beside persistence, a straight line and what DfE published", sections: sections)
    }
}
