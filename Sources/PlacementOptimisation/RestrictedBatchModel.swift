import LinearProgramming

/// One batch's solve of a market model by partial pricing (``PartialPricing``): GLPK holds only
/// the pairs priced in so far, every row of the market model, and each unit's `unplaced` column.
///
/// Every GLPK solve costs time in proportion to the model it is given, whatever the share of its
/// columns fixed at zero, so a batch's model is built small and grown column by column rather
/// than carved out of the whole market by bounds. The optimum is then refined to the preferred plan
/// (``PreferredOptimum``) on the same small model, once the open pairs priced at zero (tied with the
/// optimum, so on its face) have joined it.
///
/// Built and solved on one thread (GLPK's environment is per thread).
struct RestrictedBatchModel {
    struct Solved {
        var flows: [(unit: Int, pool: Int, placements: Int)] = []
        var unplaced: [(unit: Int, placements: Int)] = []
        var isOptimal = true
    }

    private let built: BatchMarket.BuiltModel
    private var placement: PlacementModel { built.placement }
    /// The market model's column of each column of the small model.
    private var columns: [Int] = []
    private var admitted: [Bool] = []

    /// Solves `built` with `demand` per unit and `places` per pool (both by the problem's numbers).
    /// `options` gives each GLPK solve its options when it starts (so a time limit counts what is left).
    static func solve(
        _ built: BatchMarket.BuiltModel, units: [DemandUnit], demand: [Int], places: [Int],
        options: () -> SolveOptions
    ) throws(OptimiserError) -> Solved {
        let placement = built.placement
        var restricted = RestrictedBatchModel(built: built)
        let result: (solution: Solution, values: [Double])
        do {
            result = try restricted.optimum(demand: demand, places: places, options: options)
        } catch {
            throw .solver(error)
        }
        var solved = Solved(isOptimal: result.solution.status == .optimal)
        guard result.solution.status.hasFeasibleValues else {
            // Everyone unplaced is always feasible, so only a limit can leave no plan.
            guard [.timeLimit, .iterationLimit].contains(result.solution.termination) else {
                throw .brokenInvariant(
                    "a batch model ended with status \(result.solution.status) (\(result.solution.termination))")
            }
            for unit in placement.units where demand[unit] > 0 { solved.unplaced.append((unit, demand[unit])) }
            return solved
        }
        var outcome = TypeOutcome()
        outcome.record(result.values, of: placement, units: units)
        solved.flows = outcome.flows
        solved.unplaced = outcome.unplaced
        return solved
    }

    private init(built: BatchMarket.BuiltModel) {
        self.built = built
    }

    /// The last solve of the small model and, when it has feasible values, the refined plan's value
    /// of every market column.
    private mutating func optimum(demand: [Int], places: [Int], options: () -> SolveOptions)
        throws(LinearProgrammingError) -> (solution: Solution, values: [Double])
    {
        var market = placement
        for (position, unit) in placement.units.enumerated() {
            let children = Double(demand[unit])
            market.model.setBounds(placement.demandRow(position), lower: children, upper: children)
            market.model.setBounds(placement.unplacedColumn(position), lower: 0, upper: children)
        }
        for (position, pool) in placement.pools.enumerated() {
            let row = placement.capacityRow(position)
            market.model.setBounds(row, lower: placement.model.rowLowerBounds[row.index], upper: Double(places[pool]))
        }
        let start = LeastCostStart.basis(market, pairsByCost: built.pairsByCost) ?? market.everyoneUnplacedBasis
        let open = placement.pairs.map { demand[$0.unit] > 0 && places[$0.pool] > 0 }
        admitted = built.pricing.candidates(open: open, start: start)
        let solver = try Solver(rows(of: market.model))
        try add(
            admitted.indices.filter { admitted[$0] } + Array(placement.pairs.count..<market.model.variableCount),
            of: market.model, to: solver)
        try solver.setBasis(Basis(rows: start.rows, columns: columns.map { start.columns[$0] }))
        var solution = try solver.solve(options())
        // Price the pairs left out until none would lower the cost; then those tied with the
        // optimum join it, so that the refinement sees the whole optimal face.
        while solution.status == .optimal, let duals = solution.rowDuals {
            let priced = built.pricing.price(open: open, admitted: admitted, duals: duals)
            let joining = priced.entering.isEmpty ? priced.onFace : priced.entering
            guard !joining.isEmpty else { break }
            try add(joining, of: market.model, to: solver)
            solution = try solver.solve(options())
            if priced.entering.isEmpty { break }
        }
        guard solution.status.hasFeasibleValues else { return (solution, []) }
        var best = solution
        if solution.status == .optimal {
            var statistics = RunStatistics()  // a batch reports no statistics
            best = try PreferredOptimum.refine(
                solution, solver: solver, primaryCosts: columns.map { placement.model.objectiveCoefficients[$0] },
                stages: built.stages.map { stage in columns.map { stage[$0] } }, options: options(),
                statistics: &statistics)
        }
        var values = [Double](repeating: 0, count: placement.model.variableCount)
        for (index, column) in columns.enumerated() { values[column] = best.values[index] }
        return (solution, values)
    }

    /// Every row of `market`, with the batch's bounds, and no column yet.
    private func rows(of market: Model) -> Model {
        var model = Model(name: market.name)
        for row in 0..<market.constraintCount {
            model.addConstraint(
                variables: [], coefficients: [], lowerBound: market.rowLowerBounds[row],
                upperBound: market.rowUpperBounds[row])
        }
        return model
    }

    /// Adds market columns, with `market`'s bounds, to the solver's model; they enter non-basic, so
    /// the next solve starts from the last basis.
    private mutating func add(_ added: [Int], of market: Model, to solver: Solver) throws(LinearProgrammingError) {
        try solver.addVariables(
            added.map { column in
                Solver.NewVariable(
                    lowerBound: market.columnLowerBounds[column], upperBound: market.columnUpperBounds[column],
                    kind: market.columnKinds[column], objective: market.objectiveCoefficients[column],
                    coefficients: built.pricing.entries(ofColumn: column))
            })
        for column in added where column < placement.pairs.count { admitted[column] = true }  // pairs only
        columns += added
    }
}
