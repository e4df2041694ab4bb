import Foundation

/// A scenario read from its folder, with the warnings found on the way.
public struct LoadedScenario: Sendable {
    public var scenario: Scenario
    public var warnings: [ScenarioIssue]
}

/// Reads and validates a scenario folder: `scenario.yaml` plus its CSV tables.
public enum ScenarioLoader {
    /// Loads the scenario in `directory`, or throws a ``ScenarioError`` listing every problem found.
    public static func load(from directory: String) throws(ScenarioError) -> LoadedScenario {
        var log = IssueLog()
        guard let folder = ScenarioFolder(directory) else {
            throw ScenarioFolder.notAFolder(directory)
        }
        guard var manifest = Manifest.read(from: folder, log: &log) else {
            throw ScenarioError(issues: log.issues)
        }
        // An optional table the manifest does not name is read from its default name when present.
        for (key, path) in Manifest.Files.optionalDefaults where manifest.files[keyPath: path] == nil {
            let name = "\(key).csv"
            if folder.contains(name) { manifest.files[keyPath: path] = Manifest.TableReference(name: name, key: key) }
        }
        let files = manifest.files
        func table(_ reference: Manifest.TableReference?, required: [String], optional: [String] = []) -> CSVTable? {
            reference.flatMap { folder.table($0, required: required, optional: optional, log: &log) }
        }
        let authorityTable = table(
            files.authorities, required: ["code", "name", "latitude", "longitude", "area_km2"],
            optional: ["region", "children_0_17"])
        let authorities = authorityTable.map { AuthorityReader.authorities($0, log: &log) } ?? []
        // Every code the file lists counts as known, even on a row with another fault, so that one
        // bad field is reported once and not again as an unknown authority wherever it is used.
        let known =
            authorityTable.map { KnownCodes(read: authorities.map(\.id.rawValue), listedIn: $0, column: "code") }
            ?? unchecked(files.authorities.name, "authority codes in the other tables are", log: &log)
        let byCode = Dictionary(authorities.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        let cooperatives =
            table(files.cooperatives, required: ["cooperative_id", "authority"], optional: ["cooperative_name"]).map {
                AuthorityReader.cooperatives($0, known: known, log: &log)
            } ?? []
        let providerTable = table(
            files.providers, required: ["id", "sector", "authority", "placement_type", "places", "weekly_price"],
            optional: [
                "name", "owner", "operating_authority", "latitude", "longitude", "ofsted_rating", "specialisms",
                "min_age", "max_age",
            ])
        let providers =
            providerTable.map { ProviderReader.providers($0, known: known, authorities: byCode, log: &log) } ?? []
        // As for authorities: a provider whose row has a bad price is still a provider children name.
        let providerIDs =
            providerTable.map { KnownCodes(read: providers.map(\.id.rawValue), listedIn: $0, column: "id") }
            ?? unchecked(
                files.providers.name,
                "provider ids in the other tables, and whether a provider meets each child's need, are",
                log: &log)
        // A provider row with an error is left out, so what the providers offer is judged only from a
        // file without one: otherwise a child would be warned of a need that the faulty row meets.
        let offersRead =
            providerTable != nil && !log.issues.contains { $0.severity == .error && $0.file == files.providers.name }
        let childTable = table(
            files.children, required: ["id", "home_authority", "placement_type"],
            optional: [
                "age_band", "count", "requirements", "sibling_group", "current_provider", "home_latitude",
                "home_longitude", "avoid_authorities",
            ])
        let (cohorts, cohortLines) =
            childTable.map {
                CohortReader.cohorts($0, known: known, providers: providerIDs, authorities: byCode, log: &log)
            } ?? ([], [])
        let distances =
            table(files.distances, required: ["from_authority", "to_authority", "miles"]).map {
                SupplementReader.distances($0, known: known, log: &log)
            } ?? [:]
        let actuals =
            table(
                files.actuals, required: ["authority", "year"],
                optional: [
                    "children_looked_after", "own_provision_share", "inside_boundary_share", "over_20_miles_share",
                    "children_with_known_distance",
                ]
            ).map {
                SupplementReader.actuals($0, known: known, log: &log)
            } ?? []
        let candidates =
            table(
                files.candidates, required: ["id", "kind", "authority", "places", "capital_cost", "weekly_cost"],
                optional: [
                    "placement_type", "units", "years_to_open", "life_years", "term_years", "specialisms", "min_age",
                    "max_age",
                ]
            ).map {
                CandidateReader.candidates($0, known: known, log: &log)
            } ?? []
        // The simulation's own flows, checked here so that every command, `validate` first, refuses
        // what `simulate` would; a place change's type is judged only from providers all read.
        _ = FlowTables.read(
            from: folder, authorities: known, providers: providerIDs,
            offers: offersRead
                ? Dictionary(providers.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first }) : nil,
            cohorts: childTable == nil ? nil : cohorts, log: &log)
        let scenario = Scenario(
            name: manifest.name, description: manifest.description, authorities: authorities,
            cooperatives: cooperatives, cohorts: cohorts, providers: providers, distanceOverrides: distances,
            actuals: actuals, policy: manifest.policy, candidates: candidates)
        if let childTable, offersRead {
            warnAboutUnmetNeeds(scenario, lines: cohortLines, table: childTable, log: &log)
            CurrentProviderCheck.warn(scenario, lines: cohortLines, table: childTable, log: &log)
        }
        if log.hasErrors {
            throw ScenarioError(
                issues: log.issues.filter { $0.severity == .error } + log.issues.filter { $0.severity == .warning })
        }
        return LoadedScenario(scenario: scenario, warnings: log.issues)
    }

    /// Nothing to check references against, as `file` did not load: said once, at that file, rather
    /// than as an unknown reference at every row that names one.
    private static func unchecked(_ file: String, _ what: String, log: inout IssueLog) -> KnownCodes {
        log.warning(file, "\(what) not checked until this file loads")
        return .unchecked
    }

    /// Warns about children whose need no provider in the scenario meets (type, ages, requirements,
    /// Ofsted floor, distance limit) and whose current provider does not: they will be unplaced in
    /// every mode. The warning says which
    /// condition leaves no provider, and points at the first child with that need (`lines` are the
    /// cohorts' lines in `table`).
    private static func warnAboutUnmetNeeds(_ scenario: Scenario, lines: [Int], table: CSVTable, log: inout IssueLog) {
        // A region's market beyond its boundary is built from DfE's figures when a command solves
        // today's market, not read from the scenario's files: it may hold the places the files lack.
        let regionalNote =
            " among the scenario's providers (in today's market, where DfE's figures cover the scenario, a region's "
            + "places beyond its boundary may take them)"
        struct Need: Hashable {
            var type: PlacementType
            var ages: AgeBand
            var requirements: Set<Requirement>
        }
        struct Reach: Hashable {
            var need: Need
            var home: AuthorityCode
        }
        let policy = scenario.policy
        var checked: [Need: [Provider]] = [:]
        var reached: Set<Reach> = []
        var distances: DistanceTable?
        let providers = Dictionary(scenario.providers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (cohort, line) in zip(scenario.cohorts, lines) where cohort.placementType.isCommissioned {
            let need = Need(type: cohort.placementType, ages: cohort.ageBand, requirements: cohort.requirements)
            // A child's current provider stays open to them beyond the floor and the distance limit.
            if let current = cohort.currentProvider.flatMap({ providers[$0] }),
                (current.offers[need.type]?.places ?? 0) > 0, current.ageRange.contains(need.ages),
                need.requirements.isSubset(of: current.specialisms)
            {
                continue
            }
            func warn(_ message: String) {
                log.warning(
                    table.file, line: line, column: table.column(of: "placement_type", line: line),
                    field: "placement_type",
                    message + " (first needed by \(cohort.id)); such children stay unplaced"
                        // Places beyond a boundary list no specialism: they take only children with none.
                        + (need.requirements.isEmpty ? regionalNote : ""))
            }
            let requirements =
                need.requirements.isEmpty
                ? "" : " with \(need.requirements.sorted().map(\.rawValue).joined(separator: ", "))"
            let wanted = "\(need.type.rawValue) for ages \(need.ages)\(requirements)"
            // Each distinct need is checked against the providers once, each condition in turn.
            if checked[need] == nil {
                let offering = scenario.providers.filter { ($0.offers[need.type]?.places ?? 0) > 0 }
                let ofAge = offering.filter { $0.ageRange.contains(need.ages) }
                let equipped = ofAge.filter { need.requirements.isSubset(of: $0.specialisms) }
                let rated = equipped.filter { $0.rating.meets(policy.minimumRating) }
                checked[need] = rated
                if offering.isEmpty {
                    warn("no provider offers \(wanted)")
                } else if ofAge.isEmpty {
                    warn(
                        "no provider offers \(wanted): \(offering.count) offer \(need.type.rawValue), none for these ages"
                    )
                } else if equipped.isEmpty {
                    warn(
                        "no provider offers \(wanted): \(ofAge.count) offer \(need.type.rawValue) for these ages, "
                            + "none with the specialisms")
                } else if rated.isEmpty {
                    let ratings = Set(equipped.map(\.rating.rawValue)).sorted().joined(separator: ", ")
                    warn(
                        "no provider admitted offers \(wanted): the \(equipped.count) that offer it are rated \(ratings), "
                            + "below the Ofsted floor (minimum_ofsted_rating: \(policy.minimumRating.rawValue))")
                }
            }
            // Distances need every authority read: with errors, the scenario is refused anyway.
            guard !log.hasErrors, let rated = checked[need], !rated.isEmpty,
                let limit = policy.maximumDistance(for: need.type),
                reached.insert(Reach(need: need, home: cohort.homeAuthority)).inserted
            else { continue }
            if distances == nil { distances = DistanceTable(scenario) }
            let miles = rated.lazy.map {
                distances!.miles(from: cohort.homeAuthority, at: cohort.homeLocation, to: $0)
            }
            if !miles.contains(where: { $0 <= limit }), let nearest = miles.min(), nearest.isFinite {
                warn(
                    "no provider admitted offers \(wanted) within \(DecimalNumber.format(limit)) miles of "
                        + "\(cohort.homeAuthority) (maximum_distance_miles); the nearest is \(String(format: "%.0f", nearest)) miles away"
                )
            }
        }
    }
}
