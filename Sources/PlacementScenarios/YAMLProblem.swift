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
            return (mark.line, mark.column, problem + during)
        case .reader(let problem, _, _, _):
            return (nil, nil, problem)
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
}
