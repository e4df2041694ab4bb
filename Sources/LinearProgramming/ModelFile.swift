/// File formats GLPK reads and writes.
public enum ModelFileFormat: Sendable, CustomStringConvertible {
    /// Free-format MPS, read by every LP solver (`glpsol --freemps`, HiGHS, CBC).
    case freeMPS
    /// CPLEX LP format (`glpsol --lp`).
    case cplexLP

    /// The format a path's extension names: `.mps` or `.lp`.
    public init?(path: String) {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".mps") {
            self = .freeMPS
        } else if lowered.hasSuffix(".lp") {
            self = .cplexLP
        } else {
            return nil
        }
    }

    public var description: String { self == .freeMPS ? "free MPS" : "CPLEX LP" }
}

extension Model {
    /// Throws unless `path` can be given to GLPK for a model file (not empty, no NUL, short enough
    /// beside its temporary's name): checked before anything is staged, so the reason is GLPK's
    /// limit, not the system's "file name too long" for the temporary.
    public static func checkExportPath(_ path: String) throws(LinearProgrammingError) {
        try GLPKLimits.checkPath(path, limit: GLPKLimits.maximumExportPathBytes)
    }

    /// Writes the model to `path`, in `format` or the one its extension names.
    public func write(to path: String, format: ModelFileFormat? = nil) throws(LinearProgrammingError) {
        try Solver(self).write(to: path, format: format)
    }

    /// Reads a model from a free MPS or CPLEX LP file.
    public init(contentsOf path: String, format: ModelFileFormat? = nil) throws(LinearProgrammingError) {
        guard let format = format ?? ModelFileFormat(path: path) else {
            throw .file(path: path, reason: "cannot tell the format: name it, or use a .mps or .lp extension")
        }
        let problem = try GLPKProblem()
        try problem.read(from: path, format: format)
        self = try problem.extractModel(name: "model")
    }
}
