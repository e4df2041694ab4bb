import LinearProgramming

/// Partial pricing for a batch model: GLPK's simplex works on a few candidate pairs per unit, and
/// every other open pair is priced in Swift against the optimum's duals, entering only when it
/// would lower the cost.
///
/// A national foster model has some 50,000 open pairs in a batch, and each simplex iteration prices
/// and updates every one of them, while the optimum uses a handful per unit. So each batch starts
/// with its least-cost start's pairs and each unit's cheapest open pairs; after each solve, the
/// pairs whose reduced cost `c − Aᵀy` is negative enter and the model is solved again from the
/// optimum it had. When none is negative, the optimum of the candidates is an optimum of every open
/// pair (the duals are feasible for all of them), so the cost is the full model's.
struct PartialPricing: Sendable {
    /// Cheapest open pairs per unit a batch starts with, beside the least-cost start's.
    static let candidatesPerUnit = 5

    /// The pair columns of each unit (by position in the model), from the cheapest.
    private let pairsOfUnitByCost: [[Int]]
    private let costs: [Double]
    /// Each column's entries (pairs', then `unplaced` columns'): `entryStart[j]..<entryStart[j + 1]`.
    private let entryStart: [Int]
    private let entryRows: [Int]
    private let entryValues: [Double]

    /// `pairsByCost`: the model's pairs from the cheapest (``LeastCostStart/pairsByCost(_:)``); a
    /// unit's pairs keep that order (its children are all one group size, so cost per child orders
    /// them as their columns' costs do).
    init(_ placement: PlacementModel, pairsByCost: [Int]) {
        let model = placement.model
        costs = Array(model.objectiveCoefficients.prefix(placement.pairs.count))
        var unitPosition = [Int: Int]()
        for (position, unit) in placement.units.enumerated() { unitPosition[unit] = position }
        var pairsOfUnit = Array(repeating: [Int](), count: placement.units.count)
        for column in pairsByCost {
            if let position = unitPosition[placement.pairs[column].unit] { pairsOfUnit[position].append(column) }
        }
        pairsOfUnitByCost = pairsOfUnit
        let columnCount = model.variableCount
        var counts = [Int](repeating: 0, count: columnCount + 1)
        for entry in 0..<model.nonzeroCount { counts[model.entryColumns[entry] + 1] += 1 }
        for column in 0..<columnCount { counts[column + 1] += counts[column] }
        var next = counts
        var rows = [Int](repeating: 0, count: counts[columnCount])
        var values = [Double](repeating: 0, count: counts[columnCount])
        for entry in 0..<model.nonzeroCount {
            let column = model.entryColumns[entry]
            rows[next[column]] = model.entryRows[entry]
            values[next[column]] = model.entryValues[entry]
            next[column] += 1
        }
        entryStart = counts
        entryRows = rows
        entryValues = values
    }

    /// The pairs a batch's solve starts with: those basic in `start`, and each unit's
    /// ``candidatesPerUnit`` cheapest open pairs.
    func candidates(open: [Bool], start: Basis) -> [Bool] {
        var admitted = [Bool](repeating: false, count: open.count)
        for column in open.indices where open[column] && start.columns[column] == .basic { admitted[column] = true }
        for pairs in pairsOfUnitByCost {
            var taken = 0
            for column in pairs where open[column] {
                admitted[column] = true
                taken += 1
                if taken == Self.candidatesPerUnit { break }
            }
        }
        return admitted
    }

    /// A column's coefficients, for a model of some of the market's columns.
    func entries(ofColumn column: Int) -> [(Constraint, Double)] {
        (entryStart[column]..<entryStart[column + 1]).map { (Constraint(index: entryRows[$0]), entryValues[$0]) }
    }

    /// `c − Aᵀy` of a pair column at row duals `duals`.
    func reducedCost(ofPair column: Int, duals: [Double]) -> Double {
        var cost = costs[column]
        for entry in entryStart[column]..<entryStart[column + 1] {
            cost -= entryValues[entry] * duals[entryRows[entry]]
        }
        return cost
    }

    /// The open pairs left out so far, split by their reduced cost at `duals`: those that would
    /// lower the cost (below −tolerance) and those on the optimal face (within it).
    func price(open: [Bool], admitted: [Bool], duals: [Double]) -> (entering: [Int], onFace: [Int]) {
        var entering: [Int] = []
        var onFace: [Int] = []
        for column in open.indices where open[column] && !admitted[column] {
            let reduced = reducedCost(ofPair: column, duals: duals)
            let tolerance = PreferredOptimum.faceTolerance * max(1, abs(costs[column]))
            if reduced < -tolerance {
                entering.append(column)
            } else if reduced <= tolerance {
                onFace.append(column)
            }
        }
        return (entering, onFace)
    }
}
