import Foundation
import PlacementCommands
import PlacementOptimisation
import PlacementReports
import PlacementScenarios
import TestSupport
import Testing

/// Every report file of `tiny`, byte for byte against `Golden/`. After a deliberate change to a
/// report, re-record with `RECORD_SNAPSHOTS=1 swift test --filter GoldenFileTests` and review the diff.
@Suite("Reports of the tiny scenario match their golden files")
struct GoldenFileTests {
    static let scenario = try! ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"

    static func comparisonFiles() throws -> [(name: String, text: String)] {
        let results = try CommissioningMode.allCases.map { try PlacementOptimiser.solve(scenario, mode: $0) }
        return ComparisonReport(results, scenario: scenario).files
    }

    static func sufficiencyFiles(_ scope: SufficiencyReport.Scope) throws -> [(name: String, text: String)] {
        let result = try PlacementOptimiser.solve(scenario, mode: .councilCoordinated)
        let context = SufficiencyReport.Context(result, authorities: scenario.authorities.map(\.id))
        var report = try SufficiencyReport(scope, context: context)
        // As `placement sufficiency` makes it: tiny's authorities are not DfE's, so no forecast.
        report.outlook = SufficiencyOutlooks.make([scope], scenario: scenario, data: "\(Fixtures.root)/data")[0]
        return report.files
    }

    static let folders = ["comparison", "sufficiency-T00000001", "sufficiency-north-south"]

    static func files(of folder: String) throws -> [(name: String, text: String)] {
        switch folder {
        case "comparison": try comparisonFiles()
        case "sufficiency-north-south": try sufficiencyFiles(.cooperative("north-south"))
        default: try sufficiencyFiles(.authority("T00000001"))
        }
    }

    @Test("Each file is byte-identical to its golden copy, and no golden copy is left over", arguments: folders)
    func matchesGolden(folder: String) throws {
        let directory = Self.golden.appendingPathComponent(folder)
        let files = try Self.files(of: folder)
        #expect(Set(files.map { $0.name.split(separator: ".").last! }) == ["html", "md", "json", "csv"])
        if Self.recording {
            try? FileManager.default.removeItem(at: directory)
            try AtomicFile.write(files, into: directory.path)
            // A recording run fails, so that it can never pass silently.
            Issue.record("recorded Golden/\(folder): review the diff, then run again without RECORD_SNAPSHOTS")
            return
        }
        let recorded = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(recorded == files.map(\.name).sorted(), "files in Golden/\(folder)")
        for file in files {
            let expected = try String(contentsOf: directory.appendingPathComponent(file.name), encoding: .utf8)
            #expect(file.text == expected, "Golden/\(folder)/\(file.name) differs: re-record only on purpose")
        }
    }

    @Test("The same input gives the same bytes")
    func deterministic() throws {
        let first = try Self.comparisonFiles()
        let second = try Self.comparisonFiles()
        #expect(first.map(\.name) == second.map(\.name))
        #expect(first.map(\.text) == second.map(\.text))
    }
}
