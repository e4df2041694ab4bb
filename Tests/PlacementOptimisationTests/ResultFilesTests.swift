import Foundation
import PlacementCommands
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
