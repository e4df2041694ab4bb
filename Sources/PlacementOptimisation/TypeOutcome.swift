/// What the sub-problems of one placement type (or all of them, combined) decided.
struct TypeOutcome: Sendable {
    /// Children of a unit sent to a pool, as (unit, pool, placements).
    var flows: [(unit: Int, pool: Int, placements: Int)] = []
    /// Placements of a unit left unplaced.
    var unplaced: [(unit: Int, placements: Int)] = []
    var objective = 0.0
    var status = RunStatus.optimal
    /// Demand rows' duals per child, by unit: the weekly cost of one more child of the unit.
    var marginalCosts: [(unit: Int, cost: Double)] = []
    var statistics = RunStatistics()

    /// Reads a plan's flows and unplaced children from the model's column values.
    mutating func record(_ values: [Double], of placement: PlacementModel, units: [DemandUnit]) {
        for (column, pair) in placement.pairs.enumerated() {
            let placements = Int(values[column].rounded())
            if placements > 0 { flows.append((pair.unit, pair.pool, placements)) }
        }
        for (position, unit) in placement.units.enumerated() {
            let placements = Int(values[placement.unplacedColumn(position).index].rounded())
            if placements > 0 { unplaced.append((unit, placements)) }
        }
    }

    mutating func absorb(_ other: TypeOutcome) {
        flows += other.flows
        unplaced += other.unplaced
        objective += other.objective
        marginalCosts += other.marginalCosts
        statistics.add(other.statistics)
        status = Self.worse(status, other.status)
    }

    /// A time limit anywhere makes the whole run time-limited; the gap is the largest known.
    static func worse(_ a: RunStatus, _ b: RunStatus) -> RunStatus {
        switch (a, b) {
        case (.optimal, let other), (let other, .optimal): other
        case (.timeLimit(let x), .timeLimit(let y)): .timeLimit(gap: x.flatMap { x in y.map { max(x, $0) } })
        }
    }
}
