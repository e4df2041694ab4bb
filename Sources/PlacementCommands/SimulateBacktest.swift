import ArgumentParser
import Foundation
import PlacementCalibration
import PlacementReports
import PlacementScenarios

extension PlacementCommand.Simulate {
    /// `--backtest YEAR`: the as-is stock calibrated on YEAR, replayed to the last published year and
    /// compared with each year's published figures.
    func runBacktest(from origin: Int) throws {
        try ModeRunner.prepareOutput(out, command: Self._commandName, reading: [scenario, data])
        let scenario = try loadScenario(scenario, solving: false)
        let directory = data ?? PlacementCommand.Baseline.defaultData(for: self.scenario)
        try DataFolder.require(directory, named: data != nil)
        let official = try readingInput { () throws(ScenarioError) in
            try OfficialPlacementData.read(from: directory)
        }
        let flows = try readingInput { () throws(ScenarioError) in try OfficialFlowData.read(from: directory) }
        try PlacementCommand.Baseline.requirePublished(
            scenario, folder: self.scenario, in: official, directory: directory)
        let start = try official.requireYear(origin, option: "--backtest", data: directory, in: Self.self)
        let last = Set(official.years).intersection(flows.years).max() ?? origin
        guard last > origin else {
            throw UsageFailure.report(
                "--backtest \(origin): no published year after \(origin) to replay in \(directory) (figures "
                    + OfficialTables.listed(official.years) + ", flows "
                    + OfficialTables.listed(flows.years) + ")", in: Self.self)
        }
        let inputs: [ReplayInput]
        switch official.replayInputs(after: origin, through: last, flows: flows) {
        case .success(let found): inputs = found
        case .failure(let error):
            printToStandardError("\(directory): \(error.description)")
            throw invalidInputExitCode
        }
        let started = Date()
        let replay = StockFlowReplay.replay(origin: start, inputs: inputs)
        if verbose {
            printToStandardError(
                "replayed \(origin) → \(last) in \(Elapsed.seconds(from: started)) s; "
                    + replay.years.map {
                        "\($0.year): \($0.stock.sweeps) sweeps, gap \(NumberText.percent($0.stock.largestGap, places: 2))"
                    }
                    .joined(separator: "; "))
        }
        let scope = Set(scenario.authorities.map(\.id))
        let comparisons = StraightLineTrend.filled(
            replay.years.compactMap { year -> FitComparison? in
                guard let published = official.year(year.year) else { return nil }
                return FitComparison(
                    allocation: year.stock, calibratedOn: origin, published: published, calibrationYear: start,
                    scope: scope)
            })
        let report = BacktestReport(scenarioName: scenario.name, replay: replay, comparisons: comparisons)
        let json = BacktestJSON.render(origin: origin, years: comparisons)
        if let out {
            try ModeRunner.write(
                ReportFiles.files(report.document, stem: "backtest") + [("backtest-check.json", json)], into: out,
                command: Self._commandName)
            try ModeRunner.confirm(
                "Backtest written: \(out)/backtest.html (and .md, .json, backtest-check.json, CSV tables)",
                printing: format)
            guard format != nil else { return }
        }
        switch format ?? .markdown {
        case .json: try printToStandardOutput(json, terminator: "")
        case .markdown:
            try printToStandardOutput(MarkdownReport.render(report.document, stem: "backtest"), terminator: "")
        case .csv: try printToStandardOutput(TabularReport.csv(report.authoritiesTable), terminator: "")
        }
    }
}
