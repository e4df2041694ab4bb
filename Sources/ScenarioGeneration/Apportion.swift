/// Splits a whole number into parts proportional to weights, by the largest-remainder method, so the
/// parts are whole and add up exactly. Ties go to the earlier weight.
public enum Apportion {
    public static func split(_ total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard total > 0, sum > 0 else { return weights.map { _ in 0 } }
        let exact = weights.map { Double(total) * $0 / sum }
        var parts = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - Double(parts[$0]), $1) > (exact[$1] - Double(parts[$1]), $0) }
        for index in order.prefix(total - parts.reduce(0, +)) { parts[index] += 1 }
        return parts
    }
}
