/// Reads `children.csv`: one row per child or cohort of identical children.
enum CohortReader {
    static func cohorts(
        _ table: CSVTable, known: Set<String>, providers: Set<String>, log: inout IssueLog
    ) -> [Cohort] {
        var cohorts: [Cohort] = []
        var seen: [String: Int] = [:]
        var siblings: [String: (authority: String, type: PlacementType, line: Int)] = [:]
        for row in table.rows {
            let id = row.required("id", log: &log)
            let home = row.required("home_authority", log: &log)
            if let home, !known.contains(home) {
                log.error(
                    table.file, line: row.line, field: "home_authority",
                    AuthorityReader.unknownAuthority(home, known: known))
            }
            let type = row.requiredChoice("placement_type", PlacementType.self, log: &log)
            var band = AgeBand.all
            if let text = row.optionalText("age_band") {
                if let parsed = AgeBand(parsing: text) {
                    band = parsed
                } else {
                    log.error(
                        table.file, line: row.line, field: "age_band", "'\(text)' is not an age band such as 11-15")
                }
            }
            let count = row.count("count", log: &log) ?? (row.text("count").isEmpty ? 1 : nil)
            if count == 0 { log.error(table.file, line: row.line, field: "count", "must be at least 1") }
            let requirements = row.choices("requirements", Requirement.self, log: &log)
            let current = row.optionalText("current_provider")
            if let current, !providers.contains(current) {
                var message = "unknown provider '\(current)'"
                if let suggestion = nearest(to: current, in: providers.sorted()) {
                    message += " (did you mean '\(suggestion)'?)"
                }
                log.error(table.file, line: row.line, field: "current_provider", message)
            }
            let location = ProviderReader.coordinate(row, prefix: "home_", log: &log)
            guard let id, let home, known.contains(home), let type, let count, count > 0 else { continue }
            if let first = seen[id] {
                log.error(table.file, line: row.line, field: "id", "duplicate id \(id) (first on line \(first))")
                continue
            }
            seen[id] = row.line
            let group = row.optionalText("sibling_group")
            if let group {
                if let first = siblings[group] {
                    if first.authority != home {
                        log.error(
                            table.file, line: row.line, field: "sibling_group",
                            "sibling group \(group) spans authorities \(first.authority) (line \(first.line)) and \(home)"
                        )
                    } else if first.type != type {
                        log.error(
                            table.file, line: row.line, field: "sibling_group",
                            "sibling group \(group) spans placement types \(first.type.rawValue) (line \(first.line)) and \(type.rawValue)"
                        )
                    }
                } else {
                    siblings[group] = (home, type, row.line)
                }
                if !type.isCommissioned {
                    log.error(
                        table.file, line: row.line, field: "sibling_group",
                        "only commissioned placement types are placed as sibling groups")
                }
            }
            cohorts.append(
                Cohort(
                    id: CohortID(rawValue: id), homeAuthority: AuthorityCode(rawValue: home), homeLocation: location,
                    placementType: type,
                    ageBand: band, requirements: requirements, siblingGroup: group.map(SiblingGroupID.init(rawValue:)),
                    currentProvider: current.flatMap { providers.contains($0) ? ProviderID(rawValue: $0) : nil },
                    count: count))
        }
        return cohorts
    }
}
