import PlacementScenarios

extension SimulationFlows {
    /// The flows a scenario gives itself in `flows.csv` and `place_changes.csv`.
    public init(_ tables: FlowTables) {
        var years: [Int: [FlowKey: FlowCounts]] = [:]
        for flow in tables.flows {
            let key = FlowKey(authority: flow.authority, placementType: flow.placementType)
            var counts = years[flow.year]?[key] ?? FlowCounts()
            counts.arrivals += flow.arrivals
            counts.leavers += flow.leavers
            counts.moves += flow.moves
            years[flow.year, default: [:]][key] = counts
        }
        self.init(
            years: years, placeChanges: Dictionary(grouping: tables.placeChanges, by: \.year),
            source: "the scenario's flows.csv and place_changes.csv")
    }
}
