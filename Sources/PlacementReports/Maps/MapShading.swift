import PlacementScenarios

/// What a map's authorities are shaded by: one value each, in a few classes of a sequential blue
/// scale (ColorBrewer's Blues, which reads in grey and for the common colour-vision deficiencies).
struct MapShading {
    /// Names the measure in the legend: "placed in their own area (M2)".
    var label: String
    var values: [AuthorityCode: Double]
    /// Class limits, ascending: a value below the first is in class 0, at or above the last in the last.
    var breaks: [Double]
    var style: ReportValue.NumberStyle

    static let colours = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
    /// Authorities with no value (nothing to measure).
    static let noValue = "#ffffff"

    /// Shares in five classes of 20 points.
    static func shares(_ label: String, _ values: [AuthorityCode: Double]) -> MapShading {
        MapShading(label: label, values: values, breaks: [0.2, 0.4, 0.6, 0.8], style: .share)
    }

    /// Counts in at most five classes on 1-2-5 steps, from one up.
    static func counts(_ label: String, _ values: [AuthorityCode: Double]) -> MapShading {
        let ticks = AxisTicks(covering: values.values.max() ?? 1, most: 5)
        return MapShading(
            label: label, values: values, breaks: Array(ticks.values.dropFirst().dropLast()), style: .count)
    }

    func colour(of authority: AuthorityCode) -> String {
        guard let value = values[authority] else { return Self.noValue }
        let index = breaks.firstIndex { value < $0 } ?? breaks.count
        return Self.colours[min(index, Self.colours.count - 1)]
    }

    /// "under 20%", "20%–40%" … "80% or more", one per class.
    var classLabels: [String] {
        func text(_ value: Double) -> String {
            style == .share
                ? NumberText.decimal(value * 100, places: 0) + "%" : ReportValue.number(value, style).display
        }
        guard let first = breaks.first, let last = breaks.last else { return ["all"] }
        return ["under \(text(first))"] + zip(breaks, breaks.dropFirst()).map { "\(text($0))–\(text($1))" }
            + ["\(text(last)) or more"]
    }
}
