import LinearProgramming

/// Why a mode could not be solved. Unplaced children and time limits are results, not errors.
public enum OptimiserError: Error, CustomStringConvertible, Sendable {
    /// GLPK or the modelling layer refused or failed.
    case solver(LinearProgrammingError)
    /// A sub-problem failed in a way the optimiser does not expect (a defect, reported as such).
    case brokenInvariant(String)

    public var description: String {
        switch self {
        case .solver(let error): error.description
        case .brokenInvariant(let what): "internal error: \(what)"
        }
    }
}
