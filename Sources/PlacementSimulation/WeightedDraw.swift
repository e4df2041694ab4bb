/// Draws indices in proportion to weights that change as places fill (a Fenwick tree of weights):
/// a draw and an update each take O(log n).
struct WeightedDraw {
    private var tree: FenwickTree<Double>
    private var weights: [Double]
    private(set) var total: Double

    /// Built in O(n).
    init(_ weights: [Double]) {
        self.weights = weights
        tree = FenwickTree(weights)
        total = weights.reduce(0, +)
    }

    private mutating func add(_ amount: Double, at index: Int) {
        total += amount
        tree.add(amount, at: index)
    }

    /// Sets the weight of `index` to zero (its places are full).
    mutating func remove(_ index: Int) {
        guard weights[index] > 0 else { return }
        add(-weights[index], at: index)
        weights[index] = 0
    }

    /// The index whose cumulative weight range holds `point` (0 ≤ point < total), never one of
    /// weight zero.
    func index(at point: Double) -> Int? {
        guard total > 0, !weights.isEmpty else { return nil }
        let position = tree.index(holding: point)
        // Rounding can land past the last positive weight: step back to it.
        var index = min(position, weights.count - 1)
        while index > 0, weights[index] <= 0 { index -= 1 }
        if weights[index] <= 0 { index = weights.firstIndex { $0 > 0 } ?? index }
        return weights[index] > 0 ? index : nil
    }
}
