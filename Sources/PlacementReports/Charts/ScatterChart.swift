/// Modelled against published, one dot per authority, with the line where they agree: dots above it
/// are over-estimates, below it under-estimates.
struct ScatterChart {
    struct Point {
        var label: String
        var published: Double
        var modelled: Double
    }

    var title: String
    var points: [Point]
    var style: ReportValue.NumberStyle

    private let size = 300.0
    /// Room for a tick label such as 100.0% beside the axis.
    private let margin = 52.0

    var svg: String {
        let largest = points.flatMap { [$0.published, $0.modelled] }.max() ?? 1
        let ticks = AxisTicks(covering: largest, most: 4)
        let maximum = ticks.top
        let plot = size - 2 * margin
        func x(_ value: Double) -> Double { margin + plot * min(max(value, 0) / maximum, 1) }
        func y(_ value: Double) -> Double { size - margin - plot * min(max(value, 0) / maximum, 1) }
        var svg = SVGText.open(width: size, height: size, title: title)
        svg += "<text x=\"\(SVGText.number(margin))\" y=\"16\" font-weight=\"bold\">\(SVGText.escape(title))</text>"
        for value in ticks.values {
            let label = SVGText.escape(ReportValue.number(value, style).display)
            svg += "<line x1=\"\(SVGText.number(x(value)))\" y1=\"\(SVGText.number(y(0)))\" "
            svg += "x2=\"\(SVGText.number(x(value)))\" y2=\"\(SVGText.number(y(maximum)))\" stroke=\"#eef2f6\"/>"
            svg += "<text x=\"\(SVGText.number(x(value)))\" y=\"\(SVGText.number(y(0) + 14))\" "
            svg += "text-anchor=\"middle\" fill=\"#52606d\">\(label)</text>"
            svg += "<text x=\"\(SVGText.number(margin - 4))\" y=\"\(SVGText.number(y(value) + 4))\" "
            svg += "text-anchor=\"end\" fill=\"#52606d\">\(label)</text>"
        }
        svg +=
            "<line x1=\"\(SVGText.number(x(0)))\" y1=\"\(SVGText.number(y(0)))\" x2=\"\(SVGText.number(x(maximum)))\" "
        svg += "y2=\"\(SVGText.number(y(maximum)))\" stroke=\"#52606d\" stroke-dasharray=\"3 3\"/>"
        svg += "<text x=\"\(SVGText.number(size / 2))\" y=\"\(SVGText.number(size - 8))\" text-anchor=\"middle\">"
        svg += "published</text>"
        svg += "<text x=\"12\" y=\"\(SVGText.number(size / 2))\" text-anchor=\"middle\" "
        svg += "transform=\"rotate(-90 12 \(SVGText.number(size / 2)))\">modelled</text>"
        for point in points {
            svg += "<circle cx=\"\(SVGText.number(x(point.published)))\" cy=\"\(SVGText.number(y(point.modelled)))\" "
            svg +=
                "r=\"2.5\" fill=\"\(ReportPalette.node)\" fill-opacity=\"0.7\"><title>\(SVGText.escape(point.label)): "
            svg += "published \(SVGText.escape(ReportValue.number(point.published, style).display)), modelled "
            svg += "\(SVGText.escape(ReportValue.number(point.modelled, style).display))</title></circle>"
        }
        return svg + "</svg>"
    }
}
