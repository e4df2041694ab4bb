/// Reads `children.csv`: one row per child or cohort of identical children.
///
/// Child ids and sibling group ids share one namespace: the optimiser places a child who is in no
/// group, and a whole sibling group, as one unit, and results and reports name the unit by that id.
enum CohortReader {
    static let largestTotal = ScenarioLimits.children

    /// The cohorts, and the line each was read from.
    static func cohorts(
        _ table: CSVTable, known: KnownCodes, providers: KnownCodes, authorities: [String: Authority] = [:],
        log: inout IssueLog
    ) -> ([Cohort], [Int]) {
        var cohorts: [Cohort] = []
        var lines: [Int] = []
        var total = 0
        var seen: [String: Int] = [:]
        var siblings: [String: (authority: String, type: PlacementType, line: Int, row: CSVTable.Row)] = [:]
        var groupProvider: [String: (provider: String, line: Int)] = [:]
        for row in table.rows {
            let id = row.identifier("id", log: &log)
            let home = row.required("home_authority", log: &log)
            if let home, known.lacks(home) {
                row.error(
                    "home_authority",
                    AuthorityReader.unknownAuthority(home, known: known.listed), log: &log)
            }
            let type = row.requiredChoice("placement_type", PlacementType.self, log: &log)
            var band = AgeBand.all
            if let text = row.optionalText("age_band") {
                if let parsed = AgeBand(parsing: text) {
                    band = parsed
                } else {
                    row.error("age_band", "'\(text)' is not an age band such as 11-15", log: &log)
                }
            }
            let count = row.count("count", log: &log) ?? (row.text("count").isEmpty ? 1 : nil)
            if count == 0 { row.error("count", "must be at least 1", log: &log) }
            let requirements = row.choices("requirements", Requirement.self, log: &log)
            let current = row.optionalText("current_provider")
            if let current, providers.lacks(current) {
                var message = "unknown provider '\(current)'"
                if let suggestion = nearest(to: current, in: providers.listed.sorted()) {
                    message += " (did you mean '\(suggestion)'?)"
                }
                row.error("current_provider", message, log: &log)
            }
            var avoided: Set<AuthorityCode> = []
            for item in row.text("avoid_authorities").split(separator: ";") {
                let code = String(item).trimmingBlanks
                guard !code.isEmpty else { continue }
                if !known.lacks(code) {
                    avoided.insert(AuthorityCode(rawValue: code))
                } else {
                    row.error(
                        "avoid_authorities", AuthorityReader.unknownAuthority(code, known: known.listed), log: &log)
                }
            }
            let location = ProviderReader.coordinate(row, prefix: "home_", log: &log)
            if let location, let home, let area = authorities[home],
                let problem = LocationCheck.problem(location, in: area)
            {
                row.warning("home_latitude", problem, log: &log)
            }
            guard let id, let home, !known.lacks(home), let type, let count, count > 0 else { continue }
            if let first = seen[id] {
                row.error("id", "duplicate id \(id) (first on line \(first))", log: &log)
                continue
            }
            seen[id] = row.line
            let group = row.optionalText("sibling_group").flatMap {
                row.checkedIdentifier("sibling_group", $0, log: &log)
            }
            if let group {
                if let first = siblings[group] {
                    if first.authority != home {
                        row.error(
                            "sibling_group",
                            "sibling group \(group) spans authorities \(first.authority) (line \(first.line)) and \(home)",
                            log: &log)
                    } else if first.type != type {
                        row.error(
                            "sibling_group",
                            "sibling group \(group) spans placement types \(first.type.rawValue) (line \(first.line)) and \(type.rawValue)",
                            log: &log)
                    }
                } else {
                    siblings[group] = (home, type, row.line, row)
                }
                if let current, !providers.lacks(current) {
                    if let first = groupProvider[group], first.provider != current {
                        row.warning(
                            "current_provider",
                            "sibling group \(group)'s members live with \(first.provider) (line \(first.line)) and "
                                + "\(current) today: placed together, neither provider stays within the group's reach",
                            log: &log)
                    } else if groupProvider[group] == nil {
                        groupProvider[group] = (current, row.line)
                    }
                }
                if !type.isCommissioned {
                    row.error(
                        "sibling_group",
                        "only commissioned placement types are placed as sibling groups", log: &log)
                }
            }
            total += count
            if total > largestTotal {
                row.error("count", "takes the scenario past \(largestTotal) children, the most one may hold", log: &log)
                break
            }
            lines.append(row.line)
            cohorts.append(
                Cohort(
                    id: CohortID(rawValue: id), homeAuthority: AuthorityCode(rawValue: home), homeLocation: location,
                    placementType: type,
                    ageBand: band, requirements: requirements, siblingGroup: group.map(SiblingGroupID.init(rawValue:)),
                    currentProvider: current.flatMap { providers.lacks($0) ? nil : ProviderID(rawValue: $0) },
                    count: count, avoidedAuthorities: avoided))
        }
        for (group, first) in siblings.sorted(by: { $0.value.line < $1.value.line }) {
            guard let line = seen[group] else { continue }
            first.row.error(
                "sibling_group",
                "sibling group \(group) has the id of the child on line \(line); children and sibling groups share one set of ids",
                log: &log)
        }
        return (cohorts, lines)
    }
}
