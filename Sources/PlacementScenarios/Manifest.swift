import Foundation
import Yams

/// A scenario folder's `scenario.yaml`: its name, the file names of its tables, and the policy.
struct Manifest {
    var name: String
    var description: String
    var files: Files
    var policy: Policy

    /// A table's file name and, when the manifest names it, where.
    struct TableReference {
        var name: String
        /// The `files:` key naming it.
        var key: String
        /// Line and column of the name in the manifest; nil for a default name.
        var line: Int?
        var column: Int?
    }

    /// The tables. The optional ones are set here only when the manifest names them; the loader falls
    /// back to their default names when such a file is in the folder.
    struct Files {
        var authorities = TableReference(name: "authorities.csv", key: "authorities")
        var cooperatives: TableReference?
        var children = TableReference(name: "children.csv", key: "children")
        var providers = TableReference(name: "providers.csv", key: "providers")
        var distances: TableReference?
        var actuals: TableReference?
        /// Capacity a plan may build.
        var candidates: TableReference?

        /// Default names of the optional tables, by `files:` key.
        static var optionalDefaults: [(key: String, path: WritableKeyPath<Files, TableReference?>)] {
            [
                ("cooperatives", \.cooperatives), ("distances", \.distances), ("actuals", \.actuals),
                ("candidates", \.candidates),
            ]
        }
    }

    static let fileName = "scenario.yaml"

    /// Reads the manifest, logging every unknown key and malformed value with its line.
    static func read(from folder: ScenarioFolder, log: inout IssueLog) -> Manifest? {
        let file = fileName
        let data: Data
        switch folder.read(file) {
        case .success(let contents): data = contents
        case .failure(let problem):
            log.error(file, "\(problem.message) (every scenario folder needs a manifest)")
            return nil
        }
        if let problem = NotUTF8.find([UInt8](data)) {
            log.error(file, line: problem.line, column: problem.column, problem.message(.text))
            return nil
        }
        // A byte-order mark (Windows editors write one) is not part of the text; libyaml reads the
        // mapping after it as a second document.
        let text = String(decoding: data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data, as: UTF8.self)
        guard
            let root = YAMLProblem.compose(
                text, file: file, empty: "is empty; a manifest needs at least `name:`", log: &log)
        else { return nil }
        var reader = YAMLNodeReader(file: file, log: log)
        defer { log = reader.log }
        guard let top = reader.mapping(root, path: "") else { return nil }
        reader.rejectUnknownKeys(top, path: "", allowed: ["name", "description", "files", "policy"])
        let name = top["name"].flatMap { reader.string($0, path: "name") }
        var manifest = Manifest(
            name: name ?? "",
            // Optional: left empty (YAML's null) it is absent.
            description: top["description"].flatMap {
                YAMLProblem.isNull($0) ? nil : reader.string($0, path: "description")
            } ?? "",
            files: Files(), policy: Policy())
        // Blanks alone would title every report with nothing. A name that is not text is said once.
        if manifest.name.trimmingBlanks.isEmpty, top["name"] == nil || name != nil {
            reader.error(top["name"] ?? root, path: "name", "is required (the scenario's name, as reports show it)")
        }
        // Reports print the name as it is; a description may run over several lines.
        for (key, text, allowed) in [
            ("name", manifest.name, []), ("description", manifest.description, ["\n", "\t"] as Set<Unicode.Scalar>),
        ] {
            if let node = top[key], let problem = ControlCharacters.problem(text, allowing: allowed) {
                reader.error(node, path: key, problem)
            }
        }
        if let filesNode = top["files"], let files = reader.mapping(filesNode, path: "files") {
            reader.rejectUnknownKeys(
                files, path: "files",
                allowed: ["authorities", "cooperatives", "children", "providers", "distances", "actuals", "candidates"])
            func reference(_ key: String) -> TableReference? {
                guard let node = files[key], let name = reader.string(node, path: "files.\(key)") else { return nil }
                return TableReference(name: name, key: key, line: node.mark?.line, column: node.mark?.column)
            }
            manifest.files.authorities = reference("authorities") ?? manifest.files.authorities
            manifest.files.children = reference("children") ?? manifest.files.children
            manifest.files.providers = reference("providers") ?? manifest.files.providers
            for (key, path) in Files.optionalDefaults { manifest.files[keyPath: path] = reference(key) }
        }
        if let policyNode = top["policy"] {
            manifest.policy = readPolicy(policyNode, reader: &reader)
        }
        return manifest
    }

    private static func readPolicy(_ node: Node, reader: inout YAMLNodeReader) -> Policy {
        var policy = Policy()
        guard let map = reader.mapping(node, path: "policy") else { return policy }
        let numbers: [(String, WritableKeyPath<Policy, Double>, ClosedRange<Double>)] = [
            ("price_weight", \.priceWeight, Policy.Bounds.weight),
            ("cost_per_mile", \.costPerMile, Policy.Bounds.costPerMile),
            ("out_of_area_penalty", \.outOfAreaPenalty, Policy.Bounds.money),
            ("local_authority_preference", \.localAuthorityPreference, Policy.Bounds.money),
            ("unplaced_penalty", \.unplacedPenalty, Policy.Bounds.money),
            ("other_council_in_house_premium", \.otherCouncilInHousePremium, Policy.Bounds.money),
            ("default_market_margin", \.defaultMarketMargin, Policy.Bounds.margin),
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
        for (key, path, range) in numbers {
            if let value = map[key].flatMap({ reader.number($0, path: "policy.\(key)", in: range) }) {
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
            let seed = reader.number(node, path: "policy.council_order_seed", in: Policy.Bounds.seed)
        {
            // Read exactly, in whatever form it is written: as a double, 2^53 + 1 (or 9007199254740993.0)
            // had rounded to 2^53 and passed.
            let text = (node.scalar?.string) ?? "\(seed)"
            switch DecimalNumber.exactWhole(text, atMost: UInt64(Policy.Bounds.seed.upperBound)) {
            case .value(let exact):
                policy.councilOrderSeed = exact
            case .beyond:
                reader.error(
                    node, path: "policy.council_order_seed",
                    "\(text) is out of range (0 to \(DecimalNumber.format(Policy.Bounds.seed.upperBound)))")
            case .fraction, nil:
                reader.error(node, path: "policy.council_order_seed", "\(text) is not a whole number")
            }
        }
        if let node = map["maximum_distance_miles"] {
            let (byType, fallback) = reader.perType(
                node, path: "policy.maximum_distance_miles", in: Policy.Bounds.distance)
            policy.maximumDistanceMiles = byType
            policy.defaultMaximumDistance = fallback
        }
        if let node = map["market_margins"] {
            let (byType, fallback) = reader.perType(node, path: "policy.market_margins", in: Policy.Bounds.margin)
            // The types given replace their defaults; the others keep them.
            policy.marketMargins.merge(byType) { $1 }
            if let fallback {
                if map["default_market_margin"] != nil {
                    reader.error(
                        node["default"] ?? node, path: "policy.market_margins.default",
                        "the default margin is also given as default_market_margin; give it once")
                }
                policy.defaultMarketMargin = fallback
            }
        }
        return policy
    }
}
