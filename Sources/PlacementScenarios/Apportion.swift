/// Splitting a whole number of children or places into whole parts that add up to it.
public enum Apportion {
    /// Parts of `count` proportional to `weights`, by the largest-remainder method (ties to the
    /// earlier weight). When no weight is positive the first part takes the whole count, so that
    /// nothing is lost; with no weights, or a count below one, there is nothing to share.
    public static func split(_ count: Int, weights: [Double]) -> [Int] {
        let total = weights.reduce(0, +)
        guard count > 0, total > 0, total.isFinite else {
            var parts = Array(repeating: 0, count: weights.count)
            if count > 0, !parts.isEmpty { parts[0] = count }
            return parts
        }
        let exact = weights.map { Double(count) * $0 / total }
        var parts = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - Double(parts[$0]), $1) > (exact[$1] - Double(parts[$1]), $0) }
        for index in order.prefix(count - parts.reduce(0, +)) { parts[index] += 1 }
        return parts
    }

    /// `count` in `parts` whole parts as equal as possible, earlier parts taking the remainder (a
    /// year's flow into its batches).
    public static func evenly(_ count: Int, parts: Int) -> [Int] {
        guard parts > 0 else { return [] }
        let base = count / parts
        let extra = count % parts
        return (0..<parts).map { base + ($0 < extra ? 1 : 0) }
    }
}
