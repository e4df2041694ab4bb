import ArgumentParser
import PlacementOptimisation
import PlacementReports
import PlacementScenarios

extension PlacementCommand {
    /// `placement compare SCENARIO`: several modes side by side.
    public struct Compare: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Solve several commissioning modes and compare M1, M2, distance, cost and unmet need.")

        @Argument(help: "The scenario folder (with scenario.yaml).")
        var scenario: String

        @Option(help: "Comma-separated modes, from council, council-coordinated, regional and national.")
        var modes = CommissioningMode.allCases.map(\.rawValue).joined(separator: ",")

        @OptionGroup var options: SolvingOptions

        public init() {}

        var parsedModes: [CommissioningMode] {
            get throws {
                let names = modes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                var parsed: [CommissioningMode] = []
                for name in names {
                    guard let mode = CommissioningMode(rawValue: name) else {
                        throw ValidationError(
                            "unknown mode '\(name)'; choose from "
                                + CommissioningMode.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    if !parsed.contains(mode) { parsed.append(mode) }
                }
                guard !parsed.isEmpty else { throw ValidationError("--modes names no mode") }
                return parsed
            }
        }

        public func validate() throws { _ = try parsedModes }

        public func run() throws {
            let started = ContinuousClock.now
            let modes = try parsedModes
            let scenario = try loadScenario(scenario)
            var results: [SolvedMode] = []
            for mode in modes {
                results.append(try ModeRunner.solve(scenario, mode: mode, options: options, started: started))
            }
            let json = ResultJSON.comparison(results, scenario: scenario)
            let markdown = ResultMarkdown.comparison(results, scenario: scenario)
            let metrics = ResultCSV.metrics(results, scenario: scenario)
            if let out = options.out {
                var files = [("comparison.json", json), ("comparison.md", markdown), ("metrics.csv", metrics)]
                for result in results {
                    files.append(("placements-\(result.mode.rawValue).csv", ResultCSV.placements(result.result)))
                }
                files += ComparisonReport(results, scenario: scenario).files
                try ModeRunner.write(files, into: out)
                // On stderr, so that the comparison printed on stdout stays clean for a pipe.
                printToStandardError("\(files.count) files written to \(out); the report is \(out)/report.html")
            }
            switch options.format {
            case .markdown: print(markdown, terminator: "")
            case .json: print(json, terminator: "")
            case .csv: print(metrics, terminator: "")
            }
        }
    }
}
