import PlacementScenarios

/// How a mode's solve ended.
public enum RunStatus: Sendable, Equatable {
    /// Every sub-problem was solved to proven optimality.
    case optimal
    /// A time limit stopped at least one sub-problem; the plan is feasible, and `gap` bounds its
    /// distance from the optimum where GLPK knows a bound.
    case timeLimit(gap: Double?)

    public var label: String {
        switch self {
        case .optimal: "optimal"
        case .timeLimit: "time_limit"
        }
    }
}

/// The size and effort of the models a mode solved.
public struct RunStatistics: Sendable, Equatable {
    public var models = 0
    public var rows = 0
    public var columns = 0
    public var nonzeros = 0
    public var iterations = 0
    /// Seconds spent building models (pairs, costs, arrays), summed over threads.
    public var buildSeconds = 0.0
    /// Seconds spent in GLPK, summed over threads.
    public var solveSeconds = 0.0
    /// Wall-clock seconds of the whole mode.
    public var wallSeconds = 0.0

    mutating func add(_ other: RunStatistics) {
        models += other.models
        rows += other.rows
        columns += other.columns
        nonzeros += other.nonzeros
        iterations += other.iterations
        buildSeconds += other.buildSeconds
        solveSeconds += other.solveSeconds
    }
}

/// The outcome of one commissioning mode on one scenario.
public struct ModeResult: Sendable {
    public var mode: CommissioningMode
    public var status: RunStatus
    /// The objective: Σ cost per child over placed children plus the penalty per unplaced child,
    /// kept placements included.
    public var objective: Double
    public var decisions: [PlacementDecision]
    /// In `council` mode, the order in which councils bought from the market.
    public var councilOrder: [AuthorityCode]
    /// The weekly objective cost of one more child, by demand unit id: the demand row's dual per
    /// child, in every mode whose models were solved as linear programmes to optimality (units of
    /// types with sibling groups, and time-limited solves, have none).
    public var marginalCosts: [DemandUnit.ID: Double]
    public var statistics: RunStatistics
}
