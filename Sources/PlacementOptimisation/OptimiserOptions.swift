import Foundation

/// How hard and how long the optimiser works on one mode.
public struct OptimiserOptions: Sendable {
    /// Stops the mode's solves after this long; the plan is then feasible but maybe not optimal, and
    /// the result says so.
    public var timeLimit: Duration?
    /// Stops branch-and-cut (sibling groups) at this relative gap; `nil` solves to optimality.
    public var relativeMIPGap: Double?
    /// Independent sub-problems (placement types) solved at once, each on its own thread.
    public var threads = ProcessInfo.processInfo.activeProcessorCount
    /// Pools providers that are interchangeable for the model into one capacity row (exact). Off, the
    /// plain formulation is solved: one row per provider and type.
    public var poolsInterchangeableProviders = true
    /// Receives GLPK's progress messages.
    public var messageHandler: (@Sendable (String) -> Void)?

    public init(timeLimit: Duration? = nil, relativeMIPGap: Double? = nil) {
        self.timeLimit = timeLimit
        self.relativeMIPGap = relativeMIPGap
    }
}
