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
            throw ScenarioError(issues: [ScenarioIssue(.error, file: directory, message: "is not a scenario folder")])
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
        func table(_ reference: Manifest.TableReference?, required: [String]) -> CSVTable? {
            guard let reference else { return nil }
            switch folder.read(reference.name) {
            case .success(let data):
                return CSVTable.parse(data, file: reference.name, required: required, log: &log)
            case .failure(let problem) where problem.kind == .name && reference.line != nil:
                log.error(
                    Manifest.fileName, line: reference.line, column: reference.column, field: "files.\(reference.key)",
                    "'\(reference.name)' \(problem.message)")
            case .failure(let problem):
                log.error(reference.name.isEmpty ? "files.\(reference.key)" : reference.name, problem.message)
            }
            return nil
        }
        let authorityTable = table(files.authorities, required: ["code", "name", "latitude", "longitude", "area_km2"])
        let authorities = authorityTable.map { AuthorityReader.authorities($0, log: &log) } ?? []
        let known = Set(authorities.map(\.id.rawValue))
        let cooperatives =
            table(files.cooperatives, required: ["cooperative_id", "authority"]).map {
                AuthorityReader.cooperatives($0, known: known, log: &log)
            } ?? []
        let providerTable = table(
            files.providers, required: ["id", "sector", "authority", "placement_type", "places", "weekly_price"])
        let providers = providerTable.map { ProviderReader.providers($0, known: known, log: &log) } ?? []
        let childTable = table(files.children, required: ["id", "home_authority", "placement_type"])
        let (cohorts, cohortLines) =
            childTable.map {
                CohortReader.cohorts($0, known: known, providers: Set(providers.map(\.id.rawValue)), log: &log)
            } ?? ([], [])
        let distances =
            table(files.distances, required: ["from_authority", "to_authority", "miles"]).map {
                SupplementReader.distances($0, known: known, log: &log)
            } ?? [:]
        let actuals =
            table(files.actuals, required: ["authority", "year"]).map {
                SupplementReader.actuals($0, known: known, log: &log)
            } ?? []
        let candidates =
            table(files.candidates, required: ["id", "kind", "authority", "places", "capital_cost", "weekly_cost"]).map
        {
            CandidateReader.candidates($0, known: known, log: &log)
        } ?? []
        let scenario = Scenario(
            name: manifest.name, description: manifest.description, authorities: authorities,
            cooperatives: cooperatives, cohorts: cohorts, providers: providers, distanceOverrides: distances,
            actuals: actuals, policy: manifest.policy, candidates: candidates)
        if let childTable {
            warnAboutUnmetNeeds(scenario, lines: cohortLines, table: childTable, log: &log)
        }
        if log.hasErrors {
            throw ScenarioError(
                issues: log.issues.filter { $0.severity == .error } + log.issues.filter { $0.severity == .warning })
        }
        return LoadedScenario(scenario: scenario, warnings: log.issues)
    }

    /// Warns about children whose need no provider in the scenario offers at all (type, ages,
    /// requirements, Ofsted floor), wherever it is: they will be unplaced in every mode. The warning
    /// points at the first child with that need (`lines` are the cohorts' lines in `table`).
    private static func warnAboutUnmetNeeds(_ scenario: Scenario, lines: [Int], table: CSVTable, log: inout IssueLog) {
        struct Need: Hashable {
            var type: PlacementType
            var ages: AgeBand
            var requirements: Set<Requirement>
        }
        // Each distinct need is checked against the providers once.
        var checked: Set<Need> = []
        for (cohort, line) in zip(scenario.cohorts, lines) where cohort.placementType.isCommissioned {
            let need = Need(type: cohort.placementType, ages: cohort.ageBand, requirements: cohort.requirements)
            guard checked.insert(need).inserted else { continue }
            let offered = scenario.providers.contains { provider in
                (provider.offers[need.type]?.places ?? 0) > 0 && provider.ageRange.contains(need.ages)
                    && need.requirements.isSubset(of: provider.specialisms)
                    && provider.rating.meets(scenario.policy.minimumRating)
            }
            if !offered {
                let requirements =
                    need.requirements.isEmpty
                    ? "" : " with \(need.requirements.sorted().map(\.rawValue).joined(separator: ", "))"
                log.warning(
                    table.file, line: line, column: table.column(of: "placement_type", line: line),
                    field: "placement_type",
                    "no provider offers \(need.type.rawValue) for ages \(need.ages)\(requirements) (first needed by \(cohort.id)); such children stay unplaced"
                )
            }
        }
    }
}
