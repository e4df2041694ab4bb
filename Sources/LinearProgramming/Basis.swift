/// A simplex basis: the status of every row (its auxiliary variable) and column. Taken from one
/// solve and given to another, it lets the second start where the first ended.
public struct Basis: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case basic
        case atLowerBound
        case atUpperBound
        /// A non-basic free variable (at zero).
        case free
        /// A non-basic fixed variable.
        case fixed
    }

    public var rows: [Status]
    public var columns: [Status]

    public init(rows: [Status], columns: [Status]) {
        self.rows = rows
        self.columns = columns
    }

    /// The basis of a model grown by rows and columns appended at the end: new rows are basic (their
    /// slack enters, so the basis stays nonsingular) and new columns non-basic at their lower bound.
    public func extended(toRows rowCount: Int, columns columnCount: Int) -> Basis {
        Basis(
            rows: rows + Array(repeating: .basic, count: max(0, rowCount - rows.count)),
            columns: columns + Array(repeating: .atLowerBound, count: max(0, columnCount - columns.count)))
    }
}
