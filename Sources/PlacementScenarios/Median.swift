/// The middle of a list of numbers.
public enum Median {
    /// The middle value of `values`, the mean of the two middle ones when their count is even; nil
    /// when there are none.
    public static func of(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
