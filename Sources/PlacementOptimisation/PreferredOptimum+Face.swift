import LinearProgramming

extension PreferredOptimum {
    /// Refines an optimum of a large model on a model of its optimal face alone, leaving `solver`'s
    /// model as it was; returns the refined values of every column (the optimum's where nothing
    /// could be refined).
    ///
    /// Every GLPK solve costs time in proportion to the whole model, and a batch model is mostly
    /// columns the optimum fixes (a positive reduced cost, or closed this batch). So the face model
    /// keeps only the basic columns and those free on the face, with the fixed columns' activity moved
    /// into the row bounds. The optimum's basis restricted to it is a basis (every basic column is
    /// kept) with the same duals, so its optimal face is the large model's, and ``refine(_:solver:primaryCosts:stages:options:statistics:)``
    /// chooses the same plan on it.
    static func refineOnFace(
        _ optimum: Solution, solver: Solver, stages: [[Double]], options: SolveOptions,
        statistics: inout RunStatistics
    ) throws(LinearProgrammingError) -> [Double] {
        let model = solver.model
        guard let reducedCosts = optimum.reducedCosts, optimum.rowDuals != nil else { return optimum.values }
        let basis = try solver.basis()
        let costs = model.objectiveCoefficients
        var position = [Int](repeating: -1, count: model.variableCount)
        var kept: [Int] = []
        for column in 0..<model.variableCount {
            let free =
                model.columnUpperBounds[column] > model.columnLowerBounds[column]
                && abs(reducedCosts[column]) <= faceTolerance * max(1, abs(costs[column]))
            if free || basis.columns[column] == .basic {
                position[column] = kept.count
                kept.append(column)
            }
        }
        var lower = model.rowLowerBounds
        var upper = model.rowUpperBounds
        var entries = Array(repeating: [(Constraint, Double)](), count: kept.count)
        for entry in 0..<model.nonzeroCount {
            let column = model.entryColumns[entry]
            let row = model.entryRows[entry]
            if position[column] >= 0 {
                entries[position[column]].append((Constraint(index: row), model.entryValues[entry]))
            } else if optimum.values[column] != 0 {
                let activity = model.entryValues[entry] * optimum.values[column]
                lower[row] -= activity
                upper[row] -= activity
            }
        }
        var face = Model(name: model.name + "_face")
        face.reserveCapacity(variables: kept.count, constraints: model.constraintCount, nonzeros: 2 * kept.count)
        for row in 0..<model.constraintCount {
            face.addConstraint(variables: [], coefficients: [], lowerBound: lower[row], upperBound: upper[row])
        }
        for (index, column) in kept.enumerated() {
            face.addVariable(
                lowerBound: model.columnLowerBounds[column], upperBound: model.columnUpperBounds[column],
                kind: model.columnKinds[column], objective: costs[column], coefficients: entries[index])
        }
        let faceSolver = try Solver(face)
        try faceSolver.setBasis(Basis(rows: basis.rows, columns: kept.map { basis.columns[$0] }))
        // Already optimal: this solve only gives the face model's own duals and reduced costs.
        let start = try faceSolver.solve(options)
        statistics.iterations += start.iterations
        statistics.solveSeconds += start.solveTime.seconds
        guard start.status == .optimal else { return optimum.values }
        let refined = try refine(
            start, solver: faceSolver, primaryCosts: kept.map { costs[$0] },
            stages: stages.map { stage in kept.map { stage[$0] } }, options: options, statistics: &statistics)
        var values = optimum.values
        for (index, column) in kept.enumerated() { values[column] = refined.values[index] }
        return values
    }
}
