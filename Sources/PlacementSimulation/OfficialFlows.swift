import PlacementCalibration
import PlacementScenarios

/// DfE's published flows (`OfficialFlowData`: children starting and ceasing to be looked after, and
/// placement changes, per authority and year) as a simulation's flows.
extension OfficialFlowData {
    /// Each later year's flows for a scenario from the published flows of `year`: every authority's
    /// leavers and placement changes per child looked after (England's rates where the authority's
    /// are suppressed), applied to the scenario's commissioned children of each placement type.
    ///
    /// With a demand `path`, each year's arrivals are those that take the authority's children of a
    /// type to the path's expected count (leavers replaced, plus the forecast change), so the
    /// simulated stock follows the demand forecast. Without one, `year`'s starts are carried forward
    /// as they are: a single year's net change (Wigan −80 in 2025, Milton Keynes +98) repeated every
    /// year, which is what a scenario without a forecast has to go on.
    public func scenarioFlows(
        _ scenario: Scenario, year: Int, lookedAfter: [AuthorityCode: Int], englandLookedAfter: Int,
        years: ClosedRange<Int>, assumptions: SimulationAssumptions, path: DemandPath? = nil
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
        var result: [Int: [FlowKey: FlowCounts]] = [:]
        for authority in scenario.authorities {
            let published = flows[year]?[authority.id] ?? PublishedFlowCounts()
            let total = lookedAfter[authority.id]
            let starts = rate(published.started, total) ?? englandRates.starts
            let ceased = rate(published.ceased, total) ?? englandRates.ceased
            let changes = rate(published.placementChanges, total) ?? englandRates.changes
            var byType: [PlacementType: Int] = [:]
            for cohort in scenario.cohorts
            where cohort.homeAuthority == authority.id && cohort.placementType.isCommissioned {
                byType[cohort.placementType, default: 0] += cohort.count
            }
            let types = byType.keys.sorted { $0.rawValue < $1.rawValue }
            let fromStock = assumptions.leaversFromStockShare.value
            // The children of each type at the start of a simulated year: what the flows leave, which is
            // the path's count unless more leave than it lets arrive.
            var before = types.map { byType[$0]! }
            for simulated in years {
                let expected = path.map { path in
                    types.map { type in Self.expected(byType[type]!, growth: path.growth(authority.id, type, simulated))
                    }
                }
                let weights = before.map(Double.init)
                let children = Double(before.reduce(0, +))
                func shares(_ perChild: Double) -> [Int] {
                    Apportion.split(Int((perChild * children).rounded()), weights: weights)
                }
                let leavers = shares(ceased * fromStock)
                let moves = shares(changes * assumptions.movesFromStockShare.value)
                // Children who start and leave within the year are in neither the stock nor the net
                // arrivals; without a path the net change, starts − leavers, is the published one.
                let arrivals =
                    expected.map { expected in types.indices.map { max(0, expected[$0] - before[$0] + leavers[$0]) } }
                    ?? shares(max(0, starts - ceased * (1 - fromStock)))
                for (k, type) in types.enumerated() {
                    result[simulated, default: [:]][FlowKey(authority: authority.id, placementType: type)] =
                        FlowCounts(arrivals: arrivals[k], leavers: leavers[k], moves: moves[k])
                }
                // The stock identity (start + arrivals − leavers = end); no stock below none.
                if path != nil { before = types.indices.map { max(0, before[$0] + arrivals[$0] - leavers[$0]) } }
            }
        }
        for simulated in years where result[simulated] == nil { result[simulated] = [:] }
        let rates =
            "DfE's \(year) leavers and placement changes per child looked after, each authority's (England's "
            + "where suppressed)"
        return SimulationFlows(
            years: result,
            source: path.map { "\($0.source); \(rates); arrivals make up each year's leavers and forecast change" }
                ?? "DfE's \(year) starts, leavers and placement changes per child looked after, each authority's "
                + "(England's where suppressed), carried forward to every simulated year")
    }

    /// The children a path expects of `start`: the start's own where it has no factor, or where the
    /// factor would take them past any real count (a suppressed base estimated near zero).
    static func expected(_ start: Int, growth: Double?) -> Int {
        guard let growth, growth.isFinite, growth >= 0 else { return start }
        let expected = (Double(start) * growth).rounded()
        return expected < 10_000_000 ? Int(expected) : start
    }
}
