import Foundation
import PlacementReports
import PlacementScenarios

/// A line chart of children looked after: the published years, then the forecast with its 80% and
/// 95% intervals as shaded bands.
struct ForecastChart {
    var title: String
    /// Published (or, where suppressed, estimated) totals of the fitted years.
    var history: [(year: Int, value: Double)]
    var forecast: [(year: Int, interval: Interval)]

    private let width = 720.0
    private let height = 240.0
    private let left = 56.0
    private let right = 20.0
    private let top = 30.0
    private let bottom = 30.0

    var svg: String {
        let years = history.map(\.year) + forecast.map(\.year)
        guard let firstYear = years.min(), let lastYear = years.max() else { return "" }
        let highest = max(
            1, (history.map(\.value) + forecast.map(\.interval.upper95)).max() ?? 1)
        // At least five, so that whole-number labels never repeat.
        let ticks = AxisTicks(covering: max(highest, 5))
        let scaleTop = ticks.top
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ year: Int) -> Double {
            lastYear > firstYear
                ? left + plotWidth * Double(year - firstYear) / Double(lastYear - firstYear) : left + plotWidth / 2
        }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - min(max(value / scaleTop, 0), 1)) }
        func point(_ year: Int, _ value: Double) -> String { "\(format(x(year))),\(format(y(value)))" }

        var svg = SVGText.open(width: width, height: height, title: title)
        svg += "<text x=\"\(format(left))\" y=\"16\" fill=\"#1f2933\">Published (dark), forecast (blue) "
        svg += "with 80% and 95% intervals</text>"
        for value in ticks.values {
            svg += "<line x1=\"\(format(left))\" y1=\"\(format(y(value)))\" x2=\"\(format(width - right))\" "
            svg += "y2=\"\(format(y(value)))\" stroke=\"#d9e2ec\"/>"
            svg += "<text x=\"\(format(left - 6))\" y=\"\(format(y(value) + 4))\" text-anchor=\"end\" "
            svg += "fill=\"#52606d\">\(format(value))</text>"
        }
        for year in firstYear...lastYear {
            svg += "<text x=\"\(format(x(year)))\" y=\"\(format(height - 10))\" text-anchor=\"middle\" "
            svg += "fill=\"#52606d\">\(year)</text>"
        }
        // Bands start at the last published year so they join the history line.
        let anchor =
            history.last.map {
                [
                    (
                        $0.year,
                        Interval(
                            forecast: $0.value, lower80: $0.value, upper80: $0.value, lower95: $0.value,
                            upper95: $0.value)
                    )
                ]
            } ?? []
        let band = anchor + forecast.map { ($0.year, $0.interval) }
        for (lower, upper, colour) in [
            (\Interval.lower95, \Interval.upper95, "#dbeafe"), (\Interval.lower80, \Interval.upper80, "#93c5fd"),
        ] where band.count > 1 {
            let points =
                band.map { point($0.0, $0.1[keyPath: upper]) }
                + band.reversed().map { point($0.0, $0.1[keyPath: lower]) }
            svg += "<polygon points=\"\(points.joined(separator: " "))\" fill=\"\(colour)\" stroke=\"none\"/>"
        }
        if history.count > 1 {
            svg += "<polyline points=\"\(history.map { point($0.year, $0.value) }.joined(separator: " "))\" "
            svg += "fill=\"none\" stroke=\"#1f2933\" stroke-width=\"2.5\"/>"
        }
        if band.count > 1 {
            svg += "<polyline points=\"\(band.map { point($0.0, $0.1.forecast) }.joined(separator: " "))\" "
            svg += "fill=\"none\" stroke=\"#1d4ed8\" stroke-width=\"2.5\" stroke-dasharray=\"6 3\"/>"
        }
        for entry in history {
            svg += "<circle cx=\"\(format(x(entry.year)))\" cy=\"\(format(y(entry.value)))\" r=\"3\" fill=\"#1f2933\">"
            svg += "<title>\(entry.year): \(format(entry.value))</title></circle>"
        }
        for entry in forecast {
            let interval = entry.interval
            svg += "<circle cx=\"\(format(x(entry.year)))\" cy=\"\(format(y(interval.forecast)))\" r=\"3\" "
            svg += "fill=\"#1d4ed8\"><title>\(entry.year): \(format(interval.forecast)) (80%: "
            svg += "\(format(interval.lower80))–\(format(interval.upper80)); 95%: \(format(interval.lower95))–"
            svg += "\(format(interval.upper95)))</title></circle>"
        }
        return svg + "</svg>"
    }

    private func format(_ value: Double) -> String { NumberText.decimal(value, places: 0) }
}
