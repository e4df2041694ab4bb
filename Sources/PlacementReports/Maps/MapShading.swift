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

    /// Shares in at most five classes that spread the authorities out: from the tenth-lowest
    /// percentile (rounded down to 10 points) to 100%, in steps of 20, 10 or 5 points. Modelled
    /// shares are often all high, and 20-point classes would shade England in one colour.
    static func shares(_ label: String, _ values: [AuthorityCode: Double]) -> MapShading {
        let sorted = values.values.filter(\.isFinite).map { min(max($0, 0), 1) }.sorted()
        let low = sorted.isEmpty ? 0 : sorted[sorted.count / 10]
        // Whole percentage points from here on: `low` is a share clamped to 0...1.
        let lowest = min(Int((low * 10).rounded(.down)) * 10, 80)
        let span = 100 - lowest
        let step = span >= 50 ? 20 : span >= 25 ? 10 : 5
        let breaks = Array(stride(from: lowest, to: 100, by: step).map { Double($0) / 100 }.suffix(4))
        return MapShading(label: label, values: values, breaks: breaks, style: .share)
    }

    /// Counts in at most five classes on 1-2-5 steps (whole children).
    static func counts(_ label: String, _ values: [AuthorityCode: Double]) -> MapShading {
        // At least five, so that classes are whole numbers of children.
        let ticks = AxisTicks(covering: max(values.values.max() ?? 1, 5), most: 5)
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
