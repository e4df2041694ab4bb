import ArgumentParser
import Foundation
import PlacementCalibration
import PlacementReports
import PlacementScenarios

extension PlacementCommand {
    /// `placement baseline SCENARIO`: today's placements as a calibrated as-is allocation, and its
    /// fit to the published figures.
    public struct Baseline: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Calibrate the as-is placements to a year's published figures and report the fit.",
            discussion: """
                Fits a gravity model of where each council's children are placed (by placement group and \
                provider) to one year's published figures for every English authority, and reports the \
                scenario's authorities. With --predict, the fitted parameters are carried to another \
                year's demand and registered places, and every figure of that year is checked out of \
                sample. With --out, writes the stock (as-is-stock.csv), the parameters (as-is-parameters.csv) \
                and the fit report (fit-report.html, .md, .json and a CSV per table).
                """)

        @Argument(help: "The scenario folder (with scenario.yaml): its authorities are reported.")
        var scenario: String

        @Option(parsing: .unconditional, help: "The year to calibrate on (the baseline the product uses: 2025).")
        var year: Int?

        @Option(name: .customLong("calibrate-on"), parsing: .unconditional, help: "The same as --year.")
        var calibrateOn: Int?

        @Option(
            parsing: .unconditional,
            help: "Another year, earlier or later, to predict from the calibrated parameters, checked out of sample.")
        var predict: Int?

        @Option(
            help: "The folder with the official CSV files (default: the scenario's ../../data, else Fixtures/data).")
        var data: String?

        @Option(
            help: ArgumentHelp(
                "How the fit is printed: markdown (default), json (the fit check) or csv (the fit table); with "
                    + "--out as well."))
        var format: OutputFormat?

        @Option(help: "A folder to write the stock, the parameters and the fit report into.")
        var out: String?

        @Flag(help: "Print timings and convergence to stderr.")
        var verbose = false

        @OptionGroup var quietOption: QuietOption

        public init() {}

        public func validate() throws {
            if let year, let calibrateOn, year != calibrateOn {
                throw ValidationError(
                    "--year \(year) and --calibrate-on \(calibrateOn) conflict: both set the calibration year, and "
                        + "they name two different years; give one of them")
            }
            if let predict, predict == calibrationYear {
                throw ValidationError(
                    "--predict \(predict) is the calibration year: drop --predict for the in-sample fit")
            }
        }

        var calibrationYear: Int { calibrateOn ?? year ?? 2025 }

        public func run() throws {
            quietOption.apply()
            try ModeRunner.prepareOutput(out, command: Self._commandName, reading: [scenario, data])
            let scenario = try loadScenario(scenario, solving: false)
            let directory = data ?? Self.defaultData(for: self.scenario)
            try DataFolder.require(directory, named: data != nil)
            let official = try readingInput { () throws(ScenarioError) in
                try OfficialPlacementData.read(from: directory)
            }
            try Self.requirePublished(scenario, folder: self.scenario, in: official, directory: directory)
            let option = calibrateOn != nil ? "--calibrate-on" : year != nil ? "--year" : "the default --year"
            let calibration = try official.requireYear(calibrationYear, option: option, data: directory, in: Self.self)
            let target =
                try predict.map { try official.requireYear($0, option: "--predict", data: directory, in: Self.self) }
                ?? calibration
            let started = Date()
            let baseline = AsIsBaseline.calibrate(calibration)
            let calibrated = Date()
            let allocation = predict == nil ? baseline.calibrated : baseline.predict(target)
            if verbose {
                printToStandardError(
                    "calibrated on \(calibrationYear) in \(Elapsed.seconds(from: started, to: calibrated)) s, "
                        + "\(baseline.calibrated.sweeps) sweeps, largest gap \(NumberText.percent(baseline.calibrated.largestGap, places: 2))"
                )
                if predict != nil {
                    printToStandardError(
                        "predicted \(target.year) in \(Elapsed.seconds(from: calibrated)) s, "
                            + "\(allocation.sweeps) sweeps, largest gap \(NumberText.percent(allocation.largestGap, places: 2))"
                    )
                }
            }
            let comparison = FitComparison(
                allocation: allocation, calibratedOn: calibrationYear, published: target,
                calibrationYear: predict == nil ? nil : calibration, scope: Set(scenario.authorities.map(\.id)))
            let report = BaselineFitReport(
                scenario: scenario, comparison: comparison, baseline: baseline, allocation: allocation,
                publishedYears: official.years)
            if let out {
                try ModeRunner.write(report.files, into: out, command: Self._commandName)
                try ModeRunner.confirm(
                    "As-is baseline written: \(out)/fit-report.html (and .md, .json, CSV tables, as-is-stock.csv)",
                    printing: format)
                guard format != nil else { return }
            }
            switch format ?? .markdown {
            case .json: try printToStandardOutput(BaselineJSON.render(comparison), terminator: "")
            case .markdown:
                try printToStandardOutput(MarkdownReport.render(report.document, stem: "fit-report"), terminator: "")
            case .csv: try printToStandardOutput(TabularReport.csv(report.fitTable), terminator: "")
            }
        }

        /// Fails (exit 1) unless every authority of the scenario has published figures: the as-is model
        /// is calibrated on DfE's per-authority figures.
        static func requirePublished(
            _ scenario: Scenario, folder: String, in official: OfficialPlacementData, directory: String
        ) throws {
            let known = Set(official.authorities.map(\.id))
            let missing = scenario.authorities.map(\.id).filter { !known.contains($0) }
            guard missing.isEmpty else {
                printToStandardError(
                    "\(folder): \(missing.count) authorit\(missing.count == 1 ? "y has" : "ies have") no published "
                        + "figures in \(directory) (\(missing.prefix(3).map(\.rawValue).joined(separator: ", "))): the as-is "
                        + "model is calibrated on DfE's per-authority figures")
                throw invalidInputExitCode
            }
        }

        /// `SCENARIO/../../data` when it holds the official files (the shipped layout), else `Fixtures/data`.
        static func defaultData(for scenario: String) -> String {
            let candidate = ((scenario as NSString).appendingPathComponent("../../data") as NSString).standardizingPath
            let file = (candidate as NSString).appendingPathComponent(OfficialTables.lookedAfterFile)
            return FileManager.default.fileExists(atPath: file) ? candidate : DataFolder.shipped
        }
    }
}
