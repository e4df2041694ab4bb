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
            try ModeRunner.prepareOutput(
                options.out, command: Self._commandName, quiet: options.quiet, reading: [scenario])
            // A model exported into --out joins the result set; anywhere else it is written before the
            // set, so that a failed export leaves no result set behind.
            let intoOut =
                try exportModel.map { try ModelExport.check($0, out: options.out, reading: [self.scenario]) } ?? false
            let scenario = try loadScenario(scenario)
            let result = try ModeRunner.solve(scenario, mode: mode, options: options, started: started)
            let json = ResultJSON.mode(result)
            let markdown = ResultMarkdown.mode(result)
            let placements = ResultCSV.placements(result.result)
            var files = [
                ("\(mode.rawValue).json", json), ("\(mode.rawValue).md", markdown),
                ("placements-\(mode.rawValue).csv", placements),
                ("metrics-\(mode.rawValue).csv", ResultCSV.metrics([result], scenario: scenario)),
            ]
            if let exportModel {
                if intoOut {
                    files += try ModelExport.files(named: exportModel) { try export(scenario, to: $0) }
                } else {
                    try export(scenario, to: exportModel)
                }
            }
            if let out = options.out { try ModeRunner.write(files, into: out, command: Self._commandName) }
            switch options.printed {
            case .markdown: try printToStandardOutput(markdown, terminator: "")
            case .json: try printToStandardOutput(json, terminator: "")
            case .csv: try printToStandardOutput(placements, terminator: "")
            }
        }

        /// Writes the mode's model to `path`, or council mode's one per council beside it (`-CODE` before
        /// the extension): each file written in full beside its target before any is put in place, so
        /// a full disk leaves none of them half-written or replaced.
        private func export(_ scenario: Scenario, to path: String) throws {
            let models = PlacementOptimiser.models(of: scenario, mode: mode)
            let url = URL(fileURLWithPath: path)
            guard let format = ModelFileFormat(path: path) else {
                printToStandardError("\(path): cannot tell the format: use a .mps or .lp extension")
                throw ExitCode.validationFailure
            }
            // A council's code names its file: made a safe, distinct file name, never a path.
            let suffixes = OutputName.distinct(models.map(\.name))
            let targets = suffixes.map { suffix in
                mode == .council ? url.deletingPathExtension().path + "-\(suffix)." + url.pathExtension : path
            }
            do {
                for target in targets { try Model.checkExportPath(target) }
                try AtomicFile.replace(targets) { index, temporary in
                    do {
                        try models[index].model.write(to: temporary, format: format)
                    } catch LinearProgrammingError.file(_, let reason) {
                        throw LinearProgrammingError.file(path: targets[index], reason: reason)
                    }
                }
            } catch let error as LinearProgrammingError {
                printToStandardError(error.description)
                throw failureExitCode
            } catch let error as OutputError {
                printToStandardError(error.description)
                throw failureExitCode
            }
        }
    }
}
