import Foundation

/// How hard and how long the optimiser works on one mode.
public struct OptimiserOptions: Sendable {
    /// Stops the mode's solves after this long; the plan is then feasible but maybe not optimal, and
    /// the result says so.
    public var timeLimit: Duration?
    /// Stops everything at this moment (a command's own time limit, counted from its start), whichever
    /// of this and `timeLimit` comes first.
    public var deadline = Deadline.none
    /// Stops branch-and-cut (sibling groups) at this relative gap; `nil` solves to optimality.
    public var relativeMIPGap: Double? = Self.defaultRelativeMIPGap
    /// Stops each integer model's branch-and-cut after this long, even without a time limit: on
    /// bin-packing-like sibling models GLPK can find the optimum in a second and then take hours to
    /// prove it. `nil` never stops.
    public var integerTimeLimit: Duration? = Self.defaultIntegerTimeLimit
    /// Independent sub-problems (placement types) solved at once, each on its own thread.
    public var threads = ProcessInfo.processInfo.activeProcessorCount
    /// Pools providers that are interchangeable for the model into one capacity row (exact). Off, the
    /// plain formulation is solved: one row per provider and type.
    public var poolsInterchangeableProviders = true
    /// Names every row and column of the models (`place_u3_p7`, `demand_u3`…), as exported models and
    /// GLPK's messages show them. Off, they are left unnamed: building the names costs a third of a
    /// small model's set-up, which the simulation pays for thousands of batch solves.
    public var namesModels = true
    /// Re-solves each optimal model with every pool a fraction of a place larger, so that its duals
    /// value one more place where the optimum is degenerate (``ValuationDuals``). Off, the first
    /// duals stand: the simulation's batches read no prices.
    public var valuesPlaces = true
    /// Receives GLPK's progress messages.
    public var messageHandler: (@Sendable (String) -> Void)?

    /// 0.01%: on England-sized objectives (about £10⁸ a week, unplaced penalties included) a few
    /// thousand pounds a week.
    public static let defaultRelativeMIPGap = 1e-4
    /// A minute per integer model.
    public static let defaultIntegerTimeLimit = Duration.seconds(60)

    public init(timeLimit: Duration? = nil, relativeMIPGap: Double? = Self.defaultRelativeMIPGap) {
        self.timeLimit = timeLimit
        self.relativeMIPGap = relativeMIPGap
    }
}
