import LinearProgramming

/// The linear (or, with sibling groups, mixed-integer) programme for some demand units and pools:
///
///     minimise   Σ cost(u,p)·size(u)·x(u,p) + penalty·size(u)·unplaced(u)
///     subject to Σ_p x(u,p) + unplaced(u) = placements(u)      for every unit u   (demand_u…)
///                Σ_u size(u)·x(u,p) ≤ places(p)                for every pool p   (capacity_p…)
///                x, unplaced ≥ 0; binary for sibling groups
///
/// Columns are the admissible pairs, unit by unit, then one `unplaced` column per unit.
struct PlacementModel {
    struct Pair: Sendable {
        var unit: Int
        var pool: Int
        var terms: PairCosting.Terms
    }

    var model: Model
    /// Indices of the units in this model, in row order.
    let units: [Int]
    /// Indices of the pools with a capacity row, in row order.
    let pools: [Int]
    /// One per pair column, in column order.
    let pairs: [Pair]

    /// The column of pair `index` (in `pairs`).
    func pairColumn(_ index: Int) -> Variable { Variable(index: index) }
    /// The `unplaced` column of the unit at `position` (in `units`).
    func unplacedColumn(_ position: Int) -> Variable { Variable(index: pairs.count + position) }
    /// The demand row of the unit at `position` (in `units`).
    func demandRow(_ position: Int) -> Constraint { Constraint(index: position) }
    /// The capacity row of the pool at `position` (in `pools`).
    func capacityRow(_ position: Int) -> Constraint { Constraint(index: units.count + position) }
    /// The places of the pool at `position`, as the model holds them.
    func places(ofPoolAt position: Int) -> Double { model.rowUpperBounds[capacityRow(position).index] }

    /// Builds the model of `unitIndices` against the pools they can use. `admissiblePairs` lists,
    /// for each unit in `unitIndices`, the pools it may use with their terms; `poolPlaces` gives every
    /// pool's places left.
    init(
        name: String, units allUnits: [DemandUnit], poolPlaces: [Int], unitIndices: [Int],
        admissiblePairs: [[(pool: Int, terms: PairCosting.Terms)]], unplacedPenalty: Double, named: Bool = true
    ) {
        var pairs: [Pair] = []
        var poolRow: [Int: Int] = [:]
        var poolOrder: [Int] = []
        for (position, unit) in unitIndices.enumerated() {
            for candidate in admissiblePairs[position] {
                pairs.append(Pair(unit: unit, pool: candidate.pool, terms: candidate.terms))
                if poolRow[candidate.pool] == nil {
                    poolRow[candidate.pool] = poolOrder.count
                    poolOrder.append(candidate.pool)
                }
            }
        }
        var model = Model(name: name)
        model.reserveCapacity(
            variables: pairs.count + unitIndices.count, constraints: unitIndices.count + poolOrder.count,
            nonzeros: 2 * pairs.count + unitIndices.count)
        let unitPosition = Dictionary(uniqueKeysWithValues: unitIndices.enumerated().map { ($1, $0) })
        var demandColumns = Array(repeating: [Variable](), count: unitIndices.count)
        var capacityColumns = Array(repeating: [Variable](), count: poolOrder.count)
        var capacityCoefficients = Array(repeating: [Double](), count: poolOrder.count)
        for pair in pairs {
            let unit = allUnits[pair.unit]
            let variable = model.addVariable(
                name: named ? "place_u\(pair.unit)_p\(pair.pool)" : "",
                kind: unit.isSiblingGroup ? .binary : .continuous,
                objective: pair.terms.cost * Double(unit.groupSize))
            demandColumns[unitPosition[pair.unit]!].append(variable)
            let row = poolRow[pair.pool]!
            capacityColumns[row].append(variable)
            capacityCoefficients[row].append(Double(unit.groupSize))
        }
        for (position, index) in unitIndices.enumerated() {
            let unit = allUnits[index]
            let unplaced = model.addVariable(
                name: named ? "unplaced_u\(index)" : "", upperBound: Double(unit.placements),
                kind: unit.isSiblingGroup ? .binary : .continuous,
                objective: unplacedPenalty * Double(unit.groupSize))
            demandColumns[position].append(unplaced)
        }
        for (position, index) in unitIndices.enumerated() {
            let columns = demandColumns[position]
            let placements = Double(allUnits[index].placements)
            model.addConstraint(
                variables: columns, coefficients: Array(repeating: 1, count: columns.count), lowerBound: placements,
                upperBound: placements, name: named ? "demand_u\(index)" : "")
        }
        for (row, pool) in poolOrder.enumerated() {
            model.addConstraint(
                variables: capacityColumns[row], coefficients: capacityCoefficients[row],
                upperBound: Double(poolPlaces[pool]), name: named ? "capacity_p\(pool)" : "")
        }
        self.model = model
        self.units = unitIndices
        self.pools = poolOrder
        self.pairs = pairs
    }

    /// Column values with every child unplaced.
    var everyoneUnplacedValues: [Double] {
        var values = Array(repeating: 0.0, count: model.variableCount)
        for position in units.indices {
            values[unplacedColumn(position).index] = model.rowUpperBounds[demandRow(position).index]
        }
        return values
    }

    /// A primal feasible starting basis: every child unplaced (the `unplaced` columns basic, the
    /// demand rows non-basic) and every place free (capacity slacks basic). GLPK's own slack basis
    /// is infeasible because the demand rows are equalities, and phase one would cost more than the
    /// optimisation itself.
    var everyoneUnplacedBasis: Basis {
        var columns = Array(repeating: Basis.Status.atLowerBound, count: model.variableCount)
        for position in units.indices { columns[unplacedColumn(position).index] = .basic }
        let rows =
            Array(repeating: Basis.Status.fixed, count: units.count)
            + Array(repeating: Basis.Status.basic, count: pools.count)
        return Basis(rows: rows, columns: columns)
    }
}
