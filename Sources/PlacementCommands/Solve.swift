import ArgumentParser
import Foundation
import LinearProgramming
import OutputFiles
import PlacementOptimisation
import PlacementReports
import PlacementScenarios

extension PlacementCommand {
    /// `placement solve SCENARIO`: one commissioning mode, every child's placement and the metrics.
    public struct Solve: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Solve one commissioning mode and report placements, M1, M2, distance and cost.")

        @Argument(help: "The scenario folder (with scenario.yaml).")
        var scenario: String

        @Option(help: "council, council-coordinated, regional or national.")
        var mode: CommissioningMode = .regional

        @Option(
            name: .customLong("export-model"),
            help: ArgumentHelp(
                "Also write the model GLPK solves to FILE.mps (free MPS) or FILE.lp (CPLEX LP).",
                discussion: "In council mode, one file per council: FILE-<code>.mps.", valueName: "FILE"))
        var exportModel: String?

        @OptionGroup var options: SolvingOptions

        public init() {}

        public func validate() throws {
            if let exportModel, ModelFileFormat(path: exportModel) == nil {
                throw ValidationError("--export-model needs a file name ending in .mps or .lp")
            }
        }

        public func run() throws {
            let started = ContinuousClock.now
            try ModeRunner.prepareOutput(options.out, quiet: options.quiet, reading: [scenario])
            // A model exported into --out goes into the set after it is written; anywhere else it is
            // written first, so that a failed export leaves no result set behind.
            let exportsIntoOut = exportModel.map { path in
                options.out.map { OutputFolder.lies(path, inside: $0) } ?? false
            }
            if let exportModel, exportsIntoOut == false { try ModeRunner.checkExportFolder(of: exportModel) }
            let scenario = try loadScenario(scenario)
            let result = try ModeRunner.solve(scenario, mode: mode, options: options, started: started)
            let json = ResultJSON.mode(result)
            let markdown = ResultMarkdown.mode(result)
            let placements = ResultCSV.placements(result.result)
            if let exportModel, exportsIntoOut == false { try export(scenario, to: exportModel) }
            if let out = options.out {
                try ModeRunner.write(
                    [
                        ("\(mode.rawValue).json", json), ("\(mode.rawValue).md", markdown),
                        ("placements-\(mode.rawValue).csv", placements),
                        ("metrics-\(mode.rawValue).csv", ResultCSV.metrics([result], scenario: scenario)),
                    ], into: out)
            }
            if let exportModel, exportsIntoOut == true { try export(scenario, to: exportModel) }
            switch options.printed {
            case .markdown: print(markdown, terminator: "")
            case .json: print(json, terminator: "")
            case .csv: print(placements, terminator: "")
            }
        }

        private func export(_ scenario: Scenario, to path: String) throws {
            let models = PlacementOptimiser.models(of: scenario, mode: mode)
            let url = URL(fileURLWithPath: path)
            // A council's code names its file: made a safe, distinct file name, never a path.
            let suffixes = OutputName.distinct(models.map(\.name))
            for ((_, model), suffix) in zip(models, suffixes) {
                let target =
                    mode == .council
                    ? url.deletingPathExtension().path + "-\(suffix)." + url.pathExtension
                    : path
                do {
                    try model.write(to: target)
                } catch {
                    printToStandardError(error.description)
                    throw failureExitCode
                }
            }
        }
    }
}
