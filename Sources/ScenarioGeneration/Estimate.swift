import PlacementScenarios

/// A figure the scenario needed but the official data did not give directly: a suppressed cell, or
/// a quantity derived by a stated method. Written to `estimates.csv` beside the scenario.
struct Estimate: Sendable {
    var authority: String
    var figure: String
    var value: Double
    var method: String

    static func table(_ estimates: [Estimate]) -> String {
        var csv = CSVWriter(header: ["authority", "figure", "value", "method"])
        for estimate in estimates {
            csv.append([estimate.authority, estimate.figure, ScenarioWriter.number(estimate.value), estimate.method])
        }
        return csv.text
    }
}
