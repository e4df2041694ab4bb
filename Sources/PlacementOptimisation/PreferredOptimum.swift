import LinearProgramming
import PlacementScenarios

/// Chooses, among a model's optimal plans, the one a commissioner would: the child's own council's
/// place before a partner's or the market's at the same cost, then nearer before farther.
///
/// The weighted objective is often indifferent between such plans (a partner's in-house place at the
/// same price, say), and which one GLPK returns would otherwise decide the reported M1. So the
/// optimum is refined lexicographically, without a second objective that could trade real cost:
///
/// 1. From an optimal basis, complementary slackness describes every optimal plan: a column with a
///    positive reduced cost stays at its lower bound, one with a negative reduced cost at its upper
///    bound, and a row with a non-zero dual stays tight. Fixing those keeps exactly the optimal face.
/// 2. On that face, maximise the children placed with their own council's in-house places.
/// 3. Fix that stage's face the same way and minimise the miles travelled.
///
/// Each stage starts from the previous optimal basis, which stays feasible, so the stages cost a few
/// simplex iterations. A stage whose result does not keep the first objective to
/// ``PreferredOptimum/objectiveTolerance`` is discarded (numerical safety), and the last good
/// solution is kept.
enum PreferredOptimum {
    /// A reduced cost or dual counts as non-zero above this, relative to the column's cost.
    static let faceTolerance = 1e-7
    /// Relative change of the first objective a refinement may make.
    static let objectiveTolerance = 1e-9

    /// The refined solution, or `optimum` when no stage could run. `optimum` must be an optimal
    /// simplex solution of `solver`'s model with its duals.
    static func refine(
        _ optimum: Solution, solver: Solver, placement: PlacementModel, problem: PlacementProblem,
        options: SolveOptions,
        statistics: inout RunStatistics
    ) throws(LinearProgrammingError) -> Solution {
        try refine(
            optimum, solver: solver, primaryCosts: placement.model.objectiveCoefficients,
            stages: stages(placement, problem), options: options, statistics: &statistics)
    }

    /// The same for any model, with its cost objective and the stages' objectives given.
    static func refine(
        _ optimum: Solution, solver: Solver, primaryCosts: [Double], stages: [[Double]], options: SolveOptions,
        statistics: inout RunStatistics
    ) throws(LinearProgrammingError) -> Solution {
        var best = optimum
        for stageCosts in stages where stageCosts.contains(where: { $0 != 0 }) {
            guard let reducedCosts = best.reducedCosts, let duals = best.rowDuals else { break }
            try fixOptimalFace(
                solver: solver, reducedCosts: reducedCosts, duals: duals, costs: solver.model.objectiveCoefficients)
            let current = solver.model.objectiveCoefficients
            let changed = stageCosts.indices.filter { stageCosts[$0] != current[$0] }
            try solver.setObjectiveCoefficients(changed.map { (Variable(index: $0), stageCosts[$0]) })
            let refined = try solver.solve(options)
            statistics.iterations += refined.iterations
            statistics.solveSeconds += refined.solveTime.seconds
            guard refined.status == .optimal else { break }
            let firstObjective = zip(primaryCosts, refined.values).reduce(0) { $0 + $1.0 * $1.1 }
            let scale = max(1, abs(optimum.objective))
            guard abs(firstObjective - optimum.objective) <= objectiveTolerance * scale else { break }
            best = refined
        }
        return best
    }

    /// The objectives of the refining stages, in order: own council's places, then miles.
    static func stages(_ placement: PlacementModel, _ problem: PlacementProblem) -> [[Double]] {
        [ownCouncilPreference(placement, problem), milesTravelled(placement, problem)]
    }

    /// Keeps the optimal face of the last solve: see the type's documentation.
    private static func fixOptimalFace(solver: Solver, reducedCosts: [Double], duals: [Double], costs: [Double])
        throws(LinearProgrammingError)
    {
        let model = solver.model
        var columns: [(variable: Variable, lower: Double, upper: Double)] = []
        for (column, reducedCost) in reducedCosts.enumerated() {
            let threshold = faceTolerance * max(1, abs(costs[column]))
            let lower = model.columnLowerBounds[column]
            let upper = model.columnUpperBounds[column]
            if reducedCost > threshold, upper > lower {
                columns.append((Variable(index: column), lower, lower))
            } else if reducedCost < -threshold, upper > lower, upper.isFinite {
                columns.append((Variable(index: column), upper, upper))
            }
        }
        var rows: [(constraint: Constraint, lower: Double, upper: Double)] = []
        for (row, dual) in duals.enumerated() where abs(dual) > faceTolerance {
            let lower = model.rowLowerBounds[row]
            let upper = model.rowUpperBounds[row]
            guard lower != upper else { continue }
            // A minimisation's binding "at most" row has a negative dual; "at least", positive.
            if dual < 0, upper.isFinite { rows.append((Constraint(index: row), upper, upper)) }
            if dual > 0, lower.isFinite { rows.append((Constraint(index: row), lower, lower)) }
        }
        if !columns.isEmpty { try solver.setBounds(columns) }
        if !rows.isEmpty { try solver.setBounds(rows) }
    }

    /// −children for each pair that places a unit with its own council's in-house places.
    private static func ownCouncilPreference(_ placement: PlacementModel, _ problem: PlacementProblem) -> [Double] {
        var costs = Array(repeating: 0.0, count: placement.model.variableCount)
        for (column, pair) in placement.pairs.enumerated() {
            let unit = problem.units[pair.unit]
            if problem.pools[pair.pool].representative.isRun(byCouncil: unit.homeAuthority) {
                costs[column] = -Double(unit.groupSize)
            }
        }
        return costs
    }

    /// Miles times children for each pair.
    private static func milesTravelled(_ placement: PlacementModel, _ problem: PlacementProblem) -> [Double] {
        var costs = Array(repeating: 0.0, count: placement.model.variableCount)
        for (column, pair) in placement.pairs.enumerated() {
            costs[column] = pair.terms.miles * Double(problem.units[pair.unit].groupSize)
        }
        return costs
    }
}
