import ArgumentParser
import PlacementScenarios

/// Loads the scenario named on the command line and prints its warnings, or prints every problem
/// and exits 1. `solving`: whether the command solves the scenario. The warnings are about solving it
/// (children no provider can take, locations that put distances in doubt), so a command that reads only
/// its authorities and co-operatives (`forecast`, `baseline`, the simulation backtest) keeps them to
/// itself; `validate` and the commands that solve print them.
func loadScenario(_ path: String, solving: Bool = true) throws -> Scenario {
    do {
        let loaded = try Progress.shared.run("loading \(path)") { () throws(ScenarioError) in
            try ScenarioLoader.load(from: path)
        }
        if solving {
            for warning in loaded.warnings { printToStandardError(warning.description) }
        }
        return loaded.scenario
    } catch {
        printToStandardError(error.description)
        printToStandardError("\(path): \(error.errorCount); the scenario is not valid.")
        throw invalidInputExitCode
    }
}
