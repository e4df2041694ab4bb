import ArgumentParser
import Foundation
import PlacementCalibration
import PlacementReports
import PlacementScenarios

extension PlacementCommand {
    /// `placement simulate SCENARIO --backtest YEAR`: the as-is stock replayed from a published year
    /// to the last, against each year's published figures.
    public struct Simulate: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Replay placements year by year with children entering and leaving care.",
            discussion: """
                With --backtest YEAR: calibrates the as-is model on YEAR only, then replays every later \
                published year (placements ending from that year's published ceased and placement changes, \
                new placements filling the gap to its children by placement group into the places left \
                vacant) and prints, per year and authority of the scenario, the modelled and published M2 \
                share, share over 20 miles, own-council share and private share, with persistence (YEAR's \
                published figure). With --out, writes backtest.html, .md, .json, backtest-check.json and a \
                CSV per table.
                """)

        @Argument(help: "The scenario folder (with scenario.yaml): its authorities are reported.")
        var scenario: String

        @Option(help: "The origin year of the as-is backtest (calibrated on that year only).")
        var backtest: Int?

        @Option(
            help: "The folder with the official CSV files (default: the scenario's ../../data, else Fixtures/data).")
        var data: String?

        @Option(help: "How the backtest is printed: markdown, json (the check) or csv (every year and authority).")
        var format: OutputFormat = .markdown

        @Option(help: "A folder to write the backtest report into.")
        var out: String?

        @Flag(help: "Print timings and convergence to stderr.")
        var verbose = false

        public init() {}

        public func validate() throws {
            guard backtest != nil else {
                throw ValidationError("give --backtest YEAR (the forward simulation is not available yet)")
            }
        }

        public func run() throws {
            guard let backtest else { throw ValidationError("give --backtest YEAR") }
            try ModeRunner.prepareOutput(out)
            let scenario = try loadScenario(scenario)
            let directory = data ?? Baseline.defaultData(for: self.scenario)
            let official: OfficialPlacementData
            let flows: OfficialFlowData
            do {
                official = try OfficialPlacementData.read(from: directory)
                flows = try OfficialFlowData.read(from: directory)
            } catch {
                printToStandardError(error.description)
                throw invalidInputExitCode
            }
            let known = Set(official.authorities.map(\.id))
            let missing = scenario.authorities.map(\.id).filter { !known.contains($0) }
            guard missing.isEmpty else {
                printToStandardError(
                    "\(self.scenario): \(missing.count) authorit\(missing.count == 1 ? "y has" : "ies have") no published "
                        + "figures in \(directory) (\(missing.prefix(3).map(\.rawValue).joined(separator: ", ")))")
                throw invalidInputExitCode
            }
            guard let origin = official.year(backtest) else {
                printToStandardError("\(directory): no published figures for \(backtest) (have \(official.years))")
                throw invalidInputExitCode
            }
            let last = Set(official.years).intersection(flows.years).max() ?? backtest
            guard last > backtest else {
                printToStandardError(
                    "\(directory): no published year after \(backtest) to replay (figures \(official.years), "
                        + "flows \(flows.years))")
                throw invalidInputExitCode
            }
            let inputs: [ReplayInput]
            switch official.replayInputs(after: backtest, through: last, flows: flows) {
            case .success(let found): inputs = found
            case .failure(let error):
                printToStandardError("\(directory): \(error.description)")
                throw invalidInputExitCode
            }
            let started = Date()
            let replay = StockFlowReplay.replay(origin: origin, inputs: inputs)
            if verbose {
                printToStandardError(
                    "replayed \(backtest) → \(last) in \(String(format: "%.2f", Date().timeIntervalSince(started))) s; "
                        + replay.years.map { "\($0.year): \($0.stock.sweeps) sweeps, gap \($0.stock.largestGap)" }
                        .joined(separator: "; "))
            }
            let scope = Set(scenario.authorities.map(\.id))
            let comparisons = replay.years.compactMap { year -> FitComparison? in
                guard let published = official.year(year.year) else { return nil }
                return FitComparison(
                    allocation: year.stock, calibratedOn: backtest, published: published, calibrationYear: origin,
                    scope: scope)
            }
            let report = BacktestReport(scenarioName: scenario.name, replay: replay, comparisons: comparisons)
            if let out {
                try ModeRunner.write(
                    ReportFiles.files(report.document, stem: "backtest") + [
                        ("backtest-check.json", BacktestJSON.render(origin: backtest, years: comparisons))
                    ], into: out)
                print("Backtest written: \(out)/backtest.html (and .md, .json, backtest-check.json, CSV tables)")
                return
            }
            switch format {
            case .json: print(BacktestJSON.render(origin: backtest, years: comparisons), terminator: "")
            case .markdown: print(MarkdownReport.render(report.document, stem: "backtest"), terminator: "")
            case .csv: print(TabularReport.csv(report.authoritiesTable), terminator: "")
            }
        }
    }
}
