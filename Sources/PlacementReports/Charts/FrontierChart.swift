import PlacementScenarios

/// Measures against a budget: one panel per measure (each on its own scale, so that shares, pounds
/// and counts are not drawn against one axis), the budgets evenly spaced along the bottom, a dot
/// and tooltip at each.
public struct FrontierChart: Sendable {
    /// One panel: its series share the panel's scale.
    public struct Panel: Sendable {
        public var title: String
        public var style: ReportValue.NumberStyle
        public var series: [(name: String, values: [Double?])]

        public init(title: String, style: ReportValue.NumberStyle, series: [(name: String, values: [Double?])]) {
            self.title = title
            self.style = style
            self.series = series
        }
    }

    public var title: String
    /// Pounds, in the order drawn.
    public var budgets: [Double]
    public var panels: [Panel]

    public init(title: String, budgets: [Double], panels: [Panel]) {
        self.title = title
        self.budgets = budgets
        self.panels = panels
    }

    private let width = 720.0
    private let panelHeight = 150.0
    private let left = 90.0
    private let right = 20.0
    private let top = 34.0
    private let gap = 40.0

    public var svg: String {
        let height = top + Double(panels.count) * (panelHeight + gap)
        var svg = SVGText.open(width: width, height: height, title: title)
        let plotWidth = width - left - right
        func x(_ index: Int) -> Double {
            budgets.count > 1 ? left + plotWidth * Double(index) / Double(budgets.count - 1) : left + plotWidth / 2
        }
        for (panelIndex, panel) in panels.enumerated() {
            let panelTop = top + Double(panelIndex) * (panelHeight + gap)
            let plotHeight = panelHeight - 30
            let values = panel.series.flatMap(\.values).compactMap { $0 }.filter(\.isFinite)
            var (low, high) = Self.scale(values, share: panel.style == .share)
            if panel.style == .count {
                // Whole ticks: from 0 to an even count, so that the middle one is whole too.
                low = 0
                high = max(2, (high / 2).rounded(.up) * 2)
            }
            func y(_ value: Double) -> Double {
                panelTop + 20 + plotHeight * (1 - (value - low) / max(high - low, 1e-9))
            }
            svg += "<text x=\"\(SVGText.number(left))\" y=\"\(SVGText.number(panelTop + 10))\" "
            svg += "font-weight=\"bold\">\(SVGText.escape(panel.title))</text>"
            svg += SVGText.legend(
                panel.series.enumerated().map {
                    ($0.element.name, SVGText.boxSwatch(ReportPalette.series[$0.offset % ReportPalette.series.count]))
                }, x: left + 260, y: panelTop)
            for tick in [low, (low + high) / 2, high] {
                svg += "<line x1=\"\(SVGText.number(left))\" y1=\"\(SVGText.number(y(tick)))\" "
                svg += "x2=\"\(SVGText.number(width - right))\" y2=\"\(SVGText.number(y(tick)))\" stroke=\"#d9e2ec\"/>"
                svg += "<text x=\"\(SVGText.number(left - 6))\" y=\"\(SVGText.number(y(tick) + 4))\" "
                svg += "text-anchor=\"end\" fill=\"#52606d\">\(ReportValue.number(tick, panel.style).display)</text>"
            }
            for (index, budget) in budgets.enumerated() {
                svg += "<text x=\"\(SVGText.number(x(index)))\" y=\"\(SVGText.number(panelTop + panelHeight + 4))\" "
                svg += "text-anchor=\"middle\" fill=\"#52606d\">\(SVGText.escape(Self.budgetLabel(budget)))</text>"
            }
            for (seriesIndex, series) in panel.series.enumerated() {
                let colour = ReportPalette.series[seriesIndex % ReportPalette.series.count]
                let points = series.values.enumerated().compactMap { index, value -> String? in
                    guard let value, value.isFinite else { return nil }
                    return "\(SVGText.number(x(index))),\(SVGText.number(y(value)))"
                }
                if points.count > 1 {
                    svg += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" "
                    svg += "stroke=\"\(colour)\" stroke-width=\"2.5\"/>"
                }
                for (index, value) in series.values.enumerated() {
                    guard let value, value.isFinite else { continue }
                    svg += "<circle cx=\"\(SVGText.number(x(index)))\" cy=\"\(SVGText.number(y(value)))\" r=\"3.5\" "
                    svg += "fill=\"\(colour)\"><title>\(SVGText.escape(series.name)), "
                    svg += "\(SVGText.escape(Self.budgetLabel(budgets[index]))): "
                    svg += "\(SVGText.escape(ReportValue.number(value, panel.style).display))</title></circle>"
                }
            }
        }
        return svg + "</svg>"
    }

    /// A budget for an axis: `£0`, `£500k`, `£53m`.
    public static func budgetLabel(_ pounds: Double) -> String {
        if pounds >= 1_000_000 {
            return "£" + NumberText.decimal(pounds / 1_000_000, places: pounds < 10_000_000 ? 1 : 0) + "m"
        }
        if pounds >= 1_000 { return "£" + NumberText.decimal(pounds / 1_000, places: 0) + "k" }
        return "£" + NumberText.decimal(pounds, places: 0)
    }

    /// The panel's range: shares within 0–100% around the values, others from 0 (counts) or with a
    /// margin, never empty.
    private static func scale(_ values: [Double], share: Bool) -> (Double, Double) {
        guard let lowest = values.min(), let highest = values.max() else { return (0, 1) }
        if share { return (max(0, lowest - 0.05), min(1, highest + 0.05)) }
        let span = max(highest - lowest, abs(highest) * 0.01, 1)
        let low = lowest >= 0 && lowest - span * 0.2 < 0 ? 0 : lowest - span * 0.2
        return (low, highest + span * 0.2)
    }
}
