import ArgumentParser
import PlacementOptimisation
import PlacementScenarios

/// Loads the scenario named on the command line and prints its warnings, or prints every problem
/// and exits 1.
func loadScenario(_ path: String) throws -> Scenario {
    do {
        let loaded = try Progress.shared.run("loading \(path)") { () throws(ScenarioError) in
            try ScenarioLoader.load(from: path)
        }
        for warning in loaded.warnings { printToStandardError(warning.description) }
        return loaded.scenario
    } catch {
        printToStandardError(error.description)
        printToStandardError("\(path): \(error.errors.count) error(s); the scenario is not valid.")
        throw invalidInputExitCode
    }
}

extension CommissioningMode: ExpressibleByArgument {}

/// How results are printed.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case markdown
    case json
    case csv
}
