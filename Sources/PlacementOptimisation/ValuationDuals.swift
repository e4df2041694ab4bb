import LinearProgramming

/// Duals that value one more place, where the optimal ones are not unique.
///
/// When places exactly meet a need (kinship places, say, estimated from kinship demand), the
/// optimum is degenerate and GLPK may return duals that price the last child at the unplaced
/// penalty. Re-solving from the optimal basis with every pool `ε` places larger picks an optimal
/// basis of the original problem whose duals hold as places increase. `ε` stays below the first
/// breakpoint: basic values are integers plus `ε` times at most the number of pools (the matrix is
/// a transportation matrix, so its basis inverses hold only 0 and ±1). The real places are restored
/// afterwards; the basis stays optimal for them.
enum ValuationDuals {
    /// `nil` when the re-solve does not end optimal (the time limit, say): the caller keeps the
    /// first duals.
    static func duals(
        _ solver: Solver, _ placement: PlacementModel, options: SolveOptions, statistics: inout RunStatistics
    ) throws(LinearProgrammingError) -> [Double]? {
        guard !placement.pools.isEmpty else { return nil }
        let epsilon = 1 / (4 * Double(placement.pools.count + 1))
        func capacities(plus extra: Double) -> [(constraint: Constraint, lower: Double, upper: Double)] {
            placement.pools.indices.map {
                (placement.capacityRow($0), -Double.infinity, placement.places(ofPoolAt: $0) + extra)
            }
        }
        try solver.setBounds(capacities(plus: epsilon))
        let solution = try solver.solve(options)
        statistics.iterations += solution.iterations
        statistics.solveSeconds += solution.solveTime.seconds
        try solver.setBounds(capacities(plus: 0))
        guard solution.status == .optimal else { return nil }
        return solution.rowDuals
    }
}
