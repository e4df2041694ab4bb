import Yams

/// Typed access to YAML nodes that logs each mismatch with the node's line and column.
package struct YAMLNodeReader {
    package let file: String
    package var log: IssueLog
    /// The key nodes of the mappings read so far, by dotted path, so that a key's own position can be reported.
    private var keys: [String: Node] = [:]

    package init(file: String, log: IssueLog) {
        self.file = file
        self.log = log
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    package mutating func error(_ node: Node, path: String, _ message: String) {
        log.error(file, line: node.mark?.line, column: node.mark?.column, field: path.isEmpty ? nil : path, message)
    }

    /// A mapping with text keys; any other key (a list, a mapping) is an error, not skipped.
    package mutating func mapping(_ node: Node, path: String) -> [String: Node]? {
        guard let mapping = node.mapping else {
            error(node, path: path, "expected a mapping of keys to values")
            return nil
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                error(key, path: path, "a key must be text, not a list or a mapping")
                continue
            }
            result[scalar.string] = value
            keys[Self.join(path, scalar.string)] = key
        }
        return result
    }

    package mutating func rejectUnknownKeys(_ map: [String: Node], path: String, allowed: Set<String>) {
        for (key, node) in map.sorted(by: { $0.key < $1.key }) where !allowed.contains(key) {
            var message = "unknown key '\(key)'"
            if let suggestion = nearest(to: key, in: allowed.sorted()) { message += " (did you mean '\(suggestion)'?)" }
            let fullPath = Self.join(path, key)
            error(keys[fullPath] ?? node, path: fullPath, message)
        }
    }

    package mutating func string(_ node: Node, path: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error(node, path: path, "expected text")
            return nil
        }
        // YAML's null (`~`, `null`, or nothing after the colon) is no text: not a file named `~`.
        if YAMLProblem.isNull(node) {
            error(node, path: path, "expected text; got none (YAML's null)")
            return nil
        }
        return scalar.string
    }

    /// A plain decimal number within `range`.
    package mutating func number(_ node: Node, path: String, in range: ClosedRange<Double>) -> Double? {
        guard case .scalar(let scalar) = node, let value = DecimalNumber.parse(scalar.string) else {
            error(node, path: path, "expected a number")
            return nil
        }
        guard range.contains(value) else {
            error(
                node, path: path,
                "\(scalar.string) is out of range (\(DecimalNumber.format(range.lowerBound)) to \(DecimalNumber.format(range.upperBound)))"
            )
            return nil
        }
        return value
    }

    package mutating func bool(_ node: Node, path: String) -> Bool? {
        guard let value = node.bool else {
            error(node, path: path, "expected true or false")
            return nil
        }
        return value
    }

    /// A mapping from placement type names (and `default`) to numbers within `range`.
    package mutating func perType(_ node: Node, path: String, in range: ClosedRange<Double>) -> (
        [PlacementType: Double], Double?
    ) {
        guard let map = mapping(node, path: path) else { return ([:], nil) }
        var byType: [PlacementType: Double] = [:]
        var fallback: Double?
        for (key, value) in map.sorted(by: { $0.key < $1.key }) {
            guard let number = number(value, path: "\(path).\(key)", in: range) else { continue }
            if key == "default" {
                fallback = number
            } else if let type = PlacementType(rawValue: key) {
                byType[type] = number
                // Children placed with parents, for adoption or otherwise are counted, never placed: a
                // figure for them changes nothing, which the user should know.
                if !type.isCommissioned {
                    let at = keys[Self.join(path, key)] ?? value
                    log.warning(
                        file, line: at.mark?.line, column: at.mark?.column, field: Self.join(path, key),
                        "\(key) children are counted, not placed by any mode: the figure changes nothing")
                }
            } else {
                var message = "unknown placement type '\(key)'"
                if let suggestion = nearest(to: key, in: PlacementType.allCases.map(\.rawValue) + ["default"]) {
                    message += " (did you mean '\(suggestion)'?)"
                }
                error(keys[Self.join(path, key)] ?? value, path: Self.join(path, key), message)
            }
        }
        return (byType, fallback)
    }
}
