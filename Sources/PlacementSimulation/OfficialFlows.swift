import PlacementCalibration
import PlacementScenarios

/// DfE's published flows (`OfficialFlowData`: children starting and ceasing to be looked after, and
/// placement changes, per authority and year) as a simulation's flows.
extension OfficialFlowData {
    /// Each later year's flows for a scenario, from the published flows of `year` carried forward:
    /// every authority's starts, leavers and placement changes per child looked after (England's
    /// rates where the authority's are suppressed), applied to the scenario's commissioned children
    /// and shared across placement types in proportion to them.
    public func scenarioFlows(
        _ scenario: Scenario, year: Int, lookedAfter: [AuthorityCode: Int], englandLookedAfter: Int,
        years: ClosedRange<Int>, assumptions: SimulationAssumptions
    ) -> SimulationFlows {
        let national = flows[year]?[OfficialTables.englandCode] ?? PublishedFlowCounts()
        func rate(_ count: Int?, _ total: Int?) -> Double? {
            guard let count, let total, total > 0 else { return nil }
            return Double(count) / Double(total)
        }
        let englandRates = (
            starts: rate(national.started, englandLookedAfter) ?? 0,
            ceased: rate(national.ceased, englandLookedAfter) ?? 0,
            changes: rate(national.placementChanges, englandLookedAfter) ?? 0
        )
        var perYear: [FlowKey: FlowCounts] = [:]
        for authority in scenario.authorities {
            let published = flows[year]?[authority.id] ?? PublishedFlowCounts()
            let total = lookedAfter[authority.id]
            let starts = rate(published.started, total) ?? englandRates.starts
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
                Apportion.split(Int((perChild * children).rounded()), weights: weights)
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
