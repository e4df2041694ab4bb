/// A Markdown pipe table: a heading row, a rule that right-aligns the numeric columns, and a line per
/// row. A `|` inside a cell (a name from an input file) is escaped and a line break made a space, so
/// neither can split the row.
public struct MarkdownTable {
    public var headings: [String]
    /// Per column, whether it holds figures (right-aligned).
    public var numeric: [Bool]
    public var rows: [[String]] = []

    public init(_ headings: [String], numeric: [Bool], rows: [[String]] = []) {
        self.headings = headings
        self.numeric = numeric
        self.rows = rows
    }

    /// `align` has one letter per column: `r` for a right-aligned (numeric) column, anything else for left.
    public init(_ headings: [String], align: String, rows: [[String]] = []) {
        self.init(headings, numeric: align.map { $0 == "r" }, rows: rows)
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    public var lines: [String] {
        [
            "| " + headings.map(Self.escaped).joined(separator: " | ") + " |",
            "|" + numeric.map { $0 ? "--:|" : "---|" }.joined(),
        ]
            + rows.map { "| " + $0.map(Self.escaped).joined(separator: " | ") + " |" }
    }

    /// The lines, each ending in a line break.
    public var text: String { lines.map { $0 + "\n" }.joined() }

    static func escaped(_ cell: String) -> String {
        cell.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }
}
