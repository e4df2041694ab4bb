/// Lines of shares over years (0–100%), one per series, with a dot and tooltip per year.
struct TrendChart {
    var title: String
    var years: [Int]
    var series: [ChartSeries]

    private let width = 720.0
    private let height = 240.0
    private let left = 50.0
    private let right = 20.0
    private let top = 34.0
    private let bottom = 30.0

    var svg: String {
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ index: Int) -> Double {
            years.count > 1 ? left + plotWidth * Double(index) / Double(years.count - 1) : left + plotWidth / 2
        }
        func y(_ share: Double) -> Double { top + plotHeight * (1 - min(max(share, 0), 1)) }

        var svg = SVGText.open(width: width, height: height, title: title)
        svg += SVGText.legend(series.map { ($0.name, SVGText.boxSwatch($0.colour)) }, x: left, y: 6, width: width)
        for tick in AxisTicks(covering: 1).values {
            let position = SVGText.number(y(tick))
            svg += "<line x1=\"\(SVGText.number(left))\" y1=\"\(position)\" x2=\"\(SVGText.number(width - right))\" "
            svg += "y2=\"\(position)\" stroke=\"#d9e2ec\"/>"
            svg += "<text x=\"\(SVGText.number(left - 6))\" y=\"\(SVGText.number(y(tick) + 4))\" text-anchor=\"end\" "
            svg += "fill=\"#52606d\">\(ReportValue.share(tick).display)</text>"
        }
        for (index, year) in years.enumerated() {
            svg += "<text x=\"\(SVGText.number(x(index)))\" y=\"\(SVGText.number(height - 10))\" "
            svg += "text-anchor=\"middle\" fill=\"#52606d\">\(year)</text>"
        }
        for entry in series {
            var segment: [String] = []
            var paths: [[String]] = []
            for (index, value) in entry.values.enumerated() {
                guard let value else {
                    if !segment.isEmpty { paths.append(segment) }
                    segment = []
                    continue
                }
                segment.append("\(SVGText.number(x(index))),\(SVGText.number(y(value)))")
            }
            if !segment.isEmpty { paths.append(segment) }
            for path in paths where path.count > 1 {
                svg += "<polyline points=\"\(path.joined(separator: " "))\" fill=\"none\" "
                svg += "stroke=\"\(entry.colour)\" stroke-width=\"2.5\"/>"
            }
            for (index, value) in entry.values.enumerated() {
                guard let value else { continue }
                svg += "<circle cx=\"\(SVGText.number(x(index)))\" cy=\"\(SVGText.number(y(value)))\" r=\"3.5\" "
                svg += "fill=\"\(entry.colour)\"><title>\(SVGText.escape(entry.name)), \(years[index]): "
                svg += "\(ReportValue.share(value).display)</title></circle>"
            }
        }
        return svg + "</svg>"
    }
}
