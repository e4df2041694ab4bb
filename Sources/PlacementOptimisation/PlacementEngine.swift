import LinearProgramming
import PlacementScenarios

/// Solves a prepared problem's models: one joint model per placement type, or, in `council` mode,
/// one model per council in the seeded order, each against the places earlier councils left.
/// Each model is solved to its optimum, priced (demand duals that hold as places increase), and
/// refined to the preferred optimal plan (``PreferredOptimum``).
struct PlacementEngine {
    let problem: PlacementProblem
    let options: OptimiserOptions
    let deadline: Deadline

    private var units: [DemandUnit] { problem.units }

    func solveJointly(_ type: PlacementType) throws(OptimiserError) -> TypeOutcome {
        let clock = ContinuousClock()
        let started = clock.now
        let typeUnits = problem.unitsNeeding(type)
        guard let model = problem.model(units: typeUnits, deadline: deadline) else {
            return stoppedBeforeSolving(typeUnits)
        }
        var outcome = try solve(model)
        outcome.statistics.buildSeconds = (clock.now - started).seconds - outcome.statistics.solveSeconds
        return outcome
    }

    func solveCouncilByCouncil(_ type: PlacementType, order: [AuthorityCode]) throws(OptimiserError) -> TypeOutcome {
        let clock = ContinuousClock()
        let started = clock.now
        let unitsByCouncil = Dictionary(grouping: problem.unitsNeeding(type), by: { units[$0].homeAuthority })
        var places = problem.pools.map(\.places)
        var combined = TypeOutcome()
        for council in order {
            guard let councilUnits = unitsByCouncil[council] else { continue }
            guard let model = problem.model(units: councilUnits, poolPlaces: places, deadline: deadline) else {
                combined.absorb(stoppedBeforeSolving(councilUnits))
                continue
            }
            let outcome = try solve(model)
            for flow in outcome.flows { places[flow.pool] -= flow.placements * units[flow.unit].groupSize }
            combined.absorb(outcome)
        }
        // Demand duals stay: each unit is in exactly one council's model.
        combined.statistics.buildSeconds = (clock.now - started).seconds - combined.statistics.solveSeconds
        return combined
    }

    private func stoppedBeforeSolving(_ unitIndices: [Int]) -> TypeOutcome {
        var outcome = problem.everyoneUnplaced(unitIndices)
        outcome.status = .timeLimit(gap: nil)
        return outcome
    }

    /// Solves one model: from the least-cost start (for sibling groups, from everyone unplaced with the
    /// greedy plan as the first incumbent), then the duals and the preferred optimum when it is optimal.
    private func solve(_ placement: PlacementModel) throws(OptimiserError) -> TypeOutcome {
        let isInteger = placement.model.hasIntegerVariables
        let solver = try glpk { () throws(LinearProgrammingError) in try Solver(placement.model) }
        let start = LeastCostStart.basis(placement) ?? placement.everyoneUnplacedBasis
        try glpk { () throws(LinearProgrammingError) in try solver.setBasis(start) }
        var primal = solveOptions(.primalSimplex, integer: isInteger)
        primal.dualsAfterMIP = true
        let greedy = isInteger ? GreedyPlacement.values(placement, units: units) : nil
        primal.mipStart = greedy
        let solution = try glpk { () throws(LinearProgrammingError) in try solver.solve(primal) }
        var outcome = TypeOutcome()
        outcome.statistics = RunStatistics(
            models: 1, rows: placement.model.constraintCount, columns: placement.model.variableCount,
            nonzeros: placement.model.nonzeroCount, iterations: solution.iterations,
            solveSeconds: solution.solveTime.seconds)
        guard solution.status.hasFeasibleValues else {
            // Everyone unplaced is always feasible, so only a limit can leave no plan.
            guard [.timeLimit, .iterationLimit].contains(solution.termination) else {
                throw .brokenInvariant(
                    "the \(placement.model.name) model ended with status \(solution.status) (\(solution.termination))")
            }
            // The greedy plan, or everyone unplaced, is the feasible plan at hand.
            let values = greedy ?? placement.everyoneUnplacedValues
            outcome.record(values, of: placement, units: units)
            outcome.objective = GreedyPlacement.objective(values, of: placement)
            outcome.status = .timeLimit(gap: nil)
            return outcome
        }
        outcome.objective = solution.objective
        outcome.status = solution.status == .optimal ? .optimal : .timeLimit(gap: solution.relativeGap)
        var plan = solution
        if solution.status == .optimal {
            if !solution.isMIP, var duals = solution.rowDuals {
                let options = solveOptions(.dualSimplex, integer: false)
                if self.options.valuesPlaces,
                    let increasing = try glpk({ () throws(LinearProgrammingError) in
                        try ValuationDuals.duals(solver, placement, options: options, statistics: &outcome.statistics)
                    })
                {
                    duals = increasing
                }
                for (position, unit) in placement.units.enumerated() {
                    let dual = duals[placement.demandRow(position).index]
                    outcome.marginalCosts.append((unit, dual / Double(units[unit].groupSize)))
                }
            }
            if solution.isMIP {
                try glpk { () throws(LinearProgrammingError) in try fixIntegers(solver, at: solution.values) }
                // The duals of the LP with every sibling group held where the optimum places it: a
                // single child's marginal cost, conditional on the groups (one more place cannot take
                // a group of two or more, so the groups have none). Taken as places increase, as for
                // an LP: kinship places that exactly meet kinship need had priced a child at the penalty.
                if var duals = solution.rowDuals, !duals.isEmpty {
                    var options = solveOptions(.dualSimplex, integer: true)
                    options.dualsAfterMIP = true
                    if self.options.valuesPlaces,
                        let increasing = try glpk({ () throws(LinearProgrammingError) in
                            try ValuationDuals.duals(
                                solver, placement, options: options, statistics: &outcome.statistics)
                        }), !increasing.isEmpty
                    {
                        duals = increasing
                    }
                    for (position, unit) in placement.units.enumerated() where !units[unit].isSiblingGroup {
                        outcome.marginalCosts.append((unit, duals[placement.demandRow(position).index]))
                    }
                }
            }
            plan = try glpk { () throws(LinearProgrammingError) in
                try PreferredOptimum.refine(
                    solution, solver: solver, placement: placement, problem: problem, options: primal,
                    statistics: &outcome.statistics)
            }
        }
        outcome.record(plan.values, of: placement, units: units)
        return outcome
    }

    private func glpk<T>(_ body: () throws(LinearProgrammingError) -> T) throws(OptimiserError) -> T {
        do {
            return try body()
        } catch {
            throw .solver(error)
        }
    }

    /// Keeps a branch-and-cut solution's integer columns where they are, so that refining the optimum
    /// moves only the continuous ones.
    private func fixIntegers(_ solver: Solver, at values: [Double]) throws(LinearProgrammingError) {
        let kinds = solver.model.columnKinds
        try solver.setBounds(
            kinds.indices.filter { kinds[$0] != .continuous }.map { column in
                let value = values[column].rounded()
                return (Variable(index: column), value, value)
            })
    }

    /// GLPK's options for one solve: the method, messages to the handler, what is left of the time
    /// limit, and for integer models the gap and their own default limit.
    private func solveOptions(_ method: SolveMethod, integer: Bool) -> SolveOptions {
        var solveOptions = SolveOptions(method: method)
        var limit = deadline
        if integer {
            solveOptions.relativeMIPGap = options.relativeMIPGap
            limit = limit.earliest(options.integerTimeLimit.map(Deadline.after) ?? .none)
        }
        if let handler = options.messageHandler {
            solveOptions.messageLevel = .normal
            solveOptions.messageHandler = handler
        }
        solveOptions.timeLimit = limit.remaining
        return solveOptions
    }
}
