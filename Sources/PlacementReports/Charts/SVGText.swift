import PlacementScenarios

/// Coordinates and text for SVG, written the same way on every run (the forecast's chart uses them too).
package enum SVGText {
    /// A coordinate to one decimal place.
    static func number(_ value: Double) -> String { NumberText.decimal(value, places: 1) }

    static func escape(_ text: String) -> String { HTMLReport.escape(text) }

    /// The opening tag of a figure's SVG: scalable, with a title for screen readers.
    package static func open(width: Double, height: Double, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(width)) \(number(height))\" "
            + "width=\"\(number(width))\" height=\"\(number(height))\" role=\"img\" "
            + "font-family=\"Helvetica Neue, Arial, Liberation Sans, sans-serif\" font-size=\"11\">"
            + "<title>\(escape(title))</title>"
    }

    /// A legend row of coloured keys, left to right from `x`, moved left as far as `margin` where it
    /// would run past `width` (six keys beside a bar chart's labels ran past its edge).
    static func legend(
        _ entries: [(label: String, swatch: String)], x: Double, y: Double, width: Double = .infinity,
        margin: Double = 6
    ) -> String {
        let widths = entries.map { 30 + Double($0.label.count) * 6.6 }
        var left = max(min(x, width - margin - widths.reduce(0, +)), margin)
        var svg = ""
        for (entry, keyWidth) in zip(entries, widths) {
            svg += "<g transform=\"translate(\(number(left)),\(number(y)))\">\(entry.swatch)"
            svg += "<text x=\"18\" y=\"9\">\(escape(entry.label))</text></g>"
            left += keyWidth
        }
        return svg
    }

    static func boxSwatch(_ colour: String) -> String {
        "<rect width=\"12\" height=\"10\" fill=\"\(colour)\"/>"
    }
}

/// Colours that stay apart for readers with the common colour-vision deficiencies (Okabe–Ito).
enum ReportPalette {
    static let published = "#999999"
    /// Today's placements (as-is): dark grey beside the published figures' light grey.
    static let asIs = "#555555"
    static let series = ["#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#0072B2", "#D55E00", "#F0E442"]
    static let inHouse = "#009E73"
    static let external = "#D55E00"
    static let node = "#0072B2"
}

/// One coloured series of a chart: a value per category (or year); `nil` draws nothing there.
struct ChartSeries {
    var name: String
    var colour: String
    var values: [Double?]
}
