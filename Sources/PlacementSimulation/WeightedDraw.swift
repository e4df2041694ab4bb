/// Draws indices in proportion to weights that change as places fill (a Fenwick tree of weights):
/// a draw and an update each take O(log n).
struct WeightedDraw {
    private var tree: [Double]
    private var weights: [Double]
    private(set) var total: Double

    /// Built in O(n): each node passes its sum to its parent.
    init(_ weights: [Double]) {
        self.weights = weights
        var tree = [0.0]
        tree.reserveCapacity(weights.count + 1)
        tree += weights
        var total = 0.0
        for node in 1..<tree.count {
            total += weights[node - 1]
            let parent = node + (node & -node)
            if parent < tree.count { tree[parent] += tree[node] }
        }
        self.tree = tree
        self.total = total
    }

    private mutating func add(_ amount: Double, at index: Int) {
        total += amount
        var node = index + 1
        while node < tree.count {
            tree[node] += amount
            node += node & -node
        }
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
        var position = 0
        var remaining = point
        var step = 1
        while step * 2 < tree.count { step *= 2 }
        while step > 0 {
            let next = position + step
            if next < tree.count, tree[next] <= remaining {
                position = next
                remaining -= tree[next]
            }
            step /= 2
        }
        // Rounding can land past the last positive weight: step back to it.
        var index = min(position, weights.count - 1)
        while index > 0, weights[index] <= 0 { index -= 1 }
        if weights[index] <= 0 { index = weights.firstIndex { $0 > 0 } ?? index }
        return weights[index] > 0 ? index : nil
    }
}
