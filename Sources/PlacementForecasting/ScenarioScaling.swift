import PlacementScenarios
import ScenarioGeneration

/// A scenario's children for a forecast year.
///
/// For each authority and forecast type, the scenario's cohorts of the types that type gathers
/// (foster: foster, kinship and parent-and-child; children's homes: children's and secure homes;
/// the others one to one) are scaled by the forecast's growth from the last published year,
/// `forecast(year) / count(last year)` (the count estimated where suppressed), and the new whole
/// number is shared over those cohorts in proportion to their counts (largest remainder), so the
/// scenario's own splits (kinship, secure, ages, needs, current providers) are kept. Authorities
/// the forecast does not cover keep their children.
public enum ScenarioScaling {
    public static func scale(
        _ scenario: Scenario, forecast: DemandForecast, history: ForecastHistory, year: Int
    ) -> (scenario: Scenario, warnings: [String]) {
        var scaled = scenario
        var warnings: [String] = []
        let growth = DemandGrowth(forecast: forecast, history: history)
        var groups: [String: [PlacementType: [Int]]] = [:]
        for (index, cohort) in scenario.cohorts.enumerated() {
            groups[cohort.homeAuthority.rawValue, default: [:]][
                ForecastCategories.forecastType(of: cohort.placementType),
                default: []
            ].append(index)
        }
        for (authority, byType) in groups.sorted(by: { $0.key < $1.key }) {
            guard forecast.years.contains(year), growth.covers(authority) else {
                warnings.append("\(authority): not in the forecast; its children are kept as they are")
                continue
            }
            for (type, cohorts) in byType.sorted(by: { $0.key < $1.key }) {
                guard let factor = growth.factor(authority, type, in: year) else { continue }
                let current = cohorts.reduce(0) { $0 + scenario.cohorts[$1].count }
                let wanted = (Double(current) * factor).rounded()
                guard wanted.isFinite, wanted >= 0, wanted < 10_000_000 else { continue }
                let parts = Apportion.split(Int(wanted), weights: cohorts.map { Double(scenario.cohorts[$0].count) })
                for (index, part) in zip(cohorts, parts) { scaled.cohorts[index].count = part }
            }
        }
        scaled.cohorts.removeAll { $0.count == 0 }
        scaled.name = "\(scenario.name)-\(year)"
        scaled.description = "\(scenario.description) Children scaled to the demand forecast for \(year)."
        return (scaled, warnings)
    }
}
