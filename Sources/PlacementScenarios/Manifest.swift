import Foundation
import Yams

/// A scenario folder's `scenario.yaml`: its name, the file names of its tables, and the policy.
struct Manifest {
    var name: String
    var description: String
    var files: Files
    var policy: Policy

    struct Files {
        var authorities = "authorities.csv"
        var cooperatives: String?
        var children = "children.csv"
        var providers = "providers.csv"
        var distances: String?
        var actuals: String?
        /// Capacity a plan may build; `candidates.csv` is read when present and not named.
        var candidates: String?
    }

    /// The candidates table read when the manifest names none and the folder has one.
    static let defaultCandidatesFile = "candidates.csv"

    static let fileName = "scenario.yaml"

    /// Reads the manifest, logging every unknown key and malformed value with its line.
    static func read(_ path: String, log: inout IssueLog) -> Manifest? {
        let file = fileName
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            log.error(file, "cannot read the manifest (every scenario folder needs one)")
            return nil
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                log.error(file, "is empty")
                return nil
            }
            root = node
        } catch {
            log.error(file, "is not valid YAML: \(error)")
            return nil
        }
        var reader = NodeReader(file: file, log: log)
        defer { log = reader.log }
        guard let top = reader.mapping(root, path: "") else { return nil }
        reader.rejectUnknownKeys(top, path: "", allowed: ["name", "description", "files", "policy"])
        var manifest = Manifest(
            name: top["name"].flatMap { reader.string($0, path: "name") } ?? "",
            description: top["description"].flatMap { reader.string($0, path: "description") } ?? "",
            files: Files(), policy: Policy())
        if manifest.name.isEmpty { reader.log.error(file, field: "name", "is required") }
        if let filesNode = top["files"], let files = reader.mapping(filesNode, path: "files") {
            reader.rejectUnknownKeys(
                files, path: "files",
                allowed: ["authorities", "cooperatives", "children", "providers", "distances", "actuals", "candidates"])
            func name(_ key: String) -> String? { files[key].flatMap { reader.string($0, path: "files.\(key)") } }
            manifest.files.authorities = name("authorities") ?? manifest.files.authorities
            manifest.files.children = name("children") ?? manifest.files.children
            manifest.files.providers = name("providers") ?? manifest.files.providers
            manifest.files.cooperatives = name("cooperatives")
            manifest.files.distances = name("distances")
            manifest.files.actuals = name("actuals")
            manifest.files.candidates = name("candidates")
        }
        if let policyNode = top["policy"] {
            manifest.policy = readPolicy(policyNode, reader: &reader)
        }
        return manifest
    }

    private static func readPolicy(_ node: Node, reader: inout NodeReader) -> Policy {
        var policy = Policy()
        guard let map = reader.mapping(node, path: "policy") else { return policy }
        let numbers: [(String, WritableKeyPath<Policy, Double>)] = [
            ("price_weight", \.priceWeight), ("cost_per_mile", \.costPerMile),
            ("out_of_area_penalty", \.outOfAreaPenalty), ("local_authority_preference", \.localAuthorityPreference),
            ("unplaced_penalty", \.unplacedPenalty), ("other_council_in_house_premium", \.otherCouncilInHousePremium),
            ("default_market_margin", \.defaultMarketMargin),
        ]
        let flags: [(String, WritableKeyPath<Policy, Bool>)] = [
            ("keep_existing_placements", \.keepExistingPlacements),
            ("other_councils_in_house_places", \.otherCouncilsInHousePlaces),
        ]
        reader.rejectUnknownKeys(
            map, path: "policy",
            allowed: Set(numbers.map(\.0) + flags.map(\.0)).union([
                "minimum_ofsted_rating", "maximum_distance_miles", "market_margins", "council_order_seed",
            ]))
        for (key, path) in numbers {
            if let value = map[key].flatMap({ reader.number($0, path: "policy.\(key)", minimum: 0) }) {
                policy[keyPath: path] = value
            }
        }
        for (key, path) in flags {
            if let value = map[key].flatMap({ reader.bool($0, path: "policy.\(key)") }) {
                policy[keyPath: path] = value
            }
        }
        if let node = map["minimum_ofsted_rating"], let text = reader.string(node, path: "policy.minimum_ofsted_rating")
        {
            if let rating = OfstedRating(rawValue: CSVTable.Row.normalise(text)) {
                policy.minimumRating = rating
            } else {
                reader.error(node, path: "policy.minimum_ofsted_rating", "unknown rating '\(text)'")
            }
        }
        if let node = map["council_order_seed"],
            let seed = reader.number(node, path: "policy.council_order_seed", minimum: 0)
        {
            policy.councilOrderSeed = UInt64(seed)
        }
        if let node = map["maximum_distance_miles"] {
            let (byType, fallback) = reader.perType(node, path: "policy.maximum_distance_miles")
            policy.maximumDistanceMiles = byType
            policy.defaultMaximumDistance = fallback
        }
        if let node = map["market_margins"] {
            let (byType, fallback) = reader.perType(node, path: "policy.market_margins", maximum: 1)
            policy.marketMargins = byType
            if let fallback { policy.defaultMarketMargin = fallback }
        }
        return policy
    }
}

/// Typed access to YAML nodes that logs each mismatch with the node's line.
private struct NodeReader {
    let file: String
    var log: IssueLog

    mutating func error(_ node: Node, path: String, _ message: String) {
        log.error(file, line: node.mark?.line, field: path.isEmpty ? nil : path, message)
    }

    mutating func mapping(_ node: Node, path: String) -> [String: Node]? {
        guard let mapping = node.mapping else {
            error(node, path: path, "expected a mapping of keys to values")
            return nil
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            result[name] = value
        }
        return result
    }

    mutating func rejectUnknownKeys(_ map: [String: Node], path: String, allowed: Set<String>) {
        for (key, node) in map.sorted(by: { $0.key < $1.key }) where !allowed.contains(key) {
            var message = "unknown key '\(key)'"
            if let suggestion = nearest(to: key, in: allowed.sorted()) { message += " (did you mean '\(suggestion)'?)" }
            error(node, path: path.isEmpty ? key : "\(path).\(key)", message)
        }
    }

    mutating func string(_ node: Node, path: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error(node, path: path, "expected text")
            return nil
        }
        return scalar.string
    }

    mutating func number(_ node: Node, path: String, minimum: Double? = nil, maximum: Double? = nil) -> Double? {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite else {
            error(node, path: path, "expected a number")
            return nil
        }
        if let minimum, value < minimum {
            error(node, path: path, "\(scalar.string) is below \(minimum)")
            return nil
        }
        if let maximum, value > maximum {
            error(node, path: path, "\(scalar.string) is above \(maximum)")
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node, path: String) -> Bool? {
        guard let value = node.bool else {
            error(node, path: path, "expected true or false")
            return nil
        }
        return value
    }

    /// A mapping from placement type names (and `default`) to numbers.
    mutating func perType(_ node: Node, path: String, maximum: Double? = nil) -> ([PlacementType: Double], Double?) {
        guard let map = mapping(node, path: path) else { return ([:], nil) }
        var byType: [PlacementType: Double] = [:]
        var fallback: Double?
        for (key, value) in map.sorted(by: { $0.key < $1.key }) {
            guard let number = number(value, path: "\(path).\(key)", minimum: 0, maximum: maximum) else { continue }
            if key == "default" {
                fallback = number
            } else if let type = PlacementType(rawValue: key) {
                byType[type] = number
            } else {
                var message = "unknown placement type '\(key)'"
                if let suggestion = nearest(to: key, in: PlacementType.allCases.map(\.rawValue) + ["default"]) {
                    message += " (did you mean '\(suggestion)'?)"
                }
                error(value, path: "\(path).\(key)", message)
            }
        }
        return (byType, fallback)
    }
}
