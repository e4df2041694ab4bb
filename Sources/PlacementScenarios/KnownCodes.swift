/// The codes or ids one table defines (authority codes, provider ids), against which the other
/// tables' references are checked. When that table did not load there is nothing to check against:
/// every reference passes, so its one failure is not reported again at every row naming it.
struct KnownCodes: Sendable {
    /// Nil when the defining table did not load.
    private let codes: Set<String>?

    init(_ codes: Set<String>) { self.codes = codes }

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
