import PlacementCalibration
import PlacementScenarios

extension TodaysMarket {
    /// Today's market of `scenario` and the allocation it comes from: the as-is baseline calibrated on
    /// the latest year of `official`; nil unless DfE publishes every authority of the scenario there
    /// (a synthetic or hand-made scenario has no today's market).
    public static func calibrated(for scenario: Scenario, official: OfficialPlacementData) -> (
        market: TodaysMarket, allocation: AsIsAllocation
    )? {
        let known = Set(official.authorities.map(\.id))
        guard scenario.authorities.allSatisfy({ known.contains($0.id) }), let latest = official.years.last,
            let year = official.year(latest)
        else { return nil }
        let allocation = AsIsBaseline.calibrate(year).calibrated
        return (TodaysMarket(scenario, year: year, allocation: allocation), allocation)
    }
}
