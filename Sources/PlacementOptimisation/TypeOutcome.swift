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
