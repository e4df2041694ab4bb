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
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ScenarioError(issues: [ScenarioIssue(.error, file: directory, message: "is not a scenario folder")])
        }
        guard let manifest = Manifest.read(path(Manifest.fileName), log: &log) else {
            throw ScenarioError(issues: log.issues)
        }
        let files = manifest.files
        let authorityTable = CSVTable.read(
            path(files.authorities), file: files.authorities,
            required: ["code", "name", "latitude", "longitude", "area_km2"], log: &log)
        let authorities = authorityTable.map { AuthorityReader.authorities($0, log: &log) } ?? []
        let known = Set(authorities.map(\.id.rawValue))

        var cooperatives: [Cooperative] = []
        if let name = files.cooperatives,
            let table = CSVTable.read(path(name), file: name, required: ["cooperative_id", "authority"], log: &log)
        {
            cooperatives = AuthorityReader.cooperatives(table, known: known, log: &log)
        }
        let providerTable = CSVTable.read(
            path(files.providers), file: files.providers,
            required: ["id", "sector", "authority", "placement_type", "places", "weekly_price"], log: &log)
        let providers = providerTable.map { ProviderReader.providers($0, known: known, log: &log) } ?? []
        let childTable = CSVTable.read(
            path(files.children), file: files.children, required: ["id", "home_authority", "placement_type"], log: &log)
        let cohorts =
            childTable.map {
                CohortReader.cohorts($0, known: known, providers: Set(providers.map(\.id.rawValue)), log: &log)
            } ?? []
        var distances: [AuthorityPair: Double] = [:]
        if let name = files.distances,
            let table = CSVTable.read(
                path(name), file: name, required: ["from_authority", "to_authority", "miles"], log: &log)
        {
            distances = SupplementReader.distances(table, known: known, log: &log)
        }
        var actuals: [PublishedActuals] = []
        if let name = files.actuals,
            let table = CSVTable.read(path(name), file: name, required: ["authority", "year"], log: &log)
        {
            actuals = SupplementReader.actuals(table, known: known, log: &log)
        }
        var candidates: [CapacityCandidate] = []
        let candidatesFile =
            files.candidates
            ?? (FileManager.default.fileExists(atPath: path(Manifest.defaultCandidatesFile))
                ? Manifest.defaultCandidatesFile : nil)
        if let name = candidatesFile,
            let table = CSVTable.read(
                path(name), file: name,
                required: ["id", "kind", "authority", "places", "capital_cost", "weekly_cost"], log: &log)
        {
            candidates = CandidateReader.candidates(table, known: known, log: &log)
        }
        let scenario = Scenario(
            name: manifest.name, description: manifest.description, authorities: authorities,
            cooperatives: cooperatives, cohorts: cohorts, providers: providers, distanceOverrides: distances,
            actuals: actuals, policy: manifest.policy, candidates: candidates)
        if let childTable { warnAboutUnmetNeeds(scenario, file: childTable.file, log: &log) }
        if log.hasErrors {
            throw ScenarioError(
                issues: log.issues.filter { $0.severity == .error } + log.issues.filter { $0.severity == .warning })
        }
        return LoadedScenario(scenario: scenario, warnings: log.issues)
    }

    /// Warns about children whose need no provider in the scenario offers at all (type, ages,
    /// requirements, Ofsted floor), wherever it is: they will be unplaced in every mode.
    private static func warnAboutUnmetNeeds(_ scenario: Scenario, file: String, log: inout IssueLog) {
        struct Need: Hashable {
            var type: PlacementType
            var ages: AgeBand
            var requirements: Set<Requirement>
        }
        // Each distinct need is checked against the providers once.
        var checked: Set<Need> = []
        for cohort in scenario.cohorts where cohort.placementType.isCommissioned {
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
                    file, field: "placement_type",
                    "no provider offers \(need.type.rawValue) for ages \(need.ages)\(requirements) (first needed by \(cohort.id)); such children stay unplaced"
                )
            }
        }
    }
}
