import Foundation

/// A scenario's own flows for a simulation, read from optional tables beside its other files:
///
/// - `flows.csv`: `year`, `authority`, `placement_type`, `arrivals`, `leavers`, `moves` (children
///   arriving, leaving care, and whose placement ends while they stay looked after);
/// - `place_changes.csv`: `year`, `provider`, `placement_type`, `places` (places opening, or closing
///   when negative, at the start of the year).
public struct FlowTables: Sendable, Equatable {
    public struct Flow: Sendable, Equatable {
        public var year: Int
        public var authority: AuthorityCode
        public var placementType: PlacementType
        public var arrivals: Int
        public var leavers: Int
        public var moves: Int
    }

    /// Places of one provider and type opening (positive) or closing (negative) at the start of a year.
    public struct PlaceChange: Sendable, Equatable {
        public var year: Int
        public var provider: ProviderID
        public var placementType: PlacementType
        public var places: Int

        public init(year: Int, provider: ProviderID, placementType: PlacementType, places: Int) {
            self.year = year
            self.provider = provider
            self.placementType = placementType
            self.places = places
        }
    }

    public static let flowsFile = "flows.csv"
    public static let placeChangesFile = "place_changes.csv"

    public var flows: [Flow]
    public var placeChanges: [PlaceChange]

    /// The tables in `folder`, nil when it has no `flows.csv`; every problem with file, line and field.
    public static func read(folder: String, scenario: Scenario) throws(ScenarioError) -> FlowTables? {
        guard let directory = ScenarioFolder(folder) else {
            throw ScenarioFolder.notAFolder(folder)
        }
        var log = IssueLog()
        let tables = read(
            from: directory, authorities: KnownCodes(Set(scenario.authorities.map(\.id.rawValue))),
            providers: KnownCodes(Set(scenario.providers.map(\.id.rawValue))),
            offers: Dictionary(
                scenario.providers.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first }),
            log: &log)
        if log.hasErrors { throw ScenarioError(issues: log.issues) }
        return tables
    }

    /// The tables in `folder`, nil when it has no `flows.csv`, with every problem logged: what the
    /// loader checks for `validate` and what `simulate` reads, in one place. `offers`: the providers,
    /// by id, whose offered types a place change must name; nil when they are not all known.
    /// `cohorts`: the scenario's cohorts, to warn of arrivals no cohort can take (nil: not checked).
    static func read(
        from folder: ScenarioFolder, authorities: KnownCodes, providers: KnownCodes, offers: [String: Provider]?,
        cohorts: [Cohort]? = nil, log: inout IssueLog
    ) -> FlowTables? {
        guard folder.contains(flowsFile) else {
            if folder.contains(placeChangesFile) {
                log.warning(
                    placeChangesFile,
                    "is not read without \(flowsFile): a simulation then takes its flows and place changes from "
                        + "the published data")
            }
            return nil
        }
        var tables = FlowTables(flows: [], placeChanges: [])
        if let table = folder.table(
            Manifest.TableReference(name: flowsFile, key: "flows"),
            required: ["year", "authority", "placement_type", "arrivals", "leavers", "moves"], log: &log)
        {
            let kinds = cohorts.map {
                Set($0.map { CohortKind(authority: $0.homeAuthority.rawValue, type: $0.placementType) })
            }
            tables.flows = flows(table, authorities: authorities, cohortKinds: kinds, log: &log)
        }
        if folder.contains(placeChangesFile),
            let table = folder.table(
                Manifest.TableReference(name: placeChangesFile, key: "place_changes"),
                required: ["year", "provider", "placement_type", "places"], log: &log)
        {
            tables.placeChanges = placeChanges(table, providers: providers, offers: offers, log: &log)
        }
        return tables
    }

    /// One key's first line, so that a row given twice (which a simulation would add to the first) is
    /// an error naming both lines.
    private struct FirstLines<Key: Hashable> {
        private var lines: [Key: Int] = [:]

        /// Whether `row` is the first with `key`; if not, the error is logged at `field`, with `values`
        /// (the key as written) and `columns` (what the key is made of).
        mutating func isFirst(
            _ key: Key, _ row: CSVTable.Row, field: String, values: String, columns: String, log: inout IssueLog
        ) -> Bool {
            if let first = lines[key] {
                row.error(
                    field, "duplicate row for \(values) (first on line \(first)); one row per \(columns)", log: &log)
                return false
            }
            lines[key] = row.line
            return true
        }
    }

    /// A home authority and placement type: what a flow row's children join.
    private struct CohortKind: Hashable {
        var authority: String
        var type: PlacementType
    }

    private static func flows(
        _ table: CSVTable, authorities: KnownCodes, cohortKinds: Set<CohortKind>?, log: inout IssueLog
    ) -> [Flow] {
        struct Key: Hashable {
            var year: Int
            var authority: String
            var type: PlacementType
        }
        var flows: [Flow] = []
        var seen = FirstLines<Key>()
        // Arrivals over every year, so that a simulation's stock stays within the children one
        // scenario may hold (a million a row had taken it past 100 million, its objective past 2^53).
        var arrivalsSoFar = 0
        var pastTheLimit = false
        for row in table.rows {
            let year = row.requiredYear(log: &log)
            let authority = row.required("authority", log: &log)
            if let authority, authorities.lacks(authority) {
                row.error(
                    "authority", AuthorityReader.unknownAuthority(authority, known: authorities.listed), log: &log)
            }
            let type = row.requiredChoice("placement_type", PlacementType.self, log: &log)
            let arrivals = row.requiredCount("arrivals", log: &log)
            arrivalsSoFar += arrivals ?? 0
            if arrivalsSoFar > ScenarioLimits.children, !pastTheLimit {
                pastTheLimit = true
                row.error(
                    "arrivals",
                    "the file's arrivals add up to \(NumberText.grouped(arrivalsSoFar)) children by this row, "
                        + "past the \(NumberText.grouped(ScenarioLimits.children)) one scenario may hold",
                    log: &log)
            }
            let leavers = row.requiredCount("leavers", log: &log)
            let moves = row.requiredCount("moves", log: &log)
            guard let year, let authority, let type,
                seen.isFirst(
                    Key(year: year, authority: authority, type: type), row, field: "year",
                    values: "\(year), \(authority), \(type.rawValue)", columns: "year, authority and placement type",
                    log: &log),
                !authorities.lacks(authority), let arrivals, let leavers, let moves
            else { continue }
            // A simulation's arrivals join a cohort of their authority and type (it carries their ages
            // and needs); without one they had been left out while the year's ledger still balanced.
            if arrivals > 0, let cohortKinds, !cohortKinds.contains(CohortKind(authority: authority, type: type)) {
                row.warning(
                    "arrivals",
                    "\(authority) has no \(type.rawValue) children in the scenario's children, so a simulation "
                        + "has no cohort for these \(NumberText.grouped(arrivals)) arrivals to join: they are left out "
                        + "(add such children to the scenario's children table to simulate them)",
                    log: &log)
            }
            flows.append(
                Flow(
                    year: year, authority: AuthorityCode(rawValue: authority), placementType: type,
                    arrivals: arrivals, leavers: leavers, moves: moves))
        }
        return flows
    }

    private static func placeChanges(
        _ table: CSVTable, providers: KnownCodes, offers: [String: Provider]?, log: inout IssueLog
    ) -> [PlaceChange] {
        struct Key: Hashable {
            var year: Int
            var provider: String
            var type: PlacementType
        }
        var changes: [PlaceChange] = []
        var seen = FirstLines<Key>()
        for row in table.rows {
            let year = row.requiredYear(log: &log)
            let provider = row.required("provider", log: &log)
            let type = row.requiredChoice("placement_type", PlacementType.self, log: &log)
            if let provider, providers.lacks(provider) {
                var message = "unknown provider '\(provider)'"
                if let suggestion = nearest(to: provider, in: providers.listed.sorted()) {
                    message += " (did you mean '\(suggestion)'?)"
                }
                row.error("provider", message, log: &log)
            }
            var unoffered = false
            if let provider, let type, let record = offers?[provider], record.offers[type] == nil {
                row.error("placement_type", "provider \(provider) offers no \(type.rawValue) places", log: &log)
                unoffered = true
            }
            let places = row.requiredNumber("places", log: &log, in: -100_000...100_000)
            if let places, places != places.rounded() {
                row.error("places", "'\(row.text("places"))' is not a whole number", log: &log)
            }
            guard let year, let provider, let type,
                seen.isFirst(
                    Key(year: year, provider: provider, type: type), row, field: "year",
                    values: "\(year), \(provider), \(type.rawValue)", columns: "year, provider and placement type",
                    log: &log),
                !providers.lacks(provider), !unoffered, let places, places == places.rounded()
            else { continue }
            changes.append(
                PlaceChange(
                    year: year, provider: ProviderID(rawValue: provider), placementType: type, places: Int(places)))
        }
        return changes
    }
}
