import LinearProgramming

/// A near-optimal starting basis for a linear placement model, by the transportation problem's
/// least-cost method: pairs in order of cost, each given as many children as its unit still needs
/// and its pool still has; what no pool takes is unplaced.
///
/// Each assignment exhausts its unit or its pool, so the pairs used form a forest; each tree is
/// rooted once, by a unit's `unplaced` column or a pool's slack (places left), which makes the set a
/// basis. A tree that ends with its last unit and pool exhausted together gets its pool's slack as a
/// degenerate root. Starting there, primal simplex needs a fraction of the iterations it needs from
/// everyone unplaced. Only for models whose units are placed one child at a time (no sibling groups).
enum LeastCostStart {
    /// The basis, or `nil` when the model has integer columns or the construction fails a check
    /// (the caller then starts from everyone unplaced).
    static func basis(_ placement: PlacementModel) -> Basis? {
        basis(placement, pairsByCost: pairsByCost(placement))
    }

    /// The model's pair columns from the cheapest, ties in column order.
    static func pairsByCost(_ placement: PlacementModel) -> [Int] {
        let costs = placement.pairs.map(\.terms.cost)
        return costs.indices.sorted { costs[$0] != costs[$1] ? costs[$0] < costs[$1] : $0 < $1 }
    }

    /// The same with the pairs' order given, for a model started many times with new bounds.
    static func basis(_ placement: PlacementModel, pairsByCost byCost: [Int]) -> Basis? {
        let model = placement.model
        guard !model.hasIntegerVariables else { return nil }
        let unitCount = placement.units.count
        let poolCount = placement.pools.count
        var need = (0..<unitCount).map { model.rowUpperBounds[placement.demandRow($0).index] }
        var room = (0..<poolCount).map { placement.places(ofPoolAt: $0) }
        // By the problem's unit and pool numbers, −1 where not in this model.
        var rowOfPool = [Int](repeating: -1, count: (placement.pools.max() ?? -1) + 1)
        for (row, pool) in placement.pools.enumerated() { rowOfPool[pool] = row }
        var unitPosition = [Int](repeating: -1, count: (placement.units.max() ?? -1) + 1)
        for (position, unit) in placement.units.enumerated() { unitPosition[unit] = position }

        // Rows as one numbering for the forest: units first, then pools.
        var forest = UnionFind(count: unitCount + poolCount)
        var columns = [Basis.Status](repeating: .atLowerBound, count: model.variableCount)
        var basics = 0
        for column in byCost {
            let pair = placement.pairs[column]
            guard unitPosition.indices.contains(pair.unit), rowOfPool.indices.contains(pair.pool) else { return nil }
            let unit = unitPosition[pair.unit]
            let pool = rowOfPool[pair.pool]
            guard unit >= 0, pool >= 0 else { return nil }
            let amount = min(need[unit], room[pool])
            guard amount > 0 else { continue }
            guard forest.union(unit, unitCount + pool) else { return nil }  // a cycle: not a basis
            need[unit] -= amount
            room[pool] -= amount
            columns[placement.pairColumn(column).index] = .basic
            basics += 1
        }
        var rooted = [Bool](repeating: false, count: unitCount + poolCount)
        func root(_ node: Int) -> Bool {
            let tree = forest.find(node)
            guard !rooted[tree] else { return false }
            rooted[tree] = true
            return true
        }
        for unit in 0..<unitCount where need[unit] > 0 {
            guard root(unit) else { return nil }
            columns[placement.unplacedColumn(unit).index] = .basic
            basics += 1
        }
        var rows = [Basis.Status](repeating: .fixed, count: model.constraintCount)
        for pool in 0..<poolCount {
            let row = placement.capacityRow(pool).index
            if room[pool] > 0 {
                guard root(unitCount + pool) else { return nil }
                rows[row] = .basic
                basics += 1
            } else {
                rows[row] = .atUpperBound
            }
        }
        // Trees left without a root: a full pool's slack enters at zero.
        for pool in 0..<poolCount where rows[placement.capacityRow(pool).index] != .basic {
            if root(unitCount + pool) {
                rows[placement.capacityRow(pool).index] = .basic
                basics += 1
            }
        }
        // A unit with no children to place is a tree of its own: its `unplaced` column enters at zero.
        for unit in 0..<unitCount where root(unit) {
            columns[placement.unplacedColumn(unit).index] = .basic
            basics += 1
        }
        guard basics == model.constraintCount else { return nil }
        return Basis(rows: rows, columns: columns)
    }
}

/// Disjoint sets of rows, for the forest of pairs a start uses.
private struct UnionFind {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func find(_ node: Int) -> Int {
        var node = node
        while parent[node] != node {
            parent[node] = parent[parent[node]]
            node = parent[node]
        }
        return node
    }

    /// Joins the sets of `a` and `b`; `false` when they were already one (the edge would close a cycle).
    mutating func union(_ a: Int, _ b: Int) -> Bool {
        let (rootA, rootB) = (find(a), find(b))
        guard rootA != rootB else { return false }
        parent[rootA] = rootB
        return true
    }
}
