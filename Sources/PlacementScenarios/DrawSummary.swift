/// A figure over draws: its mean and its 10th and 90th percentiles, the one definition the
/// simulation's bands and the draws' tables share (they had each written it, and only one clamped
/// the mean).
public enum DrawSummary {
    /// The mean, clamped to the values' range (a sum's rounding had made twenty draws of 0.6 a mean
    /// of 0.5999999999999999), and the 10th and 90th percentiles by linear interpolation between
    /// order statistics (R's type 7); nil when there are no values.
    public static func of(_ values: [Double]) -> (mean: Double, p10: Double, p90: Double)? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        func percentile(_ p: Double) -> Double {
            let position = Double(sorted.count - 1) * p
            let lower = Int(position.rounded(.down))
            let upper = min(lower + 1, sorted.count - 1)
            return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
        }
        let mean = min(max(sorted.reduce(0, +) / Double(sorted.count), sorted[0]), sorted[sorted.count - 1])
        return (mean, percentile(0.1), percentile(0.9))
    }
}
