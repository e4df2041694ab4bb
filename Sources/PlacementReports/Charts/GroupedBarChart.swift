/// Horizontal grouped bars: one group per category (an authority, a placement type), one bar per
/// series (a mode, the published figure), on a shared axis from zero.
struct GroupedBarChart {
    var title: String
    var categories: [String]
    var series: [ChartSeries]
    /// How tick labels and tooltips read.
    var style: ReportValue.NumberStyle
    /// The axis end; the largest value (rounded up) when `nil`.
    var axisMaximum: Double?

    private let width = 720.0
    private let labelWidth = 190.0
    private let barHeight = 8.0
    private let groupGap = 10.0
    private let top = 34.0

    var svg: String {
        let plotWidth = width - labelWidth - 30
        let groupHeight = Double(series.count) * barHeight + groupGap
        let height = top + Double(categories.count) * groupHeight + 30
        let maximum = axisMaximum ?? Self.niceCeiling(series.flatMap { $0.values.compactMap { $0 } }.max() ?? 1)
        func x(_ value: Double) -> Double { labelWidth + plotWidth * min(max(value, 0) / maximum, 1) }

        var svg = SVGText.open(width: width, height: height, title: title)
        svg += SVGText.legend(series.map { ($0.name, SVGText.boxSwatch($0.colour)) }, x: labelWidth, y: 6)
        let axisBottom = top + Double(categories.count) * groupHeight
        for tick in 0...4 {
            let value = maximum * Double(tick) / 4
            let position = SVGText.number(x(value))
            svg += "<line x1=\"\(position)\" y1=\"\(SVGText.number(top - 4))\" x2=\"\(position)\" "
            svg += "y2=\"\(SVGText.number(axisBottom))\" stroke=\"#d9e2ec\"/>"
            svg += "<text x=\"\(position)\" y=\"\(SVGText.number(axisBottom + 14))\" text-anchor=\"middle\" "
            svg += "fill=\"#52606d\">\(SVGText.escape(ReportValue.number(value, style).display))</text>"
        }
        for (index, category) in categories.enumerated() {
            let groupTop = top + Double(index) * groupHeight
            let middle = groupTop + Double(series.count) * barHeight / 2
            svg += "<text x=\"\(SVGText.number(labelWidth - 6))\" y=\"\(SVGText.number(middle + 4))\" "
            svg += "text-anchor=\"end\">\(SVGText.escape(Self.shortened(category)))</text>"
            for (position, entry) in series.enumerated() {
                guard let value = entry.values[index] else { continue }
                let barTop = groupTop + Double(position) * barHeight
                svg += "<rect x=\"\(SVGText.number(labelWidth))\" y=\"\(SVGText.number(barTop))\" "
                svg += "width=\"\(SVGText.number(x(value) - labelWidth))\" height=\"\(SVGText.number(barHeight - 1))\" "
                svg += "fill=\"\(entry.colour)\"><title>\(SVGText.escape(category)), \(SVGText.escape(entry.name)): "
                svg += "\(SVGText.escape(ReportValue.number(value, style).display))</title></rect>"
            }
        }
        svg += "<line x1=\"\(SVGText.number(labelWidth))\" y1=\"\(SVGText.number(top - 4))\" "
        svg += "x2=\"\(SVGText.number(labelWidth))\" y2=\"\(SVGText.number(axisBottom))\" stroke=\"#52606d\"/>"
        return svg + "</svg>"
    }

    /// 1, 2, 2.5 or 5 times a power of ten, at least `value`.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        while power > value { power /= 10 }
        for step in [1.0, 2, 2.5, 5, 10] where step * power >= value { return step * power }
        return 10 * power
    }

    static func shortened(_ label: String) -> String {
        label.count <= 30 ? label : String(label.prefix(29)) + "…"
    }
}
