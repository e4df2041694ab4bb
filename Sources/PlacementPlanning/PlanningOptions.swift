import PlacementOptimisation
import PlacementScenarios

/// How hard and how long a capacity plan is searched for, and the figures behind its defaults.
public struct PlanningOptions: Sendable {
    /// Branch-and-cut stops once the relative gap is at most this. 0.01%: on England (a weekly
    /// objective of about £10⁸) some £10,000 a week, a small share of what a £53 million plan saves.
    public var relativeMIPGap = 1e-4
    /// Branch-and-cut stops after this long with the plan at hand and its gap.
    public var timeLimit = Duration.seconds(60)
    public var assumptions = PlanningAssumptions()
    /// The kinds of candidate considered (all by default): `[.home]` asks what the money buys in homes alone.
    public var kinds = Set(CapacityCandidate.Kind.allCases)
    /// Whether each build's saving is measured by re-solving the placements without it (one solve per
    /// build). Off for the frontier and the policy comparison, which report totals only; each
    /// build's `weeklySaving`, `weeklySpendSaving` and `childrenNoLongerUnplaced` are then 0.
    public var measuresEachBuild = true
    /// The scenario's placements with no new capacity under the plan's mode, when already solved (the
    /// frontier and the sensitivity re-plan one scenario and mode many times): reused, not re-solved.
    var solvedWithoutPlan: SolvedMode?
    /// One budget holder's plan (`plan --cooperative`): the co-operative's id, or a council's code,
    /// that holds the whole budget, the scope's other holders none; `nil`: the budget is shared.
    public var budgetHolder: String?
    /// Receives GLPK's progress messages.
    public var messageHandler: (@Sendable (String) -> Void)?

    public init() {}
}

/// A plan could not be solved: GLPK or the optimiser failed (infeasible or limited solves are results).
public struct PlanningError: Error, Sendable, CustomStringConvertible {
    public var description: String

    init(_ error: any Error) { description = String(describing: error) }
}
