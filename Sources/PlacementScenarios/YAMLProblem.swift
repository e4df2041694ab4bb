import Yams

/// A YAML parse error in one line, with where it is: every YAML file the tool reads (a scenario's
/// manifest, a shocks file) says a parse error this way, not in Yams' own several-line description
/// that repeats the input.
package enum YAMLProblem {
    /// Line, column and the problem. `text`: the YAML composed, to point at a repeated key's second
    /// occurrence rather than at its first, as Yams does.
    package static func describe(_ error: any Error, in text: String? = nil) -> (Int?, Int?, String) {
        guard let error = error as? YamlError else { return (nil, nil, "\(error)") }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let during = context.map { " (\($0.text))" } ?? ""
            return (mark.line, mark.column, plain(problem) + during)
        case .reader(let problem, let offset, let value, _):
            guard let offset, let text, let (line, column) = position(ofCharacter: offset, in: text) else {
                return (nil, nil, problem)
            }
            // The character itself, as a code (it may be unprintable).
            let hex = String(UInt32(max(0, value)), radix: 16, uppercase: true)
            let character = value >= 0 ? " (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))" : ""
            return (line, column, problem + character)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            // Yams names the first of the repeated keys in its own order, at its first occurrence.
            guard let key = duplicates.first, let text,
                let repeated = YAMLRepeatedKey.repeatOf(key, first: context.mark, in: text)
            else {
                return (context.mark.line, context.mark.column, "a key is given more than once in one mapping: \(keys)")
            }
            return (
                repeated.line, repeated.column,
                "a key is given more than once in one mapping: '\(key)' (first on line \(context.mark.line))"
            )
        default:
            return (nil, nil, "\(error)")
        }
    }

    /// The YAML document of `text`, or `nil` with the problem logged against `file`: `empty` when it
    /// holds no document, the parse error with its line and column otherwise.
    package static func compose(_ text: String, file: String, empty: String, log: inout IssueLog) -> Node? {
        // libyaml takes a NUL as the end of the text, reading nothing after it (other control characters
        // it refuses itself): said as libyaml says the others.
        if text.utf8.contains(0), let nul = text.firstIndex(of: "\0"),
            let (line, column) = position(ofCharacter: text.distance(from: text.startIndex, to: nul), in: text)
        {
            log.error(
                file, line: line, column: column, "is not valid YAML: control characters are not allowed (U+0000)")
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                log.error(file, line: 1, empty)
                return nil
            }
            return node
        } catch {
            let (line, column, problem) = describe(error, in: text)
            log.error(file, line: line, column: column, "is not valid YAML: \(problem)")
            return nil
        }
    }

    /// Whether `node` is YAML's null (`~`, `null`, or nothing after the colon): an optional key given
    /// so is absent.
    package static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["~", "null", "Null", "NULL", ""].contains(scalar.string)
    }

    /// libyaml's wording with its API left out: a user cannot call `yaml_set_max_nest_level()`.
    private static func plain(_ problem: String) -> String {
        guard problem.hasPrefix("Maximum nesting level reached") else { return problem }
        return "lists and mappings are nested too deeply to be read (libyaml stops at about 1,000 levels)"
    }

    /// The line and column (from 1) of the character at `offset` (Yams counts characters) in `text`.
    static func position(ofCharacter offset: Int, in text: String) -> (Int, Int)? {
        guard offset >= 0, offset <= text.count else { return nil }
        let before = text.prefix(offset)
        // "\r\n" is one character, and a newline.
        let lineStart = before.lastIndex(where: \.isNewline).map { before.index(after: $0) } ?? before.startIndex
        let line = before.reduce(1) { $0 + ($1.isNewline ? 1 : 0) }
        return (line, before.distance(from: lineStart, to: before.endIndex) + 1)
    }
}
