/// What GLPK knows about the solution it returns.
public enum SolutionStatus: Sendable, Equatable {
    /// Proven optimal.
    case optimal
    /// Feasible but not proven optimal (a limit stopped the solve).
    case feasible
    /// The solution at hand is infeasible (a limit stopped the solve before feasibility).
    case infeasible
    /// The model has no feasible solution.
    case noFeasibleSolution
    /// The objective is unbounded.
    case unbounded
    /// The presolver found no primal or no dual feasible solution without telling which.
    case infeasibleOrUnbounded
    /// No solution is known.
    case undefined

    /// Whether ``Solution/values`` satisfy every constraint.
    public var hasFeasibleValues: Bool { self == .optimal || self == .feasible }
}

/// Why a solve ended.
public enum Termination: Sendable, Equatable {
    case completed
    case timeLimit
    case iterationLimit
    /// Branch-and-cut reached the requested relative gap.
    case gapReached
    /// The solver gave up (numerical trouble); GLPK's return code.
    case solverFailure(code: Int)
}

/// The result of a solve: status, objective, values, and for linear models duals and reduced costs.
public struct Solution: Sendable {
    public let status: SolutionStatus
    public let termination: Termination
    public let method: SolveMethod
    public let isMIP: Bool
    /// The objective of ``values``, including the model's constant.
    public let objective: Double
    /// One value per variable.
    public let values: [Double]
    /// One activity (the value of its linear expression) per constraint.
    public let rowActivities: [Double]
    /// ∂objective/∂(right-hand side) per constraint; `nil` after a MIP unless duals were requested.
    public let rowDuals: [Double]?
    /// Reduced cost per variable; `nil` after a MIP unless duals were requested.
    public let reducedCosts: [Double]?
    /// For a MIP: the best bound on the optimum known when the solve ended.
    public let bestBound: Double?
    /// Simplex iterations of this solve.
    public let iterations: Int
    public let solveTime: Duration

    /// The value of a variable.
    public subscript(variable: Variable) -> Double { values[variable.index] }

    /// The value of a linear expression at this solution.
    public func value(of expression: LinearExpression) -> Double {
        zip(expression.variables, expression.coefficients).reduce(expression.constant) { sum, term in
            sum + term.1 * values[term.0.index]
        }
    }

    /// The dual value (shadow price) of a constraint, if known.
    public func dual(_ constraint: Constraint) -> Double? { rowDuals?[constraint.index] }

    /// The reduced cost of a variable, if known.
    public func reducedCost(_ variable: Variable) -> Double? { reducedCosts?[variable.index] }

    /// For a MIP: |objective − best bound| / (|objective| + ε), GLPK's definition; 0 when optimal.
    public var relativeGap: Double? {
        guard isMIP, status.hasFeasibleValues else { return nil }
        if status == .optimal { return 0 }
        guard let bestBound, bestBound.isFinite else { return nil }
        return abs(objective - bestBound) / (abs(objective) + Double.ulpOfOne)
    }
}
