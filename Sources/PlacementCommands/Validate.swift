import ArgumentParser
import PlacementScenarios

extension PlacementCommand {
    /// `placement validate SCENARIO`: every problem at once, or a one-screen summary.
    public struct Validate: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Check a scenario folder and summarise it.",
            discussion: """
                Prints every problem found, each with file, line and column, and exits 1; or, for a valid \
                scenario, a summary of children by authority and placement type and of places by sector.
                """)

        @Argument(help: "The scenario folder (with scenario.yaml).")
        var scenario: String

        public init() {}

        public func run() throws {
            try printToStandardOutput(ScenarioSummary(loadScenario(scenario)).text)
        }
    }
}
