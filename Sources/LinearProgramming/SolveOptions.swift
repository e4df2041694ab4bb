/// The algorithm used for a solve.
public enum SolveMethod: Sendable, CaseIterable {
    /// Primal simplex for a linear model; for a model with integer variables, the LP relaxation by
    /// primal simplex then branch-and-cut.
    case automatic
    case primalSimplex
    case dualSimplex
    /// Dual simplex, falling back to primal simplex if the dual fails.
    case dualThenPrimal
    /// GLPK's interior point method: no basis, no time limit, may return fractional vertices of
    /// degenerate faces; linear models only.
    case interiorPoint
    /// The simplex method in exact rational arithmetic, for verifying small models.
    case exactSimplex
}

/// How much GLPK says while it solves.
public enum MessageLevel: Sendable {
    case off
    case errors
    case normal
    case all
}

/// Options of a solve. The defaults solve to optimality with no limits and no messages.
public struct SolveOptions: Sendable {
    public var method: SolveMethod = .automatic
    /// Stops the solve after this long (simplex and branch-and-cut; ignored by interior point).
    public var timeLimit: Duration?
    /// Stops branch-and-cut once the relative gap between incumbent and best bound is at most this.
    public var relativeMIPGap: Double?
    /// How far from a whole number branch-and-cut still takes an integer column's value as whole
    /// (GLPK's `tol_int`, 1e-5 by default; kept within 1e-12…1e-5). A column whose unit is worth
    /// many of another's (a home of 100,000 places) needs less, or a "zero" of 1e-5 is a place.
    public var integralityTolerance: Double?
    /// Stops the simplex method after this many iterations.
    public var iterationLimit: Int?
    /// GLPK's LP presolver. A solve stopped by a limit with presolve on has no usable solution.
    public var presolve = false
    /// Cutting planes in branch-and-cut (Gomory, MIR, cover and clique cuts).
    public var cuts = false
    /// After a MIP, fixes the integer variables at their values and re-solves the LP, so that the
    /// solution carries duals and reduced costs of the remaining continuous problem.
    public var dualsAfterMIP = false
    /// A feasible assignment offered to branch-and-cut as its first incumbent (one value per variable).
    public var mipStart: [Double]?
    public var messageLevel: MessageLevel = .off
    /// Receives GLPK's messages, on the solving thread. GLPK itself never prints.
    public var messageHandler: (@Sendable (String) -> Void)?

    public init(
        method: SolveMethod = .automatic, timeLimit: Duration? = nil, relativeMIPGap: Double? = nil,
        messageLevel: MessageLevel = .off, messageHandler: (@Sendable (String) -> Void)? = nil
    ) {
        self.method = method
        self.timeLimit = timeLimit
        self.relativeMIPGap = relativeMIPGap
        self.messageLevel = messageLevel
        self.messageHandler = messageHandler
    }
}
