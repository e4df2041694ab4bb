/// Finds an authority or a co-operative the way people name one: by its code or id (any letter
/// case) or by its name (letter case, spaces, hyphens, apostrophes and `&` for `and` ignored), and
/// on a miss names the nearest entry with its code: "no authority 'Kentt' — did you mean Kent
/// (E10000016)?".
public struct NameLookup: Sendable {
    /// What is being looked up, for messages: `authority`, `co-operative`.
    public let kind: String
    private let codes: [String]
    private let names: [String]
    private let foldedCodes: [String]
    private let foldedNames: [String]
    /// Names without a closing qualifier: `Home and Future (South East)` is `Home and Future` too.
    private let foldedShortNames: [String]

    /// `entries`: each entry's code (or id) and name, in the order a miss should prefer.
    public init(kind: String, entries: [(code: String, name: String)]) {
        self.kind = kind
        codes = entries.map(\.code)
        names = entries.map(\.name)
        foldedCodes = codes.map(Self.fold)
        foldedNames = names.map(Self.fold)
        foldedShortNames = names.map { Self.fold(Self.withoutQualifier($0)) }
    }

    /// The scenario's authorities.
    public static func authorities(_ authorities: [Authority]) -> NameLookup {
        NameLookup(kind: "authority", entries: authorities.map { ($0.id.rawValue, $0.name) })
    }

    /// The scenario's co-operatives.
    public static func cooperatives(_ cooperatives: [Cooperative]) -> NameLookup {
        NameLookup(kind: "co-operative", entries: cooperatives.map { ($0.id.rawValue, $0.name) })
    }

    /// The index of the entry `text` names, or nil.
    public func index(of text: String) -> Int? {
        let trimmed = text.trimmingBlanks
        if let exact = codes.firstIndex(of: trimmed) { return exact }
        let folded = Self.fold(trimmed)
        guard !folded.isEmpty else { return nil }
        return foldedCodes.firstIndex(of: folded) ?? foldedNames.firstIndex(of: folded)
            ?? foldedShortNames.firstIndex(of: folded)
    }

    /// The code of the entry `text` names, or nil.
    public func code(of text: String) -> String? { index(of: text).map { codes[$0] } }

    /// The entry nearest to `text` (by edit distance over folded names and codes), when close enough
    /// to be a likely typo: "Kent (E10000016)".
    public func suggestion(for text: String) -> String? {
        let folded = Self.fold(text)
        let length = folded.count
        var best: (index: Int, distance: Int, candidate: String)?
        for index in codes.indices {
            for candidate in [foldedNames[index], foldedCodes[index]]
            where !candidate.isEmpty && isWithinTypoReach(length, of: candidate) {
                let distance = editDistance(folded, candidate)
                if distance < best?.distance ?? Int.max { best = (index, distance, candidate) }
            }
        }
        guard let best, best.distance <= typoEdits(best.candidate) else { return nil }
        return names[best.index] == codes[best.index]
            ? codes[best.index] : "\(names[best.index]) (\(codes[best.index]))"
    }

    /// "no authority 'Kentt' — did you mean Kent (E10000016)?", or, without a near entry, what
    /// there is to choose from.
    public func missing(_ text: String) -> String {
        var message = "no \(kind) '\(LongText.shortened(text, head: 60, tail: 20))'"
        if let suggestion = suggestion(for: text) {
            message += " — did you mean \(suggestion)?"
        } else if codes.isEmpty {
            message += " (there are none)"
        } else if codes.count <= 12 {
            message += "; there are " + codes.indices.map { "\(names[$0]) (\(codes[$0]))" }.joined(separator: ", ")
        }
        return message
    }

    /// `name` without a trailing ` (…)`.
    static func withoutQualifier(_ name: String) -> String {
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "("), open > name.startIndex else { return name }
        return String(name[..<open])
    }

    /// A name as compared: ``CSVTable/Row/normalise(_:)`` with `&` read as `and`.
    static func fold(_ name: String) -> String {
        CSVTable.Row.normalise(name.replacingOccurrences(of: "&", with: " and "))
    }
}
