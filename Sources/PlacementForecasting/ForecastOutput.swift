import Foundation
import PlacementScenarios

/// The forecast as JSON, CSV and Markdown.
///
/// JSON: `{"origin": 2023, "authorities": [{"code", "name", "years": [{"year", "total": {"forecast",
/// "lower80", "upper80", "lower95", "upper95", "published"}, "by_type": {"foster": {…}, …}, "uasc":
/// {…}}]}], "england": {…}}` with `published` null when suppressed or not yet published; a
/// backtest's adds `"backtest"`, its comparison (``BacktestOutput``).
public enum ForecastOutput {
    public static func json(
        _ forecast: DemandForecast, authorities: [DemandForecast.ScopeForecast]? = nil,
        cooperatives: [DemandForecast.ScopeForecast] = [], backtest: Backtest? = nil
    ) -> String {
        let scopes = authorities ?? forecast.authorities
        var text = "{\"origin\": \(forecast.origin), \"authorities\": ["
        text += scopes.map { "\n" + scopeJSON($0) }.joined(separator: ",")
        // A scenario's co-operatives, as the Markdown and CSV give them; no key without a scenario.
        if !cooperatives.isEmpty {
            text += "\n], \"cooperatives\": ["
            text += cooperatives.map { "\n" + scopeJSON($0) }.joined(separator: ",")
        }
        text += "\n], \"england\": " + scopeJSON(forecast.england)
        if let backtest { text += ",\n\"backtest\": " + BacktestOutput.json(backtest) }
        text += "}\n"
        return text
    }

    static func scopeJSON(_ scope: DemandForecast.ScopeForecast) -> String {
        let years = scope.years.map { year -> String in
            var parts = ["\"year\": \(year.year)"]
            if let total = year.series[.total] { parts.append("\"total\": " + figureJSON(total)) }
            let types = ForecastCategories.types.compactMap { type -> String? in
                year.series[.type(type)].map { "\"\(type.rawValue)\": " + figureJSON($0) }
            }
            parts.append("\"by_type\": {" + types.joined(separator: ", ") + "}")
            if let uasc = year.series[.uasc] { parts.append("\"uasc\": " + figureJSON(uasc)) }
            return "{" + parts.joined(separator: ", ") + "}"
        }
        return "{\"code\": \(quoted(scope.code)), \"name\": \(quoted(scope.name)), \"years\": ["
            + years.joined(separator: ", ") + "]}"
    }

    static func figureJSON(_ figure: DemandForecast.SeriesForecast) -> String {
        let interval = figure.interval
        return "{\"forecast\": \(number(interval.forecast)), \"lower80\": \(number(interval.lower80)), "
            + "\"upper80\": \(number(interval.upper80)), \"lower95\": \(number(interval.lower95)), "
            + "\"upper95\": \(number(interval.upper95)), \"published\": "
            + (figure.published.map(String.init) ?? "null") + "}"
    }

    /// One row per scope, year and series.
    public static func csv(_ forecast: DemandForecast, scopes: [DemandForecast.ScopeForecast]) -> String {
        var writer = CSVWriter(header: [
            "scope_code", "scope_name", "year", "series", "forecast", "lower80", "upper80", "lower95", "upper95",
            "published",
        ])
        for scope in scopes {
            for year in scope.years {
                for series in ForecastSeries.all {
                    guard let figure = year.series[series] else { continue }
                    let interval = figure.interval
                    writer.append([
                        scope.code, scope.name, String(year.year), series.key, number(interval.forecast),
                        number(interval.lower80), number(interval.upper80), number(interval.lower95),
                        number(interval.upper95), figure.published.map(String.init) ?? "",
                    ])
                }
            }
        }
        return writer.text
    }

    /// At most this many scopes (one authority and its co-operatives) get a table by series each.
    static let scopesBySeries = 3

    /// England by series and year, then each authority's total by year and, in a table of their own,
    /// each co-operative's; a few scopes (`--authority`), or a single co-operative, by series too, as
    /// England is.
    public static func markdown(
        _ forecast: DemandForecast, authorities: [DemandForecast.ScopeForecast],
        cooperatives: [DemandForecast.ScopeForecast] = []
    ) -> String {
        let scopes = authorities + cooperatives
        var text = "# Children looked after: forecast from \(forecast.origin)\n\n"
        text +=
            "Fitted on the published years \(OfficialTables.listed(Array(forecast.firstFitted...forecast.origin))). Each cell is the forecast with its 80% "
            + "prediction interval in brackets (the JSON and CSV also give the 95% interval), and, for a year DfE "
            + "has already published (a backtest's), the published figure in square brackets: a forecast of years "
            + "to come has none.\n\n"
        text +=
            "Method: per authority and DfE age band, children stay, age into the next band, leave at the band's "
            + "fitted exit rate and enter at its fitted entry rate (both pooled with the region's); the projected "
            + "change is damped by half towards the last count, and each authority's mix of placement types is "
            + "its last year's, pooled with the region's and moved by half of England's yearly change. "
            + "Unaccompanied asylum-seeking children "
            + "(UASC) are carried forward at each authority's last count: a stock-and-flow of their own lost to "
            + "that in the backtests (`placement forecast --backtest`). Every interval comes from the forecast's own "
            + "one-year errors in earlier years. The README's forecast section gives every rate.\n\n"
        let years = forecast.years.map(String.init)
        let figures = years.map { _ in true }
        func bySeries(_ heading: String, _ scope: DemandForecast.ScopeForecast) {
            var table = MarkdownTable(["Series"] + years, numeric: [false] + figures)
            for series in ForecastSeries.all {
                let cells = scope.years.map { year in year.series[series].map(cell) ?? "" }
                guard cells.contains(where: { !$0.isEmpty }) else { continue }
                table.append([series.label] + cells)
            }
            text += "## \(heading)\n\n" + table.text
        }
        bySeries("England", forecast.england)
        guard !scopes.isEmpty else { return text }
        // A co-operative's analyst (`--cooperative`, or a regional scenario's one co-operative) reads its
        // forecast by series too, however many members it has.
        for scope in scopes.count <= scopesBySeries ? scopes : cooperatives.count == 1 ? cooperatives : [] {
            text += "\n"
            bySeries("\(scope.name) (\(scope.code))", scope)
        }
        // Authorities first, as a reader looking up a council expects; co-operatives apart.
        for (heading, kind, group) in [
            ("authority", "Authority", authorities), ("co-operative", "Co-operative", cooperatives),
        ] where !group.isEmpty {
            var table = MarkdownTable(["Code", kind] + years, numeric: [false, false] + figures)
            for scope in group {
                table.append(
                    [scope.code, scope.name] + scope.years.map { year in year.series[.total].map(cell) ?? "" })
            }
            text += "\n## Children looked after by \(heading)\n\n" + table.text
        }
        return text
    }

    /// `forecast (80%: low–high)`, and the published figure where there is one.
    static func cell(_ figure: DemandForecast.SeriesForecast) -> String {
        let interval = figure.interval
        var text = "\(whole(interval.forecast)) (\(whole(interval.lower80))–\(whole(interval.upper80)))"
        if let published = figure.published { text += " [\(whole(Double(published)))]" }
        return text
    }

    /// A whole number with thousands separators, as every report prints counts.
    static func whole(_ value: Double) -> String { NumberText.grouped(value) }

    /// Numbers to three decimal places, without trailing zeros: fine enough that a reader can tell
    /// whether a whole published count lies inside an interval, as the backtest's coverage does (at
    /// one place, an upper bound of 608.96 read as 609.0 took a published 609 in). JSON has no NaN:
    /// a non-finite value, which the model never makes, is written as null.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text.unicodeScalars {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default:
                if character.value < 0x20 {
                    result += String(format: "\\u%04x", character.value)
                } else {
                    result.unicodeScalars.append(character)
                }
            }
        }
        return result + "\""
    }
}
