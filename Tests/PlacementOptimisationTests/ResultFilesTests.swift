import Foundation
import PlacementCommands
import PlacementOptimisation
import PlacementReports
import PlacementScenarios
import TestSupport
import Testing

@Suite("placement solve and compare write their results")
struct ResultFilesTests {
    @Test("compare --out writes every file, the same bytes on every run, and JSON with every mode")
    func compareOut() throws {
        let first = try TemporaryDirectory()
        let second = try TemporaryDirectory()
        defer {
            first.remove()
            second.remove()
        }
        for directory in [first, second] {
            var command = try PlacementCommand.parseAsRoot([
                "compare", Fixtures.scenario("tiny"), "--out", directory.path, "--format", "csv",
            ])
            try command.run()
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: first.path).sorted()
        #expect(
            files.filter { !$0.hasPrefix("report") } == [
                ".placement-output", "comparison.json", "comparison.md", "metrics.csv",
                "placements-council-coordinated.csv",
                "placements-council.csv", "placements-national.csv", "placements-regional.csv",
            ])
        #expect(["report.html", "report.md", "report.json", "report-headline.csv"].allSatisfy(files.contains))
        for file in files {
            #expect(
                FileManager.default.contents(atPath: first.file(file))
                    == FileManager.default.contents(atPath: second.file(file)), "\(file)")
        }
        let json = try #require(FileManager.default.contents(atPath: first.file("comparison.json")))
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let modes = try #require(object["modes"] as? [[String: Any]])
        #expect(
            modes.compactMap { $0["mode"] as? String } == ["council", "council-coordinated", "regional", "national"])
        #expect(modes.compactMap { $0["objective"] as? Double } == [123_110, 122_670, 122_120, 122_100])
        let total = try #require((modes[2]["metrics"] as? [String: Any])?["total"] as? [String: Any])
        #expect(total["m1_la_run_share"] as? Double == 0.6)
        #expect(total["unplaced"] as? Int == 1)
    }

    @Test("solve --export-model writes a model glpsol solves to the reported objective")
    func exportModel() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var command = try PlacementCommand.parseAsRoot([
            "solve", Fixtures.scenario("tiny"), "--mode", "national", "--export-model", directory.file("tiny.lp"),
            "--out", directory.path,
        ])
        try command.run()
        #expect(approximately(try Glpsol.objective(ofCPLEXLP: directory.file("tiny.lp")), 122_100))
        #expect(FileManager.default.fileExists(atPath: directory.file("placements-national.csv")))
    }
}

@Suite("A plan stopped early says so")
struct StoppedEarlyTests {
    @Test("the metrics CSV carries the status and gap of every mode")
    func metricsStatus() throws {
        let scenario = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        var options = OptimiserOptions()
        options.deadline = Deadline(ContinuousClock.now - .seconds(1))
        let stopped = try PlacementOptimiser.solve(scenario, mode: .regional, options: options)
        let optimal = try PlacementOptimiser.solve(scenario, mode: .regional)
        let csv = ResultCSV.metrics([stopped, optimal], scenario: scenario).split(separator: "\n")
        #expect(csv[0].hasSuffix(",status,gap"))
        let rows = csv.dropFirst()
        #expect(rows.filter { $0.hasSuffix(",time_limit,") }.count == rows.count / 2)
        #expect(rows.filter { $0.hasSuffix(",optimal,") }.count == rows.count / 2)
    }

    @Test("the command warns on stderr when a mode stops at the time limit")
    func warning() throws {
        let run = try BuiltTool.run(
            "placement", ["solve", Fixtures.scenario("tiny"), "--time-limit", "0.000001", "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.standardError.contains("stopped at the time limit"))
    }
}
