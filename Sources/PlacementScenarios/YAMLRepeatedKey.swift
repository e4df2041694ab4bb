import Yams

/// Where a key given twice in one YAML mapping is given again. Yams reports the first occurrence,
/// but the fault a user looks for is the repeat (usually the line added last). It is found by
/// composing the text again with the first occurrence's key changed in one character, so the
/// mapping loads, and reading the position of the key that still has the name. A key given three
/// times, or other keys repeated too (in this mapping or another), fail that composing again; Yams
/// then names the next first occurrence, which is changed in turn until the text composes. The
/// repeat is then the earliest key after the first, in the first's mapping, that had the name.
enum YAMLRepeatedKey {
    /// The position of the second `key` in the mapping whose key at `first` is the first, or nil
    /// when it cannot be found (the key is not plain or quoted text, or the text has other faults).
    static func repeatOf(_ key: String, first: Mark, in text: String) -> Mark? {
        var scalars = Array(text.unicodeScalars)
        var renamed = first
        // Occurrences of `key` renamed after the first: in another mapping, or this one's repeats.
        var renamedOccurrences: [Mark] = []
        // Each pass renames one first occurrence; a mapping cannot hold more repeats than keys.
        for _ in 0..<maximumPasses {
            guard rename(keyAt: renamed, in: &scalars) else { return nil }
            var altered = String.UnicodeScalarView()
            altered.append(contentsOf: scalars)
            do {
                guard let root = try Yams.compose(yaml: String(altered)),
                    let keys = keys(ofMappingWithKeyAt: first, in: root)
                else { return nil }
                // The mapping's keys that were `key` before renaming, after the first: the earliest is the repeat.
                let repeats = keys.filter { candidate in
                    guard let mark = candidate.mark, !same(mark, first) else { return false }
                    return candidate.string == key || renamedOccurrences.contains { same($0, mark) }
                }
                return repeats.compactMap(\.mark).min { ($0.line, $0.column) < ($1.line, $1.column) }
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                if duplicates.first == key { renamedOccurrences.append(context.mark) }
                renamed = context.mark
            } catch {
                return nil
            }
        }
        return nil
    }

    private static func same(_ a: Mark, _ b: Mark) -> Bool { a.line == b.line && a.column == b.column }

    private static let maximumPasses = 64

    /// Changes the key at `mark` in one character, so that it no longer repeats; false when the
    /// mark is not at a key's text.
    private static func rename(keyAt mark: Mark, in scalars: inout [Unicode.Scalar]) -> Bool {
        guard var index = offset(of: mark, in: scalars) else { return false }
        if scalars[index] == "\"" || scalars[index] == "'" { index += 1 }
        guard index < scalars.count, !isBreak(scalars[index]) else { return false }
        // Two letters, so that the key stays plain text and differs from whatever it was.
        scalars[index] = scalars[index] == "ʘ" ? "ʚ" : "ʘ"
        return true
    }

    /// The offset in `scalars` of `mark`, whose lines and columns count as libyaml counts them.
    private static func offset(of mark: Mark, in scalars: [Unicode.Scalar]) -> Int? {
        var line = 1
        var column = 1
        var index = 0
        while index < scalars.count {
            if line == mark.line, column == mark.column { return index }
            if isBreak(scalars[index]) {
                if scalars[index] == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        return nil
    }

    /// What libyaml takes as a line break.
    private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar)
    }

    /// The keys of the mapping that has a key at `first`.
    private static func keys(ofMappingWithKeyAt first: Mark, in node: Node) -> [Node]? {
        switch node {
        case .mapping(let mapping):
            let keys = mapping.map(\.key)
            if keys.contains(where: { $0.mark.map { same($0, first) } ?? false }) { return keys }
            for (child, value) in mapping {
                if let found = Self.keys(ofMappingWithKeyAt: first, in: child)
                    ?? Self.keys(ofMappingWithKeyAt: first, in: value)
                {
                    return found
                }
            }
            return nil
        case .sequence(let sequence):
            return sequence.lazy.compactMap { keys(ofMappingWithKeyAt: first, in: $0) }.first
        default:
            return nil
        }
    }
}
