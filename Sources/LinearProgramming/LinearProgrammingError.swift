/// Why a model could not be built, solved, read or written. Infeasible, unbounded and
/// time-limited solves are not errors: they are a ``Solution`` with a ``SolutionStatus``.
public enum LinearProgrammingError: Error, Equatable, CustomStringConvertible {
    /// The model or options failed a check made before GLPK saw them.
    case invalidModel(String)
    /// GLPK reported an error (its message included). GLPK freed every object of the calling
    /// thread; the thread can build and solve new models straight away.
    case glpk(String)
    /// An earlier GLPK error on this thread freed this solver's problem.
    case invalidatedByEarlierError
    /// GLPK objects belong to the thread that made them; this call came from another thread.
    case wrongThread
    /// A model file could not be written or read.
    case file(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidModel(let message): "invalid model: \(message)"
        case .glpk(let message): "GLPK error: \(message)"
        case .invalidatedByEarlierError:
            "this solver's GLPK problem was freed by an earlier GLPK error on the same thread"
        case .wrongThread: "a GLPK problem was used on a thread other than the one that created it"
        case .file(let path, let reason): "\(path): \(reason)"
        }
    }
}
