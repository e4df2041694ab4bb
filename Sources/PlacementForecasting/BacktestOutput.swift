import Foundation
import PlacementReports
import PlacementScenarios

/// A backtest's comparison — the model beside persistence and a straight line, per series and year,
/// the intervals' coverage, and the notes that say how to read them — in every format: Markdown,
/// CSV (one row per series and year), the `"backtest"` object of the forecast JSON, and the HTML
/// sections before the per-scope charts. Each is written from the same figures and the same notes,
/// with the same cell text, so they agree.
public enum BacktestOutput {
    /// `Backtest: fitted on 2021–2023, checked against 2024 to 2025`.
    public static func title(_ backtest: Backtest) -> String {
        let forecast = backtest.forecast
        return "Backtest: fitted on \(forecast.firstFitted)–\(forecast.origin), checked against "
            + OfficialTables.listed(forecast.years)
    }

    /// What the backtest is, in one paragraph.
    public static func summary(_ backtest: Backtest) -> String {
        let forecast = backtest.forecast
        var text =
            "The forecast as it would have been made in \(forecast.origin), fitted on DfE's published years "
            + "\(OfficialTables.listed(Array(forecast.firstFitted...forecast.origin))) only, checked against what "
            + "DfE published for \(OfficialTables.listed(forecast.years)), beside persistence and a straight line. "
            + "The errors are over every English authority DfE publishes, whatever the scenario or --authority "
            + "(the JSON's forecasts keep those alone)."
        if backtest.inSample {
            text += " In sample: the model's constants were chosen on this backtest (see the notes)."
        } else {
            text +=
                " Out of sample for the figures, though not wholly for the method: the choices the README records "
                + "(pooled counts, persistence for UASC) were compared on these backtests."
        }
        return text
    }

    /// How to read the figures, and what limits them, one note a string (plain text).
    public static func notes(_ backtest: Backtest) -> [String] {
        let forecast = backtest.forecast
        let origin = forecast.origin
        let settings = backtest.settings
        var notes = [
            "Model: the product's forecast as made in \(origin): each authority's children by age band carried "
                + "forward with their entry and exit rates, the projected change weighted "
                + "\(NumberText.decimal(settings.stockFlowWeight, places: 2)) against the last count; the type mix "
                + (settings.sharePriorChildren > 0
                    ? "shrunk to the region's (a pseudo-count of \(NumberText.decimal(settings.sharePriorChildren, places: 0)) children)"
                    : "each authority's own")
                + "; unaccompanied asylum-seeking children (UASC) apart.",
            "Persistence: each authority's \(origin) figure carried forward to every later year.",
            "Straight line (linear_trend): the least-squares line through each authority's figures for "
                + "\(forecast.firstFitted)–\(origin), extended, never below 0.",
            "Errors (MAPE in percent, MAE in children) are averaged over the authorities whose published figure "
                + "for the year is above 0, the same authorities for every method: a percentage error of a "
                + "published 0 has no value, so authorities publishing 0 (or suppressed) are left out. Coverage "
                + "counts every authority with a published figure, 0 included.",
            "Best: the method with the lowest MAPE; methods within "
                + "\(NumberText.decimal(Backtest.tieTolerance, places: 3)) points of it tie. With fewer than "
                + "\(Backtest.fewestAuthorities) authorities scored, the report says it is too few to tell.",
        ]
        if backtest.settings.uascModelWeight == 0 {
            notes.append(
                "UASC: the model carries each authority's last UASC count forward (its own UASC stock-and-flow "
                    + "lost to persistence), so there it is persistence and the two tie.")
        }
        for series in ForecastSeries.all {
            let few = backtest.verdicts.filter { $0.series == series && $0.tooFewToTell }
            guard !few.isEmpty else { continue }
            var text =
                "\(series.key): errors over "
                + NumberText.listed(
                    few.map { "\(NumberText.counted($0.authorities, "authority", "authorities")) in \($0.year)" })
                + ", the others publishing 0 or suppressed: too few to say which method is best."
            let zeros = backtest.coverage.filter { $0.series == series && 2 * $0.publishedZero > $0.authorities }
            if !zeros.isEmpty {
                text +=
                    " Its coverage counts "
                    + NumberText.listed(
                        zeros.map { "\($0.publishedZero) published 0s of \($0.authorities) in \($0.year)" })
                    + ", which an interval about a forecast near 0 holds with little to show."
            }
            notes.append(text)
        }
        let groups = Dictionary(grouping: backtest.estimatedFigures) { "\($0.predecessor?.code ?? "")\($0.years)" }
        for (_, authorities) in groups.sorted(by: { $0.key < $1.key }) {
            let one = authorities.count == 1
            let names = NumberText.listed(authorities.map { "\($0.name) (\($0.code))" })
            let years = authorities[0].years
            var text =
                "\(names): DfE publishes no figures for \(one ? "it" : "them") for \(OfficialTables.listed(years))"
            if let county = authorities[0].predecessor {
                text +=
                    " (not applicable before \(one ? "its" : "their") first year) and none for \(county.name) "
                    + "(\(county.code)), the county \(one ? "it" : "they") replaced, so "
                    + "\(one ? "its" : "their") figures for \(years.count == 1 ? "that year" : "those years") are "
                    + "estimates: the published figure of \(one ? "its" : "their") region, "
                    + "\(authorities[0].region), less its other authorities' (\(county.name)'s), shared by children "
                    + "aged 0–17"
            } else {
                text += ", so \(one ? "its" : "their") figures there are estimates"
            }
            if years.contains(origin) {
                text += "; the model starts from them and persistence carries them forward"
            }
            notes.append(text + ". " + (one ? "Its" : "Their") + " errors count in the averages.")
        }
        let earlier = backtest.intervalOrigins
        if earlier.isEmpty {
            notes.append(
                "Intervals: the fitted years allow no earlier one-year forecast whose errors they could come from, "
                    + "so they are a default spread, not a measured one, and their coverage says little.")
        } else {
            notes.append(
                "Intervals: from the model's one-year errors at the earlier "
                    + (earlier.count == 1 ? "origin " : "origins ") + OfficialTables.listed(earlier) + " (its "
                    + (earlier.count == 1 ? "forecast" : "forecasts") + " of "
                    + OfficialTables.listed(earlier.map { $0 + 1 }) + "), resampled for longer horizons.")
        }
        if backtest.inSample {
            let tuned = ForecastSettings.tunedOn
            notes.append(
                "In sample: the model's constants (Sources/PlacementForecasting/README.md) were chosen on this "
                    + "backtest, fitted on \(tuned.lowerBound)–\(tuned.upperBound) and checked against "
                    + "\(tuned.upperBound + 1), so its errors, \(tuned.upperBound + 1)'s above all, flatter the model "
                    + "and are no independent check; the backtest from \(tuned.upperBound + 1) is.")
        }
        return notes
    }

    /// The verdict as the reports print it: `model`, `tie: model = persistence`, or too few to tell.
    static func best(_ verdict: Backtest.Verdict) -> String {
        let names = verdict.best.map(\.rawValue)
        let lowest = names.count == 1 ? names[0] : "tie: " + names.joined(separator: " = ")
        guard verdict.tooFewToTell else { return lowest }
        return "too few to tell (\(NumberText.counted(verdict.authorities, "authority", "authorities")); "
            + "lowest: \(lowest))"
    }

    static func percent(_ value: Double?) -> String {
        value.map { NumberText.decimal($0, places: 2) + "%" } ?? "–"
    }

    static func children(_ value: Double?) -> String { NumberText.shown(value, places: 1) }

    static func share(_ value: Double) -> String { NumberText.percent(value) }

    /// A MAPE (held in percent) as the fraction the JSON and CSV give every share in.
    static func fraction(_ percent: Double) -> Double { percent / 100 }

    /// The rows of the error tables: series, year, authorities, one cell per method, and the verdict.
    static func errorRows(
        _ backtest: Backtest, _ cell: (Backtest.ErrorFigure?) -> String
    ) -> [(verdict: Backtest.Verdict, cells: [String])] {
        backtest.verdicts.map { verdict in
            (
                verdict,
                ForecastMethod.allCases.map { cell(backtest.figure($0, verdict.series, verdict.year)) }
            )
        }
    }

    /// England's forecast against the published figure, per series and year.
    static func englandRows(_ backtest: Backtest) -> [[String]] {
        var rows: [[String]] = []
        for series in ForecastSeries.all {
            for year in backtest.forecast.england.years {
                guard let figure = year.series[series] else { continue }
                let interval = figure.interval
                let error = figure.published.map {
                    String(format: "%+.2f%%", 100 * (interval.forecast / Double(max(1, $0)) - 1))
                }
                rows.append([
                    series.key, String(year.year), ForecastOutput.whole(interval.forecast),
                    "\(ForecastOutput.whole(interval.lower80))–\(ForecastOutput.whole(interval.upper80))",
                    "\(ForecastOutput.whole(interval.lower95))–\(ForecastOutput.whole(interval.upper95))",
                    figure.published.map { ForecastOutput.whole(Double($0)) } ?? "–", error ?? "–",
                ])
            }
        }
        return rows
    }

    static let methodHeadings = ForecastMethod.allCases.map(\.rawValue)

    static let aggregateHeadings = ["Scopes", "Year", "Series with a published figure", "80% interval", "95% interval"]

    /// England's and the co-operatives' coverage per year, every series together.
    static func aggregateRows(_ backtest: Backtest) -> [[String]] {
        backtest.aggregateCoverage.map { figure in
            [
                figure.scopes, String(figure.year), String(figure.figures), share(figure.within80),
                share(figure.within95),
            ]
        }
    }

    /// The backtest's report as Markdown: the errors per method, the intervals' coverage, England
    /// against published, and the notes.
    public static func markdown(_ backtest: Backtest) -> String {
        var text = "# \(title(backtest))\n\n\(summary(backtest))\n\n"
        text += "## Mean absolute percentage error per authority\n\n"
        text +=
            MarkdownTable(
                ["Series", "Year", "Authorities"] + methodHeadings + ["Best (lowest MAPE)"], align: "lrrrrrl",
                rows: errorRows(backtest) { percent($0?.meanAbsolutePercentageError) }.map { row in
                    [row.verdict.series.key, String(row.verdict.year), String(row.verdict.authorities)] + row.cells
                        + [best(row.verdict)]
                }
            ).text
        text += "\n## Mean absolute error per authority (children)\n\n"
        text +=
            MarkdownTable(
                ["Series", "Year", "Authorities"] + methodHeadings, align: "lrrrrr",
                rows: errorRows(backtest) { children($0?.meanAbsoluteError) }.map { row in
                    [row.verdict.series.key, String(row.verdict.year), String(row.verdict.authorities)] + row.cells
                }
            ).text
        text += "\n## Authorities whose published figure lies inside the interval\n\n"
        text +=
            MarkdownTable(
                ["Series", "Year", "Authorities", "Published 0", "80% interval", "95% interval"], align: "lrrrrr",
                rows: backtest.coverage.map { figure in
                    [
                        figure.series.key, String(figure.year), String(figure.authorities),
                        String(figure.publishedZero),
                        share(figure.within80), share(figure.within95),
                    ]
                }
            ).text
        text += "\n## England and co-operatives whose published figure lies inside the interval\n\n"
        text += MarkdownTable(aggregateHeadings, align: "lrrrr", rows: aggregateRows(backtest)).text
        text += "\n## England\n\n"
        text +=
            MarkdownTable(
                ["Series", "Year", "Forecast", "80% interval", "95% interval", "Published", "Error"], align: "lrrllrr",
                rows: englandRows(backtest)
            ).text
        text += "\n## Notes\n\n" + notes(backtest).map { "- \($0)\n" }.joined()
        return text
    }

    /// One row per series and year: each method's MAPE (a fraction, as every share in the CSV) and MAE
    /// (children) over the same authorities, the best by MAPE (`model`, or methods tied joined by `;`),
    /// whether too few authorities were scored to tell, and the intervals' coverage (fractions) over the
    /// authorities with a published figure.
    public static func csv(_ backtest: Backtest) -> String {
        let methods = ForecastMethod.allCases.map(\.rawValue)
        var writer = CSVWriter(
            header: ["series", "year", "authorities"] + methods.map { "\($0)_mape" } + methods.map { "\($0)_mae" }
                + [
                    "best", "too_few_to_tell", "coverage_authorities", "published_zero", "within80", "within95",
                ])
        for series in ForecastSeries.all {
            for year in backtest.forecast.years {
                let verdict = backtest.verdict(series, year)
                let coverage = backtest.coverage.first { $0.series == series && $0.year == year }
                guard verdict != nil || coverage != nil else { continue }
                let figures = ForecastMethod.allCases.map { backtest.figure($0, series, year) }
                writer.append(
                    [series.key, String(year), verdict.map { String($0.authorities) } ?? ""]
                        + figures.map { NumberText.decimal(($0?.meanAbsolutePercentageError).map(fraction), places: 6) }
                        + figures.map { NumberText.decimal($0?.meanAbsoluteError, places: 2) }
                        + [
                            verdict.map { $0.best.map(\.rawValue).joined(separator: ";") } ?? "",
                            verdict.map { $0.tooFewToTell ? "true" : "false" } ?? "",
                            coverage.map { String($0.authorities) } ?? "",
                            coverage.map { String($0.publishedZero) } ?? "",
                            NumberText.decimal(coverage?.within80, places: 4),
                            NumberText.decimal(coverage?.within95, places: 4),
                        ])
            }
        }
        return writer.text
    }

    /// The `"backtest"` object of the forecast JSON: `{"title", "fitted": [years], "checked": [years],
    /// "in_sample", "errors": [{"series", "year", "authorities", "mape": {METHOD: fraction}, "mae":
    /// {METHOD: children}, "best": [METHOD], "too_few_to_tell"}], "coverage": [{"series", "year",
    /// "authorities", "published_zero", "within80", "within95"}], "aggregate_coverage": [{"scopes",
    /// "year", "figures", "within80", "within95"}], "estimated": [{"code",
    /// "name", "years"}], "interval_origins": [years], "notes": [text]}`; MAPE and coverage as fractions.
    static func json(_ backtest: Backtest) -> String {
        let forecast = backtest.forecast
        func number(_ value: Double?, _ places: Int) -> String {
            let text = NumberText.decimal(value, places: places)
            return text.isEmpty ? "null" : text
        }
        func years(_ list: [Int]) -> String { "[" + list.map(String.init).joined(separator: ", ") + "]" }
        func byMethod(_ series: ForecastSeries, _ year: Int, _ value: (Backtest.ErrorFigure) -> Double, _ places: Int)
            -> String
        {
            "{"
                + ForecastMethod.allCases.map { method in
                    "\"\(method.rawValue)\": " + number(backtest.figure(method, series, year).map(value), places)
                }.joined(separator: ", ") + "}"
        }
        let errors = backtest.verdicts.map { verdict in
            "\n{\"series\": \"\(verdict.series.key)\", \"year\": \(verdict.year), \"authorities\": "
                + "\(verdict.authorities), \"mape\": "
                + byMethod(verdict.series, verdict.year, { fraction($0.meanAbsolutePercentageError) }, 6)
                + ", \"mae\": "
                + byMethod(verdict.series, verdict.year, \.meanAbsoluteError, 2) + ", \"best\": ["
                + verdict.best.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + "], \"too_few_to_tell\": "
                + "\(verdict.tooFewToTell)}"
        }
        let coverage = backtest.coverage.map { figure in
            "\n{\"series\": \"\(figure.series.key)\", \"year\": \(figure.year), \"authorities\": "
                + "\(figure.authorities), \"published_zero\": \(figure.publishedZero), \"within80\": "
                + number(figure.within80, 4) + ", \"within95\": " + number(figure.within95, 4) + "}"
        }
        let aggregateCoverage = backtest.aggregateCoverage.map { figure in
            "\n{\"scopes\": \"\(figure.scopes)\", \"year\": \(figure.year), \"figures\": \(figure.figures), "
                + "\"within80\": " + number(figure.within80, 4) + ", \"within95\": " + number(figure.within95, 4) + "}"
        }
        let estimated = backtest.estimatedFigures.map {
            "{\"code\": \(ForecastOutput.quoted($0.code)), \"name\": \(ForecastOutput.quoted($0.name)), \"years\": "
                + years($0.years) + "}"
        }
        return "{\"title\": \(ForecastOutput.quoted(title(backtest))), \"fitted\": "
            + years(Array(forecast.firstFitted...forecast.origin)) + ", \"checked\": " + years(forecast.years)
            + ", \"in_sample\": \(backtest.inSample), \"errors\": [" + errors.joined(separator: ",")
            + "], \"coverage\": [" + coverage.joined(separator: ",") + "], \"aggregate_coverage\": ["
            + aggregateCoverage.joined(separator: ",") + "], \"estimated\": ["
            + estimated.joined(separator: ", ") + "], \"interval_origins\": " + years(backtest.intervalOrigins)
            + ", \"notes\": [" + notes(backtest).map { "\n" + ForecastOutput.quoted($0) }.joined(separator: ",")
            + "]}"
    }

    /// The HTML report's sections on the comparison, before the per-scope charts.
    static func sections(_ backtest: Backtest) -> [ReportSection] {
        func columns(_ headings: [String], align: String) -> [ReportTable.Column] {
            zip(headings, align).map { heading, alignment in
                ReportTable.Column(
                    heading,
                    key: heading.lowercased().replacingOccurrences(of: "%", with: "")
                        .replacingOccurrences(of: " ", with: "_"),
                    numeric: alignment == "r")
            }
        }
        let mape = ReportTable(
            id: "backtest-mape", caption: "Mean absolute percentage error per authority",
            columns: columns(["Series", "Year", "Authorities"] + methodHeadings + ["Best"], align: "lrrrrrl"),
            rows: errorRows(backtest) { percent($0?.meanAbsolutePercentageError) }.map { row in
                ([row.verdict.series.key, String(row.verdict.year), String(row.verdict.authorities)] + row.cells
                    + [best(row.verdict)]).map(ReportValue.text)
            })
        let mae = ReportTable(
            id: "backtest-mae", caption: "Mean absolute error per authority (children)",
            columns: columns(["Series", "Year", "Authorities"] + methodHeadings, align: "lrrrrr"),
            rows: errorRows(backtest) { children($0?.meanAbsoluteError) }.map { row in
                ([row.verdict.series.key, String(row.verdict.year), String(row.verdict.authorities)] + row.cells)
                    .map(ReportValue.text)
            })
        let coverage = ReportTable(
            id: "backtest-coverage", caption: "Authorities whose published figure lies inside the interval",
            columns: columns(
                ["Series", "Year", "Authorities", "Published 0", "80% interval", "95% interval"], align: "lrrrrr"),
            rows: backtest.coverage.map { figure in
                [
                    figure.series.key, String(figure.year), String(figure.authorities), String(figure.publishedZero),
                    share(figure.within80), share(figure.within95),
                ].map(ReportValue.text)
            })
        let aggregates = ReportTable(
            id: "backtest-aggregate-coverage",
            caption: "England and co-operatives whose published figure lies inside the interval",
            columns: columns(aggregateHeadings, align: "lrrrr"),
            rows: aggregateRows(backtest).map { $0.map(ReportValue.text) })
        let england = ReportTable(
            id: "backtest-england", caption: "England: forecast against published",
            columns: columns(
                ["Series", "Year", "Forecast", "80% interval", "95% interval", "Published", "Error"], align: "lrrllrr"),
            rows: englandRows(backtest).map { $0.map(ReportValue.text) })
        return [
            ReportSection("The backtest", [.paragraph(summary(backtest))]),
            ReportSection("Errors against what DfE published", [.table(mape), .table(mae)]),
            ReportSection("Coverage of the intervals", [.table(coverage), .table(aggregates)]),
            ReportSection("England against published", [.table(england)]),
            ReportSection("Notes", [.bullets(notes(backtest))]),
        ]
    }
}
