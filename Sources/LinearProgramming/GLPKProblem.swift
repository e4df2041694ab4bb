internal import CGLPK
internal import CGLPKShims
import Foundation

/// One GLPK problem object, owned by the thread that created it. The only file that speaks C:
/// 1-based arrays, `Int32` conversions and GLPK's constants stay here.
final class GLPKProblem {
    private let pointer: OpaquePointer
    private let owner: UInt
    private let generation: UInt

    init() throws(LinearProgrammingError) {
        var created: OpaquePointer?
        try Self.check(cglpk_create_problem(&created))
        pointer = created!
        owner = cglpk_thread_token()
        generation = cglpk_generation()
    }

    deinit {
        // Deleting from another thread would abort; after an error GLPK already freed it.
        if owner == cglpk_thread_token(), generation == cglpk_generation() {
            _ = cglpk_delete_problem(pointer)
        }
    }

    private func usable() throws(LinearProgrammingError) -> OpaquePointer {
        guard owner == cglpk_thread_token() else { throw .wrongThread }
        guard generation == cglpk_generation() else { throw .invalidatedByEarlierError }
        return pointer
    }

    private static func check(_ code: Int32) throws(LinearProgrammingError) {
        guard code == Int32(CGLPK_OK) else { throw .glpk(lastErrorMessage()) }
    }

    /// GLPK's message without its "Error detected in file …" trailer.
    private static func lastErrorMessage() -> String {
        let text = String(cString: cglpk_last_error())
        let lines = text.split(whereSeparator: \.isNewline).map { $0.drop(while: \.isWhitespace) }
        let message = lines.filter { !$0.isEmpty && !$0.hasPrefix("Error detected in file") }.map(String.init)
        return message.isEmpty ? text : message.joined(separator: "; ")
    }

    // MARK: Loading and modifying

    func load(_ model: Model) throws(LinearProgrammingError) {
        try model.validate()
        let problem = try usable()
        let rowBounds = model.rowLowerBounds.indices.map {
            Self.bounds(model.rowLowerBounds[$0], model.rowUpperBounds[$0])
        }
        let columnBounds = model.columnLowerBounds.indices.map {
            Self.bounds(model.columnLowerBounds[$0], model.columnUpperBounds[$0])
        }
        let rowTypes = Self.oneBased(rowBounds.map(\.type))
        let rowLower = Self.oneBased(rowBounds.map(\.lower))
        let rowUpper = Self.oneBased(rowBounds.map(\.upper))
        let columnTypes = Self.oneBased(columnBounds.map(\.type))
        let columnLower = Self.oneBased(columnBounds.map(\.lower))
        let columnUpper = Self.oneBased(columnBounds.map(\.upper))
        let kinds = Self.oneBased(model.columnKinds.map(Self.kindCode))
        let objective = Self.oneBased(model.objectiveCoefficients)
        let entryRows = Self.oneBased(model.entryRows.map { Int32($0 + 1) })
        let entryColumns = Self.oneBased(model.entryColumns.map { Int32($0 + 1) })
        let entryValues = Self.oneBased(model.entryValues)
        let rowNames = Self.joinedNames(model.rowNames)
        let columnNames = Self.joinedNames(model.columnNames)
        let code = model.name.withCString { name in
            withPointers(rowNames, columnNames) { rowNames, columnNames in
                cglpk_load(
                    problem, name, model.objectiveSense == .minimise ? GLP_MIN : GLP_MAX,
                    model.objectiveConstant, Int32(model.constraintCount), rowTypes, rowLower, rowUpper,
                    rowNames, Int32(model.variableCount), columnTypes, columnLower, columnUpper, kinds,
                    objective, columnNames, Int32(model.nonzeroCount), entryRows, entryColumns, entryValues)
            }
        }
        try Self.check(code)
    }

    /// Appends the columns `range` of `model`, whose entries are `entries` (0-based rows, grouped by column).
    func addColumns(
        of model: Model, range: Range<Int>, entriesByColumn: [[(row: Int, value: Double)]]
    ) throws(LinearProgrammingError) {
        let problem = try usable()
        let bounds = range.map { Self.bounds(model.columnLowerBounds[$0], model.columnUpperBounds[$0]) }
        var starts: [Int32] = [1]
        var rows: [Int32] = [0]
        var values: [Double] = [0]
        for column in entriesByColumn {
            for entry in column {
                rows.append(Int32(entry.row + 1))
                values.append(entry.value)
            }
            starts.append(Int32(rows.count))
        }
        let types = Self.oneBased(bounds.map(\.type))
        let lower = Self.oneBased(bounds.map(\.lower))
        let upper = Self.oneBased(bounds.map(\.upper))
        let kinds = Self.oneBased(range.map { Self.kindCode(model.columnKinds[$0]) })
        let objective = Self.oneBased(range.map { model.objectiveCoefficients[$0] })
        let names = Self.joinedNames(Array(model.columnNames[range]))
        let code = withPointers(names, nil) { names, _ in
            cglpk_add_columns(
                problem, Int32(range.count), types, lower, upper, kinds, objective, names, starts, rows, values)
        }
        try Self.check(code)
    }

    func setColumnBounds(_ columns: [Int], lower: [Double], upper: [Double]) throws(LinearProgrammingError) {
        let problem = try usable()
        let bounds = columns.indices.map { Self.bounds(lower[$0], upper[$0]) }
        try Self.check(
            cglpk_set_column_bounds(
                problem, Int32(columns.count), columns.map { Int32($0 + 1) }, bounds.map(\.type),
                bounds.map(\.lower), bounds.map(\.upper)))
    }

    func setRowBounds(_ rows: [Int], lower: [Double], upper: [Double]) throws(LinearProgrammingError) {
        let problem = try usable()
        let bounds = rows.indices.map { Self.bounds(lower[$0], upper[$0]) }
        try Self.check(
            cglpk_set_row_bounds(
                problem, Int32(rows.count), rows.map { Int32($0 + 1) }, bounds.map(\.type),
                bounds.map(\.lower), bounds.map(\.upper)))
    }

    func setObjective(_ columns: [Int], values: [Double]) throws(LinearProgrammingError) {
        let problem = try usable()
        try Self.check(cglpk_set_objective(problem, Int32(columns.count), columns.map { Int32($0 + 1) }, values))
    }

    // MARK: Solving

    struct RawSolve {
        var returnCode: Int
        var bestBound: Double?
    }

    enum SimplexKind { case floatingPoint, exact }

    func simplex(
        method: SolveMethod, options: SolveOptions, timeLimitMilliseconds: Int32?, kind: SimplexKind = .floatingPoint
    ) throws(LinearProgrammingError) -> RawSolve {
        let problem = try usable()
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = Self.messageCode(options.messageLevel)
        parameters.meth =
            switch method {
            case .dualSimplex: GLP_DUAL
            case .dualThenPrimal: GLP_DUALP
            default: GLP_PRIMAL
            }
        parameters.presolve = options.presolve ? GLP_ON : GLP_OFF
        if let timeLimitMilliseconds { parameters.tm_lim = timeLimitMilliseconds }
        if let limit = options.iterationLimit { parameters.it_lim = Int32(clamping: limit) }
        var code: Int32 = 0
        let guarded = withMessages(options) {
            kind == .exact ? cglpk_exact(problem, &parameters, &code) : cglpk_simplex(problem, &parameters, &code)
        }
        try Self.check(guarded)
        return RawSolve(returnCode: Int(code))
    }

    func interior(options: SolveOptions) throws(LinearProgrammingError) -> RawSolve {
        let problem = try usable()
        var parameters = glp_iptcp()
        glp_init_iptcp(&parameters)
        parameters.msg_lev = Self.messageCode(options.messageLevel)
        parameters.ord_alg = GLP_ORD_AMD  // GLP_ORD_QMD is disabled in Debian's build and aborts
        var code: Int32 = 0
        try Self.check(withMessages(options) { cglpk_interior(problem, &parameters, &code) })
        return RawSolve(returnCode: Int(code))
    }

    func branchAndCut(options: SolveOptions, timeLimitMilliseconds: Int32?) throws(LinearProgrammingError) -> RawSolve {
        let problem = try usable()
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = Self.messageCode(options.messageLevel)
        parameters.presolve = options.presolve ? GLP_ON : GLP_OFF
        if let timeLimitMilliseconds { parameters.tm_lim = timeLimitMilliseconds }
        if let gap = options.relativeMIPGap { parameters.mip_gap = gap }
        if let tolerance = options.integralityTolerance, tolerance.isFinite {
            parameters.tol_int = min(max(tolerance, 1e-12), 1e-5)
        }
        if options.cuts {
            parameters.gmi_cuts = GLP_ON
            parameters.mir_cuts = GLP_ON
            parameters.cov_cuts = GLP_ON
            parameters.clq_cuts = GLP_ON
        }
        var code: Int32 = 0
        var bound = Double.nan
        let start = options.mipStart.map(Self.oneBased)
        let guarded = withMessages(options) {
            if let start {
                return start.withUnsafeBufferPointer {
                    cglpk_intopt(problem, &parameters, $0.baseAddress, &code, &bound)
                }
            }
            return cglpk_intopt(problem, &parameters, nil, &code, &bound)
        }
        try Self.check(guarded)
        return RawSolve(returnCode: Int(code), bestBound: bound.isNaN ? nil : bound)
    }

    /// Translates a solver return code.
    static func termination(of code: Int) -> Termination {
        switch Int32(code) {
        case 0: .completed
        case GLP_ETMLIM: .timeLimit
        case GLP_EITLIM: .iterationLimit
        case GLP_EMIPGAP: .gapReached
        case GLP_ENOPFS, GLP_ENODFS: .completed
        default: .solverFailure(code: code)
        }
    }

    static func needsFreshBasis(_ code: Int) -> Bool {
        [GLP_EBADB, GLP_ESING, GLP_ECOND].contains(Int32(code))
    }

    static func presolverVerdict(_ code: Int) -> SolutionStatus? {
        switch Int32(code) {
        case GLP_ENOPFS: .noFeasibleSolution
        case GLP_ENODFS: .infeasibleOrUnbounded
        default: nil
        }
    }

    enum SolutionKind: Int32 {
        case simplex = 0
        case interior = 1
        case mip = 2
    }

    struct RawSolution {
        var status: SolutionStatus
        var objective: Double
        var values: [Double]
        var rowActivities: [Double]
        var rowDuals: [Double]?
        var reducedCosts: [Double]?
    }

    func solution(_ kind: SolutionKind, rows: Int, columns: Int) throws(LinearProgrammingError) -> RawSolution {
        let problem = try usable()
        var status: Int32 = 0
        var objective = 0.0
        var values = [Double](repeating: 0, count: columns)
        var activities = [Double](repeating: 0, count: rows)
        var duals = [Double](repeating: 0, count: kind == .mip ? 0 : rows)
        var reducedCosts = [Double](repeating: 0, count: kind == .mip ? 0 : columns)
        let code = values.withUnsafeMutableBufferPointer { values in
            activities.withUnsafeMutableBufferPointer { activities in
                duals.withUnsafeMutableBufferPointer { duals in
                    reducedCosts.withUnsafeMutableBufferPointer { reducedCosts in
                        cglpk_read_solution(
                            problem, kind.rawValue, &status, &objective, values.baseAddress,
                            kind == .mip ? nil : reducedCosts.baseAddress, activities.baseAddress,
                            kind == .mip ? nil : duals.baseAddress)
                    }
                }
            }
        }
        try Self.check(code)
        return RawSolution(
            status: Self.status(status), objective: objective, values: values, rowActivities: activities,
            rowDuals: kind == .mip ? nil : duals, reducedCosts: kind == .mip ? nil : reducedCosts)
    }

    func iterationCount() throws(LinearProgrammingError) -> Int {
        let problem = try usable()
        var count: Int32 = 0
        try Self.check(cglpk_iteration_count(problem, &count))
        return Int(count)
    }

    // MARK: Basis

    func basis(rows: Int, columns: Int) throws(LinearProgrammingError) -> Basis {
        let problem = try usable()
        var rowStatus = [Int32](repeating: 0, count: rows)
        var columnStatus = [Int32](repeating: 0, count: columns)
        let code = rowStatus.withUnsafeMutableBufferPointer { rowStatus in
            columnStatus.withUnsafeMutableBufferPointer { columnStatus in
                cglpk_get_basis(problem, rowStatus.baseAddress, columnStatus.baseAddress)
            }
        }
        try Self.check(code)
        return Basis(rows: rowStatus.map(Self.basisStatus), columns: columnStatus.map(Self.basisStatus))
    }

    func setBasis(_ basis: Basis) throws(LinearProgrammingError) {
        let problem = try usable()
        try Self.check(
            cglpk_set_basis(problem, basis.rows.map(Self.basisCode), basis.columns.map(Self.basisCode)))
    }

    func useStandardBasis() throws(LinearProgrammingError) {
        try Self.check(cglpk_standard_basis(try usable()))
    }

    // MARK: Files

    func write(to path: String, format: ModelFileFormat) throws(LinearProgrammingError) {
        try GLPKLimits.checkPath(path)
        let problem = try usable()
        var code: Int32 = 0
        let guarded = path.withCString { path in
            format == .freeMPS ? cglpk_write_mps(problem, path, &code) : cglpk_write_lp(problem, path, &code)
        }
        try Self.check(guarded)
        guard code == 0 else { throw .file(path: path, reason: "GLPK could not write the model") }
        // GLPK ignores the error of closing its file, when buffered lines are written out: a full
        // disk then left an empty or cut model and a success. Every file it writes ends with its
        // format's last line, so one that does not was cut short.
        guard Self.ends(path, with: format == .freeMPS ? "ENDATA\n" : "End\n") else {
            throw .file(path: path, reason: "the model was cut short while being written (is the disk full?)")
        }
    }

    /// Whether the file at `path` ends with `terminator`.
    private static func ends(_ path: String, with terminator: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let expected = Data(terminator.utf8)
        guard let size = try? handle.seekToEnd(), size >= UInt64(expected.count) else { return false }
        guard (try? handle.seek(toOffset: size - UInt64(expected.count))) != nil,
            let tail = try? handle.readToEnd()
        else { return false }
        return tail == expected
    }

    func read(from path: String, format: ModelFileFormat) throws(LinearProgrammingError) {
        try GLPKLimits.checkPath(path)
        let problem = try usable()
        var code: Int32 = 0
        let guarded = path.withCString { path in
            format == .freeMPS ? cglpk_read_mps(problem, path, &code) : cglpk_read_lp(problem, path, &code)
        }
        try Self.check(guarded)
        guard code == 0 else { throw .file(path: path, reason: "GLPK could not read a model in \(format) format") }
    }

    /// Reads the whole problem back into a ``Model``.
    func extractModel(name: String) throws(LinearProgrammingError) -> Model {
        let problem = try usable()
        var rows: Int32 = 0
        var columns: Int32 = 0
        var nonzeros: Int32 = 0
        try Self.check(cglpk_sizes(problem, &rows, &columns, &nonzeros))
        let m = Int(rows)
        let n = Int(columns)
        let nnz = Int(nonzeros)
        var direction: Int32 = 0
        var constant = 0.0
        var rowTypes = [Int32](repeating: 0, count: m)
        var rowLower = [Double](repeating: 0, count: m)
        var rowUpper = [Double](repeating: 0, count: m)
        var columnTypes = [Int32](repeating: 0, count: n)
        var columnLower = [Double](repeating: 0, count: n)
        var columnUpper = [Double](repeating: 0, count: n)
        var kinds = [Int32](repeating: 0, count: n)
        var objective = [Double](repeating: 0, count: n)
        var entryRows = [Int32](repeating: 0, count: nnz)
        var entryColumns = [Int32](repeating: 0, count: nnz)
        var entryValues = [Double](repeating: 0, count: nnz)
        var rowNames = [CChar](repeating: 0, count: m * 256)
        var columnNames = [CChar](repeating: 0, count: n * 256)
        try Self.check(
            cglpk_extract(
                problem, &direction, &constant, &rowTypes, &rowLower, &rowUpper, &columnTypes,
                &columnLower, &columnUpper, &kinds, &objective, &entryRows, &entryColumns, &entryValues,
                &rowNames, &columnNames))
        let rowBounds = (0..<m).map { Self.swiftBounds(rowTypes[$0], rowLower[$0], rowUpper[$0]) }
        let columnBounds = (0..<n).map { Self.swiftBounds(columnTypes[$0], columnLower[$0], columnUpper[$0]) }
        return Model(
            name: name, objectiveSense: direction == GLP_MAX ? .maximise : .minimise,
            objectiveConstant: constant,
            columns: (
                columnBounds.map(\.0), columnBounds.map(\.1),
                kinds.map { $0 == GLP_IV ? VariableKind.integer : .continuous }, objective,
                Self.names(columnNames, count: n)
            ),
            rows: (rowBounds.map(\.0), rowBounds.map(\.1), Self.names(rowNames, count: m)),
            entries: (entryRows.map { Int($0) - 1 }, entryColumns.map { Int($0) - 1 }, entryValues))
    }

    /// For tests: makes GLPK report a genuine error (a column index out of range).
    func provokeError() throws(LinearProgrammingError) {
        try Self.check(cglpk_provoke_error(try usable()))
    }

    // MARK: Conversions

    private static func oneBased<T: Numeric>(_ values: [T]) -> [T] { [0] + values }

    private static func bounds(_ lower: Double, _ upper: Double) -> (type: Int32, lower: Double, upper: Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): (GLP_FR, 0, 0)
        case (true, false): (GLP_LO, lower, 0)
        case (false, true): (GLP_UP, 0, upper)
        case (true, true): (lower == upper ? GLP_FX : GLP_DB, lower, upper)
        }
    }

    private static func swiftBounds(_ type: Int32, _ lower: Double, _ upper: Double) -> (Double, Double) {
        switch type {
        case GLP_FR: (-.infinity, .infinity)
        case GLP_LO: (lower, .infinity)
        case GLP_UP: (-.infinity, upper)
        default: (lower, upper)
        }
    }

    private static func kindCode(_ kind: VariableKind) -> Int32 {
        switch kind {
        case .continuous: GLP_CV
        case .integer: GLP_IV
        case .binary: GLP_IV  // bounds [0, 1] are already set; GLP_BV would reset them
        }
    }

    private static func messageCode(_ level: MessageLevel) -> Int32 {
        switch level {
        case .off: GLP_MSG_OFF
        case .errors: GLP_MSG_ERR
        case .normal: GLP_MSG_ON
        case .all: GLP_MSG_ALL
        }
    }

    private static func status(_ code: Int32) -> SolutionStatus {
        switch code {
        case GLP_OPT: .optimal
        case GLP_FEAS: .feasible
        case GLP_INFEAS: .infeasible
        case GLP_NOFEAS: .noFeasibleSolution
        case GLP_UNBND: .unbounded
        default: .undefined
        }
    }

    private static func basisStatus(_ code: Int32) -> Basis.Status {
        switch code {
        case GLP_BS: .basic
        case GLP_NU: .atUpperBound
        case GLP_NF: .free
        case GLP_NS: .fixed
        default: .atLowerBound
        }
    }

    private static func basisCode(_ status: Basis.Status) -> Int32 {
        switch status {
        case .basic: GLP_BS
        case .atLowerBound: GLP_NL
        case .atUpperBound: GLP_NU
        case .free: GLP_NF
        case .fixed: GLP_NS
        }
    }

    /// Names as one NUL-separated buffer, or nil when every name is empty.
    private static func joinedNames(_ names: [String]) -> [CChar]? {
        guard names.contains(where: { !$0.isEmpty }) else { return nil }
        var buffer: [CChar] = []
        buffer.reserveCapacity(names.reduce(0) { $0 + $1.utf8.count + 1 })
        for name in names {
            buffer.append(contentsOf: name.utf8.map { CChar(bitPattern: $0) })
            buffer.append(0)
        }
        return buffer
    }

    private static func names(_ buffer: [CChar], count: Int) -> [String] {
        buffer.withUnsafeBufferPointer { buffer in
            (0..<count).map { String(cString: buffer.baseAddress! + $0 * 256) }
        }
    }

    /// Routes GLPK's terminal output to the options' handler for the duration of one call.
    private func withMessages(_ options: SolveOptions, _ body: () -> Int32) -> Int32 {
        guard let handler = options.messageHandler else { return body() }
        let box = Unmanaged.passRetained(MessageBox(handler))
        cglpk_set_message_handler(
            { context, text in
                guard let context, let text else { return }
                Unmanaged<MessageBox>.fromOpaque(context).takeUnretainedValue().handler(String(cString: text))
            }, box.toOpaque())
        defer {
            cglpk_set_message_handler(nil, nil)
            box.release()
        }
        return body()
    }
}

private final class MessageBox {
    let handler: @Sendable (String) -> Void
    init(_ handler: @escaping @Sendable (String) -> Void) { self.handler = handler }
}

private func withPointers<R>(
    _ first: [CChar]?, _ second: [CChar]?, _ body: (UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> R
) -> R {
    func with(_ buffer: [CChar]?, _ inner: (UnsafePointer<CChar>?) -> R) -> R {
        guard let buffer else { return inner(nil) }
        return buffer.withUnsafeBufferPointer { inner($0.baseAddress) }
    }
    return with(first) { first in with(second) { second in body(first, second) } }
}

/// Releases the calling thread's GLPK environment (every GLPK object of the thread). Call when a
/// thread that used GLPK ends; ``DedicatedThreads`` does this itself.
public func releaseGLPKEnvironment() {
    cglpk_release_environment()
}

extension GLPKProblem {
    /// glp_interior's code for "no primal or dual feasible solution".
    static var noPrimalDualFeasibleCode: Int32 { GLP_ENOFEAS }
}
