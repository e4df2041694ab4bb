internal import OutputFiles

/// A model loaded into GLPK, kept between solves so that a modified model re-solves from the
/// previous basis (warm start).
///
/// A solver belongs to the thread that created it: use it on that thread only (it is not
/// `Sendable`). To solve on several threads, give each its own solver, e.g. with ``DedicatedThreads``.
public final class Solver {
    /// The model as GLPK holds it, including every change made through the solver.
    public private(set) var model: Model
    private let problem: GLPKProblem

    /// Loads `model` into a new GLPK problem on the calling thread.
    public init(_ model: Model) throws(LinearProgrammingError) {
        problem = try GLPKProblem()
        try problem.load(model)
        self.model = model
    }

    // MARK: Changing the model

    /// Changes objective coefficients; the next solve starts from the current basis.
    public func setObjectiveCoefficients(_ changes: [(Variable, Double)]) throws(LinearProgrammingError) {
        for (variable, value) in changes {
            try checkVariable(variable)
            guard value.isFinite else {
                throw .invalidModel("\(model.columnLabel(variable.index)): objective \(value) is not finite")
            }
        }
        try problem.setObjective(changes.map(\.0.index), values: changes.map(\.1))
        for (variable, value) in changes { model.setObjectiveCoefficient(variable, value) }
    }

    /// Changes a variable's bounds; the next solve starts from the current basis.
    public func setBounds(_ variable: Variable, lower: Double, upper: Double) throws(LinearProgrammingError) {
        try setBounds([(variable, lower, upper)])
    }

    /// Changes several variables' bounds at once, checking the model once.
    public func setBounds(_ changes: [(variable: Variable, lower: Double, upper: Double)])
        throws(LinearProgrammingError)
    {
        // Only the new bounds need checking: the rest of the model was checked when it was loaded.
        for change in changes {
            try checkVariable(change.variable)
            try Model.checkBounds(change.lower, change.upper, what: model.columnLabel(change.variable.index))
        }
        try problem.setColumnBounds(
            changes.map(\.variable.index), lower: changes.map(\.lower), upper: changes.map(\.upper))
        for change in changes { model.setBounds(change.variable, lower: change.lower, upper: change.upper) }
    }

    /// Changes a constraint's bounds; the next solve starts from the current basis.
    public func setBounds(_ constraint: Constraint, lower: Double, upper: Double) throws(LinearProgrammingError) {
        try setBounds([(constraint, lower, upper)])
    }

    /// Changes several constraints' bounds at once, checking the model once.
    public func setBounds(_ changes: [(constraint: Constraint, lower: Double, upper: Double)])
        throws(LinearProgrammingError)
    {
        for change in changes {
            guard (0..<model.constraintCount).contains(change.constraint.index) else {
                throw .invalidModel(
                    "constraint \(change.constraint.index) does not exist; the model has \(model.constraintCount)")
            }
            try Model.checkBounds(change.lower, change.upper, what: model.rowLabel(change.constraint.index))
        }
        try problem.setRowBounds(
            changes.map(\.constraint.index), lower: changes.map(\.lower), upper: changes.map(\.upper))
        for change in changes { model.setBounds(change.constraint, lower: change.lower, upper: change.upper) }
    }

    /// A column to append to a loaded model.
    public struct NewVariable: Sendable {
        public var name: String
        public var lowerBound: Double
        public var upperBound: Double
        public var kind: VariableKind
        public var objective: Double
        public var coefficients: [(Constraint, Double)]

        public init(
            name: String = "", lowerBound: Double = 0, upperBound: Double = .infinity,
            kind: VariableKind = .continuous, objective: Double = 0, coefficients: [(Constraint, Double)]
        ) {
            self.name = name
            self.lowerBound = lowerBound
            self.upperBound = upperBound
            self.kind = kind
            self.objective = objective
            self.coefficients = coefficients
        }
    }

    /// Appends columns (for column generation); they enter non-basic, so the next solve starts from
    /// the current basis.
    @discardableResult
    public func addVariables(_ variables: [NewVariable]) throws(LinearProgrammingError) -> [Variable] {
        var grown = model
        let firstColumn = grown.variableCount
        let firstEntry = grown.nonzeroCount
        let added = variables.map {
            grown.addVariable(
                name: $0.name, lowerBound: $0.lowerBound, upperBound: $0.upperBound, kind: $0.kind,
                objective: $0.objective, coefficients: $0.coefficients)
        }
        try grown.validate()
        var entriesByColumn = Array(repeating: [(row: Int, value: Double)](), count: variables.count)
        for entry in firstEntry..<grown.nonzeroCount {
            entriesByColumn[grown.entryColumns[entry] - firstColumn].append(
                (grown.entryRows[entry], grown.entryValues[entry]))
        }
        try problem.addColumns(of: grown, range: firstColumn..<grown.variableCount, entriesByColumn: entriesByColumn)
        model = grown
        return added
    }

    // MARK: Basis and files

    /// The current basis (after a simplex solve: the optimal one).
    public func basis() throws(LinearProgrammingError) -> Basis {
        try problem.basis(rows: model.constraintCount, columns: model.variableCount)
    }

    /// Starts the next simplex solve from `basis` (e.g. another mode's or scenario's optimum).
    public func setBasis(_ basis: Basis) throws(LinearProgrammingError) {
        guard basis.rows.count == model.constraintCount, basis.columns.count == model.variableCount else {
            throw .invalidModel(
                "a basis of \(basis.rows.count) rows and \(basis.columns.count) columns does not fit a model of "
                    + "\(model.constraintCount) rows and \(model.variableCount) columns")
        }
        try problem.setBasis(basis)
    }

    /// Writes the loaded model to `path`, in `format` or the one its extension names, atomically: GLPK
    /// writes a fresh temporary beside it, which then replaces `path`, so a failed write (a full
    /// disk, an interrupt) leaves whatever was at `path` before.
    public func write(to path: String, format: ModelFileFormat? = nil) throws(LinearProgrammingError) {
        guard let format = format ?? ModelFileFormat(path: path) else {
            throw .file(path: path, reason: "cannot tell the format: name it, or use a .mps or .lp extension")
        }
        try GLPKLimits.checkPath(path, limit: GLPKLimits.maximumExportPathBytes)
        do {
            try AtomicFile.replace(path) { temporary in
                do {
                    try problem.write(to: temporary, format: format)
                } catch LinearProgrammingError.file(_, let reason) {
                    throw LinearProgrammingError.file(path: path, reason: reason)
                }
            }
        } catch let error as LinearProgrammingError {
            throw error
        } catch let error as OutputError {
            throw .file(path: path, reason: error.description)
        } catch {
            throw .file(path: path, reason: "\(error)")
        }
    }

    /// Test-only hook, not part of the API: makes GLPK itself report an error on this thread, for
    /// tests of the error path.
    public func _provokeGLPKError() throws(LinearProgrammingError) {
        try problem.provokeError()
    }

    private func checkVariable(_ variable: Variable) throws(LinearProgrammingError) {
        guard (0..<model.variableCount).contains(variable.index) else {
            throw .invalidModel("variable \(variable.index) does not exist; the model has \(model.variableCount)")
        }
    }

    // MARK: Solving

    /// Solves the loaded model. Infeasible, unbounded and limited solves return a ``Solution`` whose
    /// status says so; only misuse and GLPK errors throw.
    public func solve(_ options: SolveOptions = SolveOptions()) throws(LinearProgrammingError) -> Solution {
        let clock = ContinuousClock()
        let started = clock.now
        // GLPK counts milliseconds in 32 bits: a longer limit (up to any Duration) is clamped.
        let deadline = options.timeLimit.map { started + min($0, GLPKLimits.longestTimeLimit) }
        func remainingMilliseconds() -> Int32? {
            guard let deadline else { return nil }
            let left = deadline - clock.now
            return Int32(
                clamping: max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
        }
        if let start = options.mipStart, start.count != model.variableCount {
            throw .invalidModel("the MIP start has \(start.count) values for \(model.variableCount) variables")
        }
        let iterationsBefore = try problem.iterationCount()
        var solved = try solveAccordingToMethod(options, remainingMilliseconds)
        solved.iterations = try problem.iterationCount() - iterationsBefore
        return Solution(
            status: solved.raw.status, termination: solved.termination, method: options.method,
            isMIP: solved.isMIP, objective: solved.raw.objective, values: solved.raw.values,
            rowActivities: solved.raw.rowActivities, rowDuals: solved.raw.rowDuals,
            reducedCosts: solved.raw.reducedCosts, bestBound: solved.bestBound,
            iterations: solved.iterations, solveTime: clock.now - started)
    }

    private struct Outcome {
        var raw: GLPKProblem.RawSolution
        var termination: Termination
        var isMIP = false
        var bestBound: Double?
        var iterations = 0
    }

    private func solveAccordingToMethod(
        _ options: SolveOptions, _ remainingMilliseconds: () -> Int32?
    ) throws(LinearProgrammingError) -> Outcome {
        let rows = model.constraintCount
        let columns = model.variableCount
        switch options.method {
        case .interiorPoint:
            guard !model.hasIntegerVariables else {
                throw .invalidModel("interior point ignores integer variables; use a simplex method or automatic")
            }
            let code = try problem.interior(options: options).returnCode
            var raw = try problem.solution(.interior, rows: rows, columns: columns)
            if code == Int(GLPKProblem.noPrimalDualFeasibleCode) { raw.status = .infeasibleOrUnbounded }
            return Outcome(
                raw: raw,
                termination: code == 0 || raw.status == .infeasibleOrUnbounded ? .completed : .solverFailure(code: code)
            )
        case .exactSimplex:
            let code = try problem.simplex(
                method: .primalSimplex, options: options, timeLimitMilliseconds: remainingMilliseconds(), kind: .exact
            ).returnCode
            return try simplexOutcome(code: code, isMIPRelaxation: false)
        case .automatic, .primalSimplex, .dualSimplex, .dualThenPrimal:
            guard model.hasIntegerVariables else {
                let code = try simplexWithFreshBasisOnFailure(options, remainingMilliseconds())
                return try simplexOutcome(code: code, isMIPRelaxation: false)
            }
            return try branchAndCut(options, remainingMilliseconds)
        }
    }

    private func simplexWithFreshBasisOnFailure(_ options: SolveOptions, _ milliseconds: Int32?)
        throws(LinearProgrammingError) -> Int
    {
        let method = options.method == .automatic ? SolveMethod.primalSimplex : options.method
        var code = try problem.simplex(method: method, options: options, timeLimitMilliseconds: milliseconds).returnCode
        if GLPKProblem.needsFreshBasis(code) {
            // A warm-start basis that is invalid or singular after model changes: start afresh.
            try problem.useStandardBasis()
            code = try problem.simplex(method: method, options: options, timeLimitMilliseconds: milliseconds).returnCode
        }
        return code
    }

    private func simplexOutcome(code: Int, isMIPRelaxation: Bool) throws(LinearProgrammingError) -> Outcome {
        var raw = try problem.solution(.simplex, rows: model.constraintCount, columns: model.variableCount)
        if let verdict = GLPKProblem.presolverVerdict(code) { raw.status = verdict }
        return Outcome(raw: raw, termination: GLPKProblem.termination(of: code), isMIP: isMIPRelaxation)
    }

    /// LP relaxation first (GLPK's branch-and-cut needs an optimal basis unless it presolves),
    /// then branch-and-cut within what is left of the time limit.
    private func branchAndCut(_ options: SolveOptions, _ remainingMilliseconds: () -> Int32?)
        throws(LinearProgrammingError) -> Outcome
    {
        if !options.presolve {
            let code = try simplexWithFreshBasisOnFailure(options, remainingMilliseconds())
            var relaxation = try simplexOutcome(code: code, isMIPRelaxation: true)
            guard relaxation.raw.status == .optimal else {
                // No integer solution is known; an infeasible or unbounded relaxation says it all.
                if relaxation.raw.status != .noFeasibleSolution && relaxation.raw.status != .unbounded {
                    relaxation.raw.status = .undefined
                }
                relaxation.raw.rowDuals = nil
                relaxation.raw.reducedCosts = nil
                return relaxation
            }
        }
        let search = try problem.branchAndCut(options: options, timeLimitMilliseconds: remainingMilliseconds())
        var raw = try problem.solution(.mip, rows: model.constraintCount, columns: model.variableCount)
        if let verdict = GLPKProblem.presolverVerdict(search.returnCode) { raw.status = verdict }
        var outcome = Outcome(
            raw: raw, termination: GLPKProblem.termination(of: search.returnCode), isMIP: true,
            bestBound: raw.status == .optimal ? raw.objective : search.bestBound)
        if options.dualsAfterMIP, raw.status.hasFeasibleValues {
            (outcome.raw.rowDuals, outcome.raw.reducedCosts) = try dualsWithIntegersFixed(at: raw.values, options)
        }
        return outcome
    }

    /// Fixes every integer variable at its (rounded) value, re-solves the LP for duals, and restores
    /// the bounds.
    private func dualsWithIntegersFixed(at values: [Double], _ options: SolveOptions) throws(LinearProgrammingError)
        -> ([Double], [Double])
    {
        let integers = model.columnKinds.indices.filter { model.columnKinds[$0] != .continuous }
        let fixed = integers.map { values[$0].rounded() }
        try problem.setColumnBounds(integers, lower: fixed, upper: fixed)
        var lpOptions = options
        lpOptions.presolve = false
        lpOptions.timeLimit = nil
        _ = try simplexWithFreshBasisOnFailure(lpOptions, nil)
        let lp = try problem.solution(.simplex, rows: model.constraintCount, columns: model.variableCount)
        try problem.setColumnBounds(
            integers, lower: integers.map { model.columnLowerBounds[$0] },
            upper: integers.map { model.columnUpperBounds[$0] })
        return (lp.rowDuals ?? [], lp.reducedCosts ?? [])
    }
}

extension Model {
    /// Loads the model into GLPK on the calling thread, solves it and frees it.
    public func solve(_ options: SolveOptions = SolveOptions()) throws(LinearProgrammingError) -> Solution {
        try Solver(self).solve(options)
    }
}
