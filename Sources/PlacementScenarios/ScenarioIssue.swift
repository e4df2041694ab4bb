/// One problem found in a scenario's files, located as precisely as the file allows.
public struct ScenarioIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var severity: Severity
    /// The file's name inside the scenario folder.
    public var file: String
    /// 1-based line; the header is line 1 of a CSV file.
    public var line: Int?
    /// 1-based column (in characters) where the faulty field or value starts, when known.
    public var column: Int?
    /// The CSV column or manifest key at fault.
    public var field: String?
    public var message: String

    public init(
        _ severity: Severity, file: String, line: Int? = nil, column: Int? = nil, field: String? = nil,
        message: String
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    /// `file:line:column: field: message`, with a `warning:` prefix on warnings. Control characters
    /// from the input are shown escaped (see ``TerminalSafeText``), so nothing read from a file can
    /// drive the terminal this is printed on.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        let prefix = severity == .warning ? "warning: " : ""
        let text =
            if let field { "\(location): \(prefix)\(field): \(message)" } else { "\(location): \(prefix)\(message)" }
        // A huge field or file name (a megabyte on one line) keeps the start and the reason at the end.
        return TerminalSafeText.escaping(LongText.shortened(text, head: 1_000, tail: 400))
    }
}

/// The scenario could not be loaded; every problem found is listed, errors first.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public var issues: [ScenarioIssue]

    /// The issues in reading order: errors first, then each file in the order its first issue was
    /// found, by line and column within it (an issue of the whole file first), so a user fixes a file
    /// from top to bottom whichever check found each problem.
    public init(issues: [ScenarioIssue]) {
        var fileOrder: [String: Int] = [:]
        for issue in issues where fileOrder[issue.file] == nil { fileOrder[issue.file] = fileOrder.count }
        // Each issue's key made once, as a tuple: a million issues (a million unknown names) sorted
        // with an array built per comparison took seconds.
        let keys = issues.enumerated().map { offset, issue in
            (issue.severity == .error ? 0 : 1, fileOrder[issue.file] ?? 0, issue.line ?? 0, issue.column ?? 0, offset)
        }
        self.issues = keys.sorted(by: <).map { issues[$0.4] }
    }

    public var errors: [ScenarioIssue] { issues.filter { $0.severity == .error } }

    /// "1 error", "3 errors".
    public var errorCount: String { NumberText.counted(errors.count, "error", "errors") }

    /// The most issues listed: a file can hold a million faults (a million unknown owners, a million
    /// bad rows), and a million lines on stderr bury the first, which is the one to fix. The count
    /// of the rest is said after them (the commands' summary line counts every error).
    public static let listedIssues = 100

    /// Every issue, one a line, up to ``listedIssues``; then how many more there are.
    public var description: String {
        let listed = issues.prefix(Self.listedIssues).map(\.description)
        let more = issues.count - listed.count
        guard more > 0 else { return listed.joined(separator: "\n") }
        return
            (listed + [
                "… and \(NumberText.grouped(more)) more problem\(more == 1 ? "" : "s") not listed "
                    + "(\(NumberText.counted(errors.count, "error", "errors")) in all); fix those above and run again"
            ]).joined(separator: "\n")
    }
}

/// Collects issues while files are read, so that all of them can be reported at once.
public struct IssueLog: Sendable {
    public private(set) var issues: [ScenarioIssue] = []

    public init() {}

    public var hasErrors: Bool { issues.contains { $0.severity == .error } }

    public mutating func error(
        _ file: String, line: Int? = nil, column: Int? = nil, field: String? = nil, _ message: String
    ) {
        issues.append(ScenarioIssue(.error, file: file, line: line, column: column, field: field, message: message))
    }

    package mutating func warning(
        _ file: String, line: Int? = nil, column: Int? = nil, field: String? = nil, _ message: String
    ) {
        issues.append(ScenarioIssue(.warning, file: file, line: line, column: column, field: field, message: message))
    }
}
