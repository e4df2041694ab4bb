/// Horizontal grouped bars: one group per category (an authority, a placement type), a bar per
/// series (a mode, the published figure), on a shared axis from zero with 1-2-5 ticks. Series that
/// agree within a category share one bar, drawn in the first one's colour and followed by a square
/// of each other one's colour, so only what differs takes room.
struct GroupedBarChart {
    var title: String
    var categories: [String]
    var series: [ChartSeries]
    /// How tick labels and tooltips read; two values that read the same share a bar.
    var style: ReportValue.NumberStyle
    /// The value the axis must reach (1 for shares); the largest value when `nil`.
    var axisMaximum: Double?

    private let width = 720.0
    private let labelWidth = 190.0
    private let barHeight = 9.0
    private let groupGap = 9.0
    private let top = 34.0

    /// One bar of a category: its value and the series (indices) it stands for.
    struct Bar: Equatable {
        var value: Double
        var series: [Int]
    }

    /// The bars of category `index`: one per distinct value as read, in series order.
    func bars(of index: Int) -> [Bar] {
        var bars: [Bar] = []
        var texts: [String] = []
        for (position, entry) in series.enumerated() {
            guard index < entry.values.count, let value = entry.values[index] else { continue }
            let text = ReportValue.number(value, style).display
            if let same = texts.firstIndex(of: text) {
                bars[same].series.append(position)
            } else {
                bars.append(Bar(value: value, series: [position]))
                texts.append(text)
            }
        }
        return bars
    }

    var svg: String {
        let plotWidth = width - labelWidth - 60
        let groups = categories.indices.map(bars(of:))
        let groupHeights = groups.map { Double(max($0.count, 1)) * barHeight + groupGap }
        let axisBottom = top + groupHeights.reduce(0, +)
        let height = axisBottom + 30
        let ticks = AxisTicks(covering: axisMaximum ?? series.flatMap { $0.values.compactMap { $0 } }.max() ?? 1)
        func x(_ value: Double) -> Double { labelWidth + plotWidth * min(max(value, 0) / ticks.top, 1) }

        var svg = SVGText.open(width: width, height: height, title: title)
        svg += SVGText.legend(
            series.map { ($0.name, SVGText.boxSwatch($0.colour)) }, x: labelWidth, y: 6, width: width)
        if series.count > 1 {
            svg += "<text x=\"\(SVGText.number(labelWidth))\" y=\"\(SVGText.number(top - 6))\" font-size=\"9\" "
            svg += "fill=\"#52606d\">Where series agree they share a bar; the squares after it name the others."
            svg += "</text>"
        }
        for value in ticks.values {
            let position = SVGText.number(x(value))
            svg += "<line x1=\"\(position)\" y1=\"\(SVGText.number(top - 2))\" x2=\"\(position)\" "
            svg += "y2=\"\(SVGText.number(axisBottom))\" stroke=\"#d9e2ec\"/>"
            svg += "<text x=\"\(position)\" y=\"\(SVGText.number(axisBottom + 14))\" text-anchor=\"middle\" "
            svg += "fill=\"#52606d\">\(SVGText.escape(ReportValue.number(value, style).display))</text>"
        }
        var groupTop = top
        for (index, category) in categories.enumerated() {
            let bars = groups[index]
            let middle = groupTop + Double(max(bars.count, 1)) * barHeight / 2
            svg += "<text x=\"\(SVGText.number(labelWidth - 6))\" y=\"\(SVGText.number(middle + 4))\" "
            svg += "text-anchor=\"end\">\(SVGText.escape(Self.shortened(category)))</text>"
            for (position, bar) in bars.enumerated() {
                let barTop = groupTop + Double(position) * barHeight
                let names = bar.series.map { series[$0].name }.joined(separator: ", ")
                svg += "<rect x=\"\(SVGText.number(labelWidth))\" y=\"\(SVGText.number(barTop))\" "
                svg +=
                    "width=\"\(SVGText.number(x(bar.value) - labelWidth))\" height=\"\(SVGText.number(barHeight - 1))\" "
                svg += "fill=\"\(series[bar.series[0]].colour)\"><title>\(SVGText.escape(category)), "
                svg += "\(SVGText.escape(names)): \(SVGText.escape(ReportValue.number(bar.value, style).display))"
                svg += "</title></rect>"
                for (offset, other) in bar.series.dropFirst().enumerated() {
                    svg += "<rect x=\"\(SVGText.number(x(bar.value) + 3 + Double(offset) * 9))\" "
                    svg += "y=\"\(SVGText.number(barTop + 0.5))\" width=\"7\" height=\"7\" "
                    svg += "fill=\"\(series[other].colour)\"/>"
                }
            }
            groupTop += groupHeights[index]
        }
        svg += "<line x1=\"\(SVGText.number(labelWidth))\" y1=\"\(SVGText.number(top - 2))\" "
        svg += "x2=\"\(SVGText.number(labelWidth))\" y2=\"\(SVGText.number(axisBottom))\" stroke=\"#52606d\"/>"
        return svg + "</svg>"
    }

    /// At most 27 characters: what fits the label column in any common sans-serif at 11 px.
    static func shortened(_ label: String) -> String {
        label.count <= 27 ? label : String(label.prefix(26)) + "…"
    }
}
