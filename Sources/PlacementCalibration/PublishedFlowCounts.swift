import PlacementScenarios

/// One authority's (or England's) published flows during a year ending 31 March: children who
/// started and ceased to be looked after, and placements that changed. `nil` where DfE suppresses
/// the figure. Only these counts enter a replayed year: the new placements' location and distance
/// are never read.
public struct PublishedFlowCounts: Sendable, Equatable {
    /// Children who started to be looked after during the year.
    public var started: Int?
    /// Children who ceased to be looked after during the year.
    public var ceased: Int?
    /// Of those, children who ceased because they were adopted (they leave from a placement for adoption).
    public var adopted: Int?
    /// Placements that ended during the year because the child moved (`Total placements changing`).
    public var placementChanges: Int?

    public init(started: Int? = nil, ceased: Int? = nil, adopted: Int? = nil, placementChanges: Int? = nil) {
        self.started = started
        self.ceased = ceased
        self.adopted = adopted
        self.placementChanges = placementChanges
    }

    /// Placements that ended during the year: each child ceasing ends one, each change ends one.
    public var endings: Int? {
        guard let ceased, let placementChanges else { return nil }
        return ceased + placementChanges
    }
}

/// DfE's flows per authority and year (`dfe_cla_flows_by_la_2021_2025.csv`, see `Fixtures/data/README.md`).
public struct OfficialFlowData: Sendable {
    /// Per year, per authority code (and `OfficialTables.englandCode`).
    public var flows: [Int: [AuthorityCode: PublishedFlowCounts]]

    public init(flows: [Int: [AuthorityCode: PublishedFlowCounts]]) { self.flows = flows }

    /// The years with published flows (at least one authority's flow not suppressed).
    public var years: [Int] { flows.keys.sorted() }

    /// Reads the flows file from `directory`, or throws every problem found (file, line, field).
    public static func read(from directory: String) throws(ScenarioError) -> OfficialFlowData {
        var log = IssueLog()
        let table = OfficialTable.read(
            OfficialTables.flowsFile, in: directory,
            required: ["year", "geographic_level", "la_code", "group", "characteristic", "number"],
            log: &log)
        var flows: [Int: [AuthorityCode: PublishedFlowCounts]] = [:]
        var coverage = OfficialTable.YearCoverage()
        var repeated = OfficialTable.RepeatedCells()
        for row in table?.rows ?? [] {
            let level = row.text("geographic_level")
            guard level == "Local authority" || level == "National" else { continue }
            guard let field = Self.field(group: row.text("group"), characteristic: row.text("characteristic")) else {
                continue
            }
            guard let (year, number) = row.publishedCount(log: &log) else { continue }
            coverage.count(row, year: year, number: number)
            repeated.note(row, year: year, log: &log)
            let code =
                level == "National" ? OfficialTables.englandCode : AuthorityCode(rawValue: row.text("la_code"))
            var entry = flows[year]?[code] ?? PublishedFlowCounts()
            entry[keyPath: field] = number.count
            flows[year, default: [:]][code] = entry
        }
        coverage.check(log: &log)
        if log.hasErrors { throw ScenarioError(issues: log.issues) }
        // A year whose every authority's flow is suppressed moves nobody: it reads as not published.
        let published = Set(coverage.publishedYears)
        return OfficialFlowData(flows: flows.filter { published.contains($0.key) })
    }

    private static func field(group: String, characteristic: String) -> WritableKeyPath<PublishedFlowCounts, Int?>? {
        switch (group, characteristic) {
        case ("Started during the year: age on starting", "Total"): \.started
        case ("Ceased during the year: reason", "Total"): \.ceased
        case ("Ceased during the year: reason", "Adopted"): \.adopted
        case ("Placement changes during the year: reason", "Total placements changing"): \.placementChanges
        default: nil
        }
    }
}
