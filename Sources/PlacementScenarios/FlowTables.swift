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
        let flowsPath = (folder as NSString).appendingPathComponent(flowsFile)
        guard FileManager.default.fileExists(atPath: flowsPath) else { return nil }
        var log = IssueLog()
        let authorities = Set(scenario.authorities.map(\.id.rawValue))
        let providers = Dictionary(
            scenario.providers.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        var flows: [Flow] = []
        if let table = CSVTable.read(
            flowsPath, file: flowsFile,
            required: ["year", "authority", "placement_type", "arrivals", "leavers", "moves"], log: &log)
        {
            for row in table.rows {
                let year = row.requiredCount("year", log: &log, maximum: 2_100)
                let authority = row.required("authority", log: &log)
                if let authority, !authorities.contains(authority) {
                    row.error("authority", AuthorityReader.unknownAuthority(authority, known: authorities), log: &log)
                }
                let type = row.requiredChoice("placement_type", PlacementType.self, log: &log)
                let arrivals = row.requiredCount("arrivals", log: &log)
                let leavers = row.requiredCount("leavers", log: &log)
                let moves = row.requiredCount("moves", log: &log)
                guard let year, let authority, authorities.contains(authority), let type, let arrivals, let leavers,
                    let moves
                else { continue }
                flows.append(
                    Flow(
                        year: year, authority: AuthorityCode(rawValue: authority), placementType: type,
                        arrivals: arrivals, leavers: leavers, moves: moves))
            }
        }
        var changes: [PlaceChange] = []
        let changesPath = (folder as NSString).appendingPathComponent(placeChangesFile)
        if FileManager.default.fileExists(atPath: changesPath),
            let table = CSVTable.read(
                changesPath, file: placeChangesFile, required: ["year", "provider", "placement_type", "places"],
                log: &log)
        {
            for row in table.rows {
                let year = row.requiredCount("year", log: &log, maximum: 2_100)
                let provider = row.required("provider", log: &log)
                let type = row.requiredChoice("placement_type", PlacementType.self, log: &log)
                if let provider, providers[provider] == nil {
                    row.error("provider", "unknown provider '\(provider)'", log: &log)
                }
                if let provider, let type, let record = providers[provider], record.offers[type] == nil {
                    row.error("placement_type", "provider \(provider) offers no \(type.rawValue) places", log: &log)
                }
                let places = row.requiredNumber("places", log: &log, in: -100_000...100_000)
                if let places, places != places.rounded() {
                    row.error("places", "'\(row.text("places"))' is not a whole number", log: &log)
                }
                guard let year, let provider, let record = providers[provider], let type, record.offers[type] != nil,
                    let places, places == places.rounded()
                else { continue }
                changes.append(
                    PlaceChange(year: year, provider: record.id, placementType: type, places: Int(places)))
            }
        }
        if log.hasErrors { throw ScenarioError(issues: log.issues) }
        return FlowTables(flows: flows, placeChanges: changes)
    }
}
