import PlacementScenarios

/// A backtest's second rival beside persistence: each figure's straight-line trend, the least-squares
/// line through its published values from the calibration year up to the year before, evaluated at
/// the year (a share kept within 0…1, a count at least 0). With one published value to fit (the
/// first replayed year, or an authority with one published year) it is that value: persistence.
/// `Scripts/check-simulate-backtest.sh` recomputes it from the JSON with the same definition.
public enum StraightLineTrend {
    /// The line through `points` (year, value) evaluated at `year` (``StraightLine``); one point is
    /// its value; `nil` with no point.
    public static func value(at year: Int, through points: [(year: Int, value: Double)]) -> Double? {
        guard let first = points.first else { return nil }
        guard let line = StraightLine(points.map { (Double($0.year), $0.value) }) else { return first.value }
        return line.value(at: Double(year))
    }

    /// `comparisons` (a backtest's years, in order, each of the years after the calibration year)
    /// with every authority's and England's `trend` set: the line through the calibration year's
    /// published figure (`persistence`) and each earlier comparison's published figure.
    public static func filled(_ comparisons: [FitComparison]) -> [FitComparison] {
        /// An authority's figure, or England's (`authority` nil).
        struct Figure: Hashable {
            var authority: AuthorityCode?
            var measure: FitMeasure
        }
        var history: [Figure: [(year: Int, value: Double)]] = [:]
        var result = comparisons
        for (index, comparison) in comparisons.enumerated() {
            func trend(_ key: Figure, _ value: FitComparison.Value) -> Double? {
                var points = history[key] ?? []
                if index == 0, let origin = value.persistence { points = [(comparison.calibratedOn, origin)] }
                let line = Self.value(at: comparison.predicted, through: points).map {
                    key.measure.isShare ? min(1, max(0, $0)) : max(0, $0)
                }
                if let published = value.published { points.append((comparison.predicted, published)) }
                history[key] = points
                return line
            }
            for (row, authority) in comparison.rows.enumerated() {
                for (measure, value) in authority.values {
                    result[index].rows[row].values[measure]?.trend = trend(
                        Figure(authority: authority.authority.id, measure: measure), value)
                }
            }
            for (measure, value) in comparison.england {
                result[index].england[measure]?.trend = trend(Figure(authority: nil, measure: measure), value)
            }
        }
        return result
    }
}
