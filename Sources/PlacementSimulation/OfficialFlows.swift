import PlacementCalibration
import PlacementScenarios

/// One authority's published flows for a year (children looked after, year to 31 March).
public struct PublishedFlows: Sendable, Equatable {
    public var starts: Int?
    public var ceased: Int?
    public var placementChanges: Int?
}

/// DfE's published flows per authority and year: children starting and ceasing to be looked after,
/// and placement changes.
public struct OfficialFlows: Sendable {
    public static let file = "dfe_cla_flows_by_la_2021_2025.csv"
    static let startsGroup = "Started during the year: age on starting"
    static let ceasedGroup = "Ceased during the year: age on ceasing"
    static let changesGroup = "Placement changes during the year: reason"
    static let changesTotal = "Total placements changing"

    public var byAuthority: [AuthorityCode: [Int: PublishedFlows]]
    public var england: [Int: PublishedFlows]

    /// Reads the flows file from `directory`, or throws every problem found (file, line, field).
    public static func read(from directory: String) throws(ScenarioError) -> OfficialFlows {
        var log = IssueLog()
        let table = OfficialTable.read(
            file, in: directory,
            required: ["year", "geographic_level", "la_code", "group", "characteristic", "number"],
            log: &log)
        var byAuthority: [AuthorityCode: [Int: PublishedFlows]] = [:]
        var england: [Int: PublishedFlows] = [:]
        for row in table?.rows ?? [] {
            let level = row.text("geographic_level")
            guard level == "Local authority" || level == "National" else { continue }
            let group = row.text("group")
            let characteristic = row.text("characteristic")
            let field: WritableKeyPath<PublishedFlows, Int?>
            switch (group, characteristic) {
            case (startsGroup, "Total"): field = \.starts
            case (ceasedGroup, "Total"): field = \.ceased
            case (changesGroup, changesTotal): field = \.placementChanges
            default: continue
            }
            guard let year = Int(row.text("year")) else {
                log.error(file, line: row.line, field: "year", "'\(row.text("year"))' is not a year")
                continue
            }
            // Suppressed counts ("c", "k", "z", "x") stay unknown.
            let number = Int(row.text("number")).flatMap { $0 >= 0 ? $0 : nil }
            if level == "National" {
                england[year, default: PublishedFlows()][keyPath: field] = number
            } else {
                byAuthority[AuthorityCode(rawValue: row.text("la_code")), default: [:]][
                    year, default: PublishedFlows()][
                        keyPath: field] = number
            }
        }
        if log.hasErrors { throw ScenarioError(issues: log.issues) }
        return OfficialFlows(byAuthority: byAuthority, england: england)
    }

    /// Each later year's flows for a scenario, from the published flows of `year` carried forward:
    /// every authority's starts, leavers and placement changes per child looked after (England's
    /// rates where the authority's are suppressed), applied to the scenario's commissioned children
    /// and shared across placement types in proportion to them.
    public func scenarioFlows(
        _ scenario: Scenario, year: Int, lookedAfter: [AuthorityCode: Int], englandLookedAfter: Int,
        years: ClosedRange<Int>, assumptions: SimulationAssumptions
    ) -> SimulationFlows {
        let national = england[year] ?? PublishedFlows()
        func rate(_ count: Int?, _ total: Int?) -> Double? {
            guard let count, let total, total > 0 else { return nil }
            return Double(count) / Double(total)
        }
        let englandRates = (
            starts: rate(national.starts, englandLookedAfter) ?? 0,
            ceased: rate(national.ceased, englandLookedAfter) ?? 0,
            changes: rate(national.placementChanges, englandLookedAfter) ?? 0
        )
        var perYear: [FlowKey: FlowCounts] = [:]
        for authority in scenario.authorities {
            let published = byAuthority[authority.id]?[year] ?? PublishedFlows()
            let total = lookedAfter[authority.id]
            let starts = rate(published.starts, total) ?? englandRates.starts
            let ceased = rate(published.ceased, total) ?? englandRates.ceased
            let changes = rate(published.placementChanges, total) ?? englandRates.changes
            let cohorts = scenario.cohorts.filter {
                $0.homeAuthority == authority.id && $0.placementType.isCommissioned
            }
            var byType: [PlacementType: Int] = [:]
            for cohort in cohorts { byType[cohort.placementType, default: 0] += cohort.count }
            let types = byType.keys.sorted { $0.rawValue < $1.rawValue }
            let weights = types.map { Double(byType[$0]!) }
            let children = Double(byType.values.reduce(0, +))
            func shares(_ perChild: Double) -> [Int] {
                proportionalShares(Int((perChild * children).rounded()), weights: weights)
            }
            // Children who start and leave within the year are in neither the stock nor the net
            // arrivals; the net change, starts − leavers, is the published one.
            let fromStock = assumptions.leaversFromStockShare.value
            let arrivals = shares(max(0, starts - ceased * (1 - fromStock)))
            let leavers = shares(ceased * fromStock)
            let moves = shares(changes * assumptions.movesFromStockShare.value)
            for (k, type) in types.enumerated() {
                perYear[FlowKey(authority: authority.id, placementType: type)] = FlowCounts(
                    arrivals: arrivals[k], leavers: leavers[k], moves: moves[k])
            }
        }
        var result: [Int: [FlowKey: FlowCounts]] = [:]
        for simulated in years { result[simulated] = perYear }
        return SimulationFlows(
            years: result,
            source: "DfE's \(year) starts, leavers and placement changes per child looked after, each authority's "
                + "(England's where suppressed), carried forward to every simulated year")
    }
}
