/// A quick feasible plan for a placement model: the largest units first (first-fit decreasing, as
/// for bin packing, since a sibling group needs all its places at one provider), each child to the
/// cheapest admissible pool with room, the rest unplaced.
///
/// Branch-and-cut takes it as its first incumbent, so a solve stopped by a time limit still returns
/// a useful plan with a known gap; where the limit stops even the LP relaxation, it is the plan.
enum GreedyPlacement {
    /// Column values for `placement`: one per pair column, then one per unit's `unplaced` column.
    static func values(_ placement: PlacementModel, units: [DemandUnit]) -> [Double] {
        var values = Array(repeating: 0.0, count: placement.model.variableCount)
        // Places left per capacity row, read from the model's row bounds.
        var placesLeft = placement.pools.indices.map { placement.places(ofPoolAt: $0) }
        var rowOfPool: [Int: Int] = [:]
        for (row, pool) in placement.pools.enumerated() { rowOfPool[pool] = row }
        var columnsOfUnit: [Int: [Int]] = [:]
        for (column, pair) in placement.pairs.enumerated() { columnsOfUnit[pair.unit, default: []].append(column) }
        let order = placement.units.indices.sorted {
            let (a, b) = (units[placement.units[$0]], units[placement.units[$1]])
            return a.groupSize != b.groupSize ? a.groupSize > b.groupSize : $0 < $1
        }
        for position in order {
            let index = placement.units[position]
            let unit = units[index]
            var remaining = unit.placements
            let cheapestFirst = (columnsOfUnit[index] ?? []).sorted {
                placement.pairs[$0].terms.cost < placement.pairs[$1].terms.cost
            }
            for column in cheapestFirst where remaining > 0 {
                let row = rowOfPool[placement.pairs[column].pool]!
                let taking = min(Double(remaining), (placesLeft[row] / Double(unit.groupSize)).rounded(.down))
                guard taking > 0 else { continue }
                values[column] = taking
                placesLeft[row] -= taking * Double(unit.groupSize)
                remaining -= Int(taking)
            }
            values[placement.unplacedColumn(position).index] = Double(remaining)
        }
        return values
    }

    /// The objective of `values` under the model's costs.
    static func objective(_ values: [Double], of placement: PlacementModel) -> Double {
        zip(placement.model.objectiveCoefficients, values).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
