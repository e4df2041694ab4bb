/// Finds an authority or a co-operative the way people name one: by its code or id (any letter
/// case) or by its name (letter case, spaces, hyphens, apostrophes, full stops and `&` for `and`
/// ignored; a council's formal words too where they leave one entry), and on a miss names the
/// nearest entry with its code: "no authority 'Kentt' — did you mean Kent (E10000016)?".
public struct NameLookup: Sendable {
    /// What is being looked up: its raw value names it in messages.
    public enum Kind: String, Sendable {
        case authority
        case cooperative = "co-operative"
    }

    public let kind: Kind
    private let codes: [String]
    private let names: [String]
    private let foldedCodes: [String]
    private let foldedNames: [String]
    /// Names without a closing qualifier: `Home and Future (South East)` is `Home and Future` too.
    private let foldedShortNames: [String]
    /// Each name and short name without its trailing formal words and a leading `County`, for
    /// ``onlyEntry(withPlainName:)``: worked out once, not on every miss (a shocks file may name a
    /// million authorities).
    private let plainNames: [(name: String, short: String)]

    /// `entries`: each entry's code (or id) and name, in the order a miss should prefer.
    public init(kind: Kind, entries: [(code: String, name: String)]) {
        self.kind = kind
        codes = entries.map(\.code)
        names = entries.map(\.name)
        foldedCodes = codes.map(Self.fold)
        foldedNames = names.map(Self.fold)
        foldedShortNames = names.map { Self.fold(Self.withoutQualifier($0)) }
        plainNames = zip(foldedNames, foldedShortNames).map { name, short in
            (
                Self.withoutCouncilWords(name, prefixes: ["county_"]),
                Self.withoutCouncilWords(short, prefixes: ["county_"])
            )
        }
    }

    /// The scenario's authorities.
    public static func authorities(_ authorities: [Authority]) -> NameLookup {
        NameLookup(kind: .authority, entries: authorities.map { ($0.id.rawValue, $0.name) })
    }

    /// The scenario's co-operatives.
    public static func cooperatives(_ cooperatives: [Cooperative]) -> NameLookup {
        NameLookup(kind: .cooperative, entries: cooperatives.map { ($0.id.rawValue, $0.name) })
    }

    /// The index of the entry `text` names, or nil.
    public func index(of text: String) -> Int? {
        let trimmed = text.trimmingBlanks
        if let exact = codes.firstIndex(of: trimmed) { return exact }
        let folded = Self.fold(trimmed)
        guard !folded.isEmpty else { return nil }
        // A council's formal words dropped from what was typed: all of them (`Bristol City Council`),
        // else only the end's and a leading `The` (`The City of London`, `City of London Council`).
        return foldedCodes.firstIndex(of: folded) ?? foldedNames.firstIndex(of: folded)
            ?? foldedShortNames.firstIndex(of: folded) ?? onlyEntry(withPlainName: Self.withoutCouncilWords(folded))
            ?? onlyEntry(withPlainName: Self.withoutCouncilWords(folded, prefixes: ["the_"]))
    }

    /// The one entry whose name, a council's formal words aside, is `plain`: `Bristol` for `Bristol,
    /// City of`, `Durham` for `County Durham` (Ofsted's register spells them so); nil when none or
    /// several are. An entry's name loses only its trailing qualifier and a leading `County`: a
    /// leading `City of` is its name (`London` is not the City of London).
    private func onlyEntry(withPlainName plain: String) -> Int? {
        guard !plain.isEmpty else { return nil }
        let matching = plainNames.indices.filter { plainNames[$0].name == plain || plainNames[$0].short == plain }
        return matching.count == 1 ? matching[0] : nil
    }

    /// The one entry whose name holds `folded` as whole words (`Hull` in `Kingston upon Hull, City
    /// of`, `East Riding` in `East Riding of Yorkshire`); nil when none or several do.
    private func onlyEntry(namingWords folded: String) -> Int? {
        guard folded.count >= 3 else { return nil }
        let matching = foldedNames.indices.filter { index in
            let name = foldedNames[index]
            var start = name.startIndex
            while let found = name[start...].range(of: folded) {
                let before =
                    found.lowerBound == name.startIndex || "_,".contains(name[name.index(before: found.lowerBound)])
                let after = found.upperBound == name.endIndex || "_,".contains(name[found.upperBound])
                if before && after { return true }
                start = name.index(after: found.lowerBound)
            }
            return false
        }
        return matching.count == 1 ? matching[0] : nil
    }

    /// The code of the entry `text` names, or nil.
    public func code(of text: String) -> String? { index(of: text).map { codes[$0] } }

    /// The entry nearest to `text` (by edit distance over folded names and codes), when close enough
    /// to be a likely typo: "Kent (E10000016)"; else the entry a council's formal name stands for,
    /// its words such as `County Council` or `London Borough of` aside: `Lancashire County Council`
    /// is Lancashire (E10000017).
    public func suggestion(for text: String) -> String? {
        let folded = Self.fold(text)
        let plain = Self.withoutCouncilWords(folded)
        guard !plain.isEmpty else { return nil }
        if let index = onlyEntry(withPlainName: plain) { return described(index) }
        // Words of one entry's name before a near spelling: `Telford` is Telford and Wrekin, not Salford.
        if let index = onlyEntry(namingWords: plain) { return described(index) }
        if let nearest = nearest(to: folded) { return nearest }
        return nearest(to: plain)
    }

    /// The words of a council's formal name, folded, that its name in the tables leaves out.
    static let councilPrefixes = [
        "the_", "london_borough_of_", "royal_borough_of_", "city_of_", "borough_of_", "county_of_", "county_", "lb_",
    ]
    private static let councilSuffixes = [
        "_metropolitan_borough_council", "_metropolitan_district_council", "_county_council", "_city_council",
        "_borough_council", "_district_council", "_council", ",_city_of", ",_county_of",
        // As councils abbreviate themselves in exports: Stockport MBC, Kent CC, Barnet LBC.
        "_mbc", "_mdc", "_lbc", "_cc", "_bc", "_dc",
    ]

    /// A folded name without a council's formal words, at its start (`prefixes`) or end.
    static func withoutCouncilWords(_ folded: String, prefixes: [String] = councilPrefixes) -> String {
        var name = Substring(folded)
        for prefix in prefixes where name.hasPrefix(prefix) { name = name.dropFirst(prefix.count) }
        for suffix in councilSuffixes where name.hasSuffix(suffix) {
            name = name.dropLast(suffix.count)
            break
        }
        return String(name)
    }

    /// "Kent (E10000016)", or the code alone when the entry's name is its code.
    private func described(_ index: Int) -> String {
        names[index] == codes[index] ? codes[index] : "\(names[index]) (\(codes[index]))"
    }

    /// The entry within typo reach of `folded`, nearest first.
    private func nearest(to folded: String) -> String? {
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
        return described(best.index)
    }

    /// "no authority 'Kentt' — did you mean Kent (E10000016)?", or, without a near entry, what
    /// there is to choose from. Without `suggesting`, the name alone ("no authority 'Kentt'"): for
    /// the names past those a message lists, which nobody reads and each cost a search.
    public func missing(_ text: String, suggesting: Bool = true) -> String {
        var message = "no \(kind.rawValue) '\(LongText.shortened(text, head: 60, tail: 20))'"
        guard suggesting else { return message }
        // A county since split: its successors, not the nearest spelling (`Northamptonshire` is not
        // West Northamptonshire alone).
        if kind == .authority, let county = RetiredCounties.county(named: text) {
            return message + "; " + retired(county)
        }
        // A well-formed GSS code is another authority's, not a misspelling of the nearest code.
        let isCode = Self.isGSSCode(text.trimmingBlanks.uppercased())
        if isCode { message += " in the scenario" }
        if !isCode, let suggestion = suggestion(for: text) {
            message += " — did you mean \(suggestion)?"
        } else if codes.isEmpty {
            message += " (there are none)"
        } else if codes.count <= 12 {
            message += "; there are " + codes.indices.map { "\(names[$0]) (\(codes[$0]))" }.joined(separator: ", ")
        }
        return message
    }

    /// What became of a retired county, naming its successors the lookup holds by name.
    private func retired(_ county: String) -> String {
        let name = RetiredCounties.names[county] ?? county
        let successors = RetiredCounties.successors[county, default: []]
        let year = RetiredCounties.replacedIn[county].map { " in \($0)" } ?? ""
        let held = successors.compactMap { code in codes.firstIndex(of: code).map { "\(names[$0]) (\(code))" } }
        let lead = "\(name) (\(county)) was replaced\(year) by two councils"
        guard held.count == successors.count else {
            return lead + " (\(successors.joined(separator: ", "))), " + (held.isEmpty ? "neither" : "not both")
                + " in the scenario"
        }
        return lead + ": " + held.joined(separator: " and ") + "; give one of them"
    }

    /// A GSS code's shape: a letter and eight digits (`E06000017`).
    static func isGSSCode(_ text: String) -> Bool {
        let characters = Array(text.utf8)
        return characters.count == 9 && (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(characters[0])
            && characters.dropFirst().allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// `name` without a trailing ` (…)`.
    static func withoutQualifier(_ name: String) -> String {
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "("), open > name.startIndex else { return name }
        return String(name[..<open])
    }

    /// A name as compared: ``CSVTable/Row/normalise(_:)`` with `&` read as `and` and full stops
    /// dropped (`St. Helens` is `St Helens`).
    static func fold(_ name: String) -> String {
        // Foundation only when there is something to replace: a shocks file may name a million authorities.
        var name = name
        if name.utf8.contains(UInt8(ascii: "&")) { name = name.replacingOccurrences(of: "&", with: " and ") }
        if name.utf8.contains(UInt8(ascii: ".")) { name = name.replacingOccurrences(of: ".", with: "") }
        return CSVTable.Row.normalise(name)
    }
}
