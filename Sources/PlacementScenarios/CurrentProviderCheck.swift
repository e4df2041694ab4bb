/// Children whose `current_provider` offers no places of their placement type. Kept placements
/// (`keep_existing_placements`) and today's placements (as-is, a simulation's start) take a child
/// only where its type is offered, so such a record is ignored, and the child placed as if it had
/// none: the user is told, at the field. Children living today in an authority their plan avoids are
/// told too: a kept placement stays there, where no mode would place them.
enum CurrentProviderCheck {
    /// Warns about each such cohort; `lines` are the cohorts' lines in `table`.
    static func warn(_ scenario: Scenario, lines: [Int], table: CSVTable, log: inout IssueLog) {
        let providers = Dictionary(scenario.providers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (cohort, line) in zip(scenario.cohorts, lines) {
            guard let id = cohort.currentProvider, let provider = providers[id] else { continue }
            if provider.offers[cohort.placementType] != nil, cohort.avoidedAuthorities.contains(provider.authority) {
                log.warning(
                    table.file, line: line, column: table.column(of: "avoid_authorities", line: line),
                    field: "avoid_authorities",
                    "\(cohort.id) lives today with \(id), in \(provider.authority.rawValue), an authority its plan "
                        + "avoids: "
                        + (scenario.policy.keepExistingPlacements
                            ? "keep_existing_placements may keep the placement there (while its place stands), "
                                + "where no mode would place the child"
                            : "every mode moves the child (as-is keeps today's placement)"))
                continue
            }
            guard provider.offers[cohort.placementType] == nil else { continue }
            let offered = provider.offers.keys.sorted().map(\.rawValue).joined(separator: ", ")
            log.warning(
                table.file, line: line, column: table.column(of: "current_provider", line: line),
                field: "current_provider",
                "\(id) offers no \(cohort.placementType.rawValue) places (only \(offered)), so \(cohort.id)'s "
                    + "placement there is ignored: not kept, nor counted among today's placements")
        }
    }
}
