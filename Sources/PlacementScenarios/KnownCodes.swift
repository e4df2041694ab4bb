/// The codes or ids one table defines (authority codes, provider ids), against which the other
/// tables' references are checked. When that table did not load there is nothing to check against:
/// every reference passes, so its one failure is not reported again at every row naming it.
struct KnownCodes: Sendable {
    /// Nil when the defining table did not load.
    private let codes: Set<String>?

    init(_ codes: Set<String>) { self.codes = codes }

    /// The codes `read` from `table`, and every other code its `column` lists, even on a row with
    /// another fault: one bad field is reported once, not again wherever the code is used.
    init(read: [String], listedIn table: CSVTable, column: String) {
        self.init(Set(read).union(table.rows.map { $0.text(column) }.filter { !$0.isEmpty }))
    }

    private init(unchecked: Void) { codes = nil }

    /// No table to check references against.
    static let unchecked = KnownCodes(unchecked: ())

    /// Whether the defining table loaded, so that references to it are checked.
    var isChecked: Bool { codes != nil }

    /// Whether `code` is a reference to report: the table loaded and does not define it.
    func lacks(_ code: String) -> Bool { codes.map { !$0.contains(code) } ?? false }

    /// The codes defined, for suggesting the nearest to one that is not (empty when unchecked).
    var listed: Set<String> { codes ?? [] }
}
