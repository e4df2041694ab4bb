/// Running sums of values that change one at a time (a Fenwick tree): an update and a search for
/// the index holding a point of the running sum each take O(log n). ``WeightedDraw`` draws places
/// by weight with it, ``ChildDraw`` whole children.
struct FenwickTree<Value: AdditiveArithmetic & Comparable> {
    /// Node k (1-based) holds the sum of the values k − lowbit(k) + 1 … k; node 0 is unused.
    private var nodes: [Value]
    /// The largest power of two below the node count: where a search starts.
    private let topStep: Int

    /// Built in O(n): each node passes its sum to its parent.
    init(_ values: [Value]) {
        var nodes = [Value.zero]
        nodes.reserveCapacity(values.count + 1)
        nodes += values
        for node in nodes.indices.dropFirst() {
            let parent = node + (node & -node)
            if parent < nodes.count { nodes[parent] += nodes[node] }
        }
        self.nodes = nodes
        var step = 1
        while step * 2 < nodes.count { step *= 2 }
        topStep = values.isEmpty ? 0 : step
    }

    /// Adds `amount` to the value at `index`.
    mutating func add(_ amount: Value, at index: Int) {
        var node = index + 1
        while node < nodes.count {
            nodes[node] += amount
            node += node & -node
        }
    }

    /// The first index whose running sum (its value included) exceeds `point`, for a point from zero
    /// up to the total; the count of values when none does.
    func index(holding point: Value) -> Int {
        var position = 0
        var remaining = point
        var step = topStep
        while step > 0 {
            let next = position + step
            if next < nodes.count, nodes[next] <= remaining {
                position = next
                remaining -= nodes[next]
            }
            step /= 2
        }
        return position
    }
}
