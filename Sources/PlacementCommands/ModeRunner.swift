import Foundation
import LinearProgramming
import PlacementOptimisation
import PlacementReports
import PlacementScenarios

/// Solves modes for the commands, turning solver errors into exit code 2 and printing statistics
/// when asked.
enum ModeRunner {
    /// `started`: when the command started, from which its time limit runs.
    static func solve(
        _ scenario: Scenario, mode: CommissioningMode, options: SolvingOptions, started: ContinuousClock.Instant
    ) throws -> SolvedMode {
        let result: SolvedMode
        do {
            result = try PlacementOptimiser.solve(
                scenario, mode: mode, options: options.optimiserOptions(started: started))
        } catch {
            printToStandardError("\(scenario.name), \(mode.rawValue) mode: \(error.description)")
            throw failureExitCode
        }
        if options.verbose {
            let s = result.statistics
            printToStandardError(
                "\(mode.rawValue): \(result.status.label), \(s.models) model(s), \(s.rows) rows, \(s.columns) columns, "
                    + "\(s.nonzeros) nonzeros, \(s.iterations) iterations; build \(seconds(s.buildSeconds)), "
                    + "GLPK \(seconds(s.solveSeconds)) (summed over threads), wall \(seconds(s.wallSeconds))")
        }
        return result
    }

    /// Writes result files into `directory` (created if needed), each atomically.
    static func write(_ files: [(name: String, text: String)], into directory: String) throws {
        do {
            try AtomicFile.write(files, into: directory)
        } catch {
            printToStandardError("\(directory): cannot write results: \(error.localizedDescription)")
            throw failureExitCode
        }
    }

    private static func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }
}
