import PlacementScenarios
import Yams

/// Typed access to a shocks file's YAML nodes, logging each mismatch with the node's line.
struct ShockNodeReader {
    /// Maps, text and numbers read as the manifest reads them.
    private var nodes: YAMLNodeReader

    init(file: String, log: IssueLog) { nodes = YAMLNodeReader(file: file, log: log) }

    var log: IssueLog { nodes.log }

    static let kinds = [
        "remove_largest_owners", "remove_owners", "remove_share", "price_change", "demand_increase",
        "demand_change", "close_inadequate", "cap_profits",
    ]

    mutating func error(_ node: Node, path: String, _ message: String) { nodes.error(node, path: path, message) }

    /// One list entry: a mapping with exactly one key, the shock's kind; with the shock's own path
    /// (`shocks[1].demand_change`) and where each name it lists stands, so that a name the scenario
    /// lacks is reported at its line and column.
    mutating func locatedShock(_ node: Node, path: String, file: String) -> LocatedShock? {
        names = []
        guard let shock = shock(node, path: path), let kind = node.mapping?.first?.key.string else { return nil }
        return LocatedShock(shock, file: file, line: node.mark?.line, path: "\(path).\(kind)", names: names)
    }

    /// Where the names of the shock being read stand (``locatedShock(_:path:file:)``).
    private var names: [LocatedShock.Position] = []

    private mutating func noteName(_ node: Node) {
        if let mark = node.mark { names.append(LocatedShock.Position(line: mark.line, column: mark.column)) }
    }

    /// One list entry: a mapping with exactly one key, the shock's kind.
    private mutating func shock(_ node: Node, path: String) -> Shock? {
        guard let entry = mapping(node, path: path) else { return nil }
        guard entry.count == 1, let (kind, body) = entry.first else {
            error(
                node, path: path, "expected exactly one shock per entry, one of " + Self.kinds.joined(separator: ", "))
            return nil
        }
        let path = "\(path).\(kind)"
        switch kind {
        case "remove_largest_owners":
            guard let map = fields(body, path: path, allowed: ["sector", "placement_type", "count"]) else { return nil }
            let sector = map["sector"].flatMap { self.sector($0, path: "\(path).sector") }
            let type = map["placement_type"].flatMap { placementType($0, path: "\(path).placement_type") }
            guard let countNode = required(map, "count", node: body, path: path),
                let count = whole(countNode, path: "\(path).count", minimum: 1)
            else { return nil }
            return .removeLargestOwners(sector: sector, placementType: type, count: count)
        case "remove_owners":
            guard let list = body.sequence else {
                error(body, path: path, "expected a list of owner names")
                return nil
            }
            guard !list.isEmpty else {
                error(body, path: path, "the list of owner names is empty: name at least one owner")
                return nil
            }
            let owners = list.enumerated().compactMap { string($1, path: "\(path)[\($0)]") }
            for entry in list { noteName(entry) }
            return owners.count == list.count ? .removeOwners(owners) : nil
        case "remove_share":
            guard let map = fields(body, path: path, allowed: ["sector", "placement_type", "share"]) else { return nil }
            let sector = map["sector"].flatMap { self.sector($0, path: "\(path).sector") }
            let type = map["placement_type"].flatMap { placementType($0, path: "\(path).placement_type") }
            guard let shareNode = required(map, "share", node: body, path: path),
                let share = number(shareNode, path: "\(path).share", minimum: 0, maximum: 1)
            else { return nil }
            return .removeShare(sector: sector, placementType: type, share: share)
        case "price_change":
            guard let map = fields(body, path: path, allowed: ["sector", "placement_type", "owner", "factor"]) else {
                return nil
            }
            let sector = map["sector"].flatMap { self.sector($0, path: "\(path).sector") }
            let type = map["placement_type"].flatMap { placementType($0, path: "\(path).placement_type") }
            let owner = map["owner"].flatMap { string($0, path: "\(path).owner") }
            if let node = map["owner"] { noteName(node) }
            guard let factorNode = required(map, "factor", node: body, path: path),
                let factor = number(factorNode, path: "\(path).factor", minimum: 0.01, maximum: 100)
            else { return nil }
            return .priceChange(sector: sector, placementType: type, owner: owner, factor: factor)
        case "demand_increase":
            return demandChange(body, path: path, canFall: false)
        case "demand_change":
            return demandChange(body, path: path, canFall: true)
        case "close_inadequate":
            guard let flag = body.bool else {
                error(body, path: path, "expected true or false")
                return nil
            }
            if !flag { error(body, path: path, "false closes nothing: leave the shock out") }
            return flag ? .closeInadequate : nil
        case "cap_profits":
            guard let map = fields(body, path: path, allowed: ["margin"]),
                let marginNode = required(map, "margin", node: body, path: path),
                let margin = number(marginNode, path: "\(path).margin", minimum: 0, maximum: 0.99)
            else { return nil }
            return .capProfits(margin: margin)
        default:
            var message = "unknown shock '\(kind)'"
            if let suggestion = nearest(to: kind, in: Self.kinds) { message += " (did you mean '\(suggestion)'?)" }
            error(body, path: path, message)
            return nil
        }
    }

    /// A `demand_increase` (`canFall` false: factor 1–100, children at least 1, as it always read) or
    /// a `demand_change` (factor 0–100, children a whole number other than 0, negative for fewer).
    private mutating func demandChange(_ body: Node, path: String, canFall: Bool) -> Shock? {
        guard
            let map = fields(
                body, path: path, allowed: ["placement_type", "authorities", "uasc", "factor", "children"])
        else { return nil }
        let type = map["placement_type"].flatMap { placementType($0, path: "\(path).placement_type") }
        var authorities: [String]?
        if let node = map["authorities"] {
            if let list = node.sequence, !list.isEmpty {
                authorities = list.enumerated().compactMap { string($1, path: "\(path).authorities[\($0)]") }
                for entry in list { noteName(entry) }
            } else {
                error(node, path: "\(path).authorities", "expected a list of authority codes or names")
            }
        }
        var uasc: Bool?
        if let node = map["uasc"] {
            uasc = node.bool
            if uasc == nil { error(node, path: "\(path).uasc", "expected true or false") }
        }
        let amount: Shock.DemandChange.Amount
        switch (map["factor"], map["children"]) {
        case (let node?, nil):
            if !canFall, case .scalar(let scalar) = node, let value = DecimalNumber.parse(scalar.string),
                (0..<1).contains(value)
            {
                // A fall asked of the shock that only grows: the one that goes both ways named.
                error(
                    node, path: "\(path).factor",
                    "\(scalar.string) is out of range (1 to 100): demand_increase only adds children; for fewer, "
                        + "write demand_change: {factor: \(scalar.string)}")
                return nil
            }
            guard let factor = number(node, path: "\(path).factor", minimum: canFall ? 0 : 1, maximum: 100) else {
                return nil
            }
            amount = .factor(factor)
        case (nil, let node?):
            guard canFall else {
                guard let children = whole(node, path: "\(path).children", minimum: 1) else { return nil }
                amount = .children(children)
                break
            }
            guard let children = whole(node, path: "\(path).children", minimum: -10_000_000) else { return nil }
            guard children != 0 else {
                error(node, path: "\(path).children", "0 changes nothing: leave the shock out")
                return nil
            }
            amount = .children(children)
        default:
            error(body, path: path, "give exactly one of factor and children")
            return nil
        }
        return .demandChange(
            Shock.DemandChange(placementType: type, authorities: authorities, uasc: uasc, amount: amount))
    }

    // MARK: Values

    mutating func mapping(_ node: Node, path: String) -> [String: Node]? { nodes.mapping(node, path: path) }

    private mutating func fields(_ node: Node, path: String, allowed: Set<String>) -> [String: Node]? {
        guard let map = mapping(node, path: path) else { return nil }
        rejectUnknownKeys(map, path: path, allowed: allowed)
        return map
    }

    private mutating func required(_ map: [String: Node], _ key: String, node: Node, path: String) -> Node? {
        if let value = map[key] { return value }
        error(node, path: "\(path).\(key)", "is required")
        return nil
    }

    mutating func rejectUnknownKeys(_ map: [String: Node], path: String, allowed: Set<String>) {
        nodes.rejectUnknownKeys(map, path: path, allowed: allowed)
    }

    /// The scalar's text without the blanks around it. `path` is built only for an error: a list of a
    /// million names would otherwise build a million paths no message uses.
    mutating func string(_ node: Node, path: @autoclosure () -> String) -> String? {
        guard case .scalar(let scalar) = node else {
            error(node, path: path(), "expected text")
            return nil
        }
        let text = scalar.string.trimmingWhitespaces
        guard !text.isEmpty else {
            error(node, path: path(), "expected text")
            return nil
        }
        return text
    }

    private mutating func number(_ node: Node, path: String, minimum: Double, maximum: Double) -> Double? {
        nodes.number(node, path: path, in: minimum...maximum)
    }

    private mutating func whole(_ node: Node, path: String, minimum: Int) -> Int? {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            error(node, path: path, "expected a whole number")
            return nil
        }
        guard value >= minimum, value <= 10_000_000 else {
            error(node, path: path, "\(value) is outside \(minimum)–10000000")
            return nil
        }
        return value
    }

    private mutating func sector(_ node: Node, path: String) -> Sector? {
        guard let text = string(node, path: path) else { return nil }
        if let sector = Sector(rawValue: CSVTable.Row.normalise(text)) { return sector }
        var message = "unknown sector '\(text)'"
        if let suggestion = nearest(to: text, in: Sector.allCases.map(\.rawValue)) {
            message += " (did you mean '\(suggestion)'?)"
        }
        error(node, path: path, message)
        return nil
    }

    private mutating func placementType(_ node: Node, path: String) -> PlacementType? {
        guard let text = string(node, path: path) else { return nil }
        if let type = PlacementType(rawValue: CSVTable.Row.normalise(text)) { return type }
        var message = "unknown placement type '\(text)'"
        if let suggestion = nearest(to: text, in: PlacementType.allCases.map(\.rawValue)) {
            message += " (did you mean '\(suggestion)'?)"
        }
        error(node, path: path, message)
        return nil
    }
}
