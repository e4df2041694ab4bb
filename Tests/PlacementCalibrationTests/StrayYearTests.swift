import Foundation
import PlacementCalibration
import PlacementScenarios
import TestSupport
import Testing

/// A year with the figures of only a sliver of the authorities (one mistyped `year`) used to become
/// "the latest published year": `compare` calibrated today's placements on DfE's 2100 figures and
/// exited 0. Such a year is refused where the tables are read, so no command picks it.
@Suite("A stray year in DfE's tables")
struct StrayYearTests {
    static let refused =
        "a year with half the authorities' figures or fewer is refused (a stray or cut-short year)"

    @Test("the stock table: the year is an error naming the file, its first line and the year field")
    func stockTable() throws {
        // TinyData's 32 rows (lines 2–33) cover both authorities in 2024 and 2025; line 34 is the stray.
        let data = try TinyData(lookedAfterRows: ["2100,Local authority,T00000001,Placement,Total,10"])
        defer { data.directory.remove() }
        let error = try #require(throws: ScenarioError.self) {
            _ = try OfficialPlacementData.read(from: data.directory.path)
        }
        #expect(
            error.issues.map(\.description) == [
                "dfe_cla_by_la_2021_2025.csv:34: year: 2100 has figures for only 1 authority, 2025 for 2: "
                    + Self.refused
            ])
    }

    /// The readers take their years from every row, national ones too: a year of national rows
    /// alone (a release's England figures relabelled) became the latest year, calibrated on nothing.
    @Test("a year of national rows alone is refused too")
    func nationalRowsOnly() throws {
        let data = try TinyData(lookedAfterRows: ["2100,National,,Placement,Total,10"])
        defer { data.directory.remove() }
        let error = try #require(throws: ScenarioError.self) {
            _ = try OfficialPlacementData.read(from: data.directory.path)
        }
        #expect(
            error.issues.map(\.description) == [
                "dfe_cla_by_la_2021_2025.csv:34: year: 2100 has national or regional rows only, no authority's "
                    + "figures (2025 has 2): " + Self.refused
            ])
    }

    @Test("the flows table alike")
    func flowsTable() throws {
        let data = try TinyData()
        defer { data.directory.remove() }
        let rows = [
            "year,geographic_level,la_code,group,characteristic,number",
            "2025,Local authority,T00000001,Ceased during the year: reason,Total,3",
            "2025,Local authority,T00000002,Ceased during the year: reason,Total,2",
            "2100,Local authority,T00000002,Ceased during the year: reason,Total,2",
        ]
        try (rows.joined(separator: "\n") + "\n").write(
            toFile: data.directory.file(OfficialTables.flowsFile), atomically: true, encoding: .utf8)
        let error = try #require(throws: ScenarioError.self) {
            _ = try OfficialFlowData.read(from: data.directory.path)
        }
        #expect(
            error.issues.map(\.description) == [
                OfficialTables.flowsFile + ":4: year: 2100 has figures for only 1 authority, 2025 for 2: "
                    + Self.refused
            ])
    }

    /// The fuzzing session's reproduction: one Manchester row of the shipped table dated 2100.
    @Test(
        "every command that takes the latest published year refuses the stray year (exit 1), nothing printed",
        arguments: [
            ["compare"], ["sufficiency", "--authority", "Manchester"], ["plan", "--budget", "1000000"],
            ["stress", "--shocks", "\(Fixtures.root)/shocks/largest-childrens-home-owners-exit.yaml"],
            ["simulate", "--to", "2026"], ["baseline"],
        ])
    func commands(arguments: [String]) throws {
        let data = try TemporaryDirectory()
        defer { data.remove() }
        for file in try FileManager.default.contentsOfDirectory(atPath: "\(Fixtures.root)/data") {
            try FileManager.default.copyItem(atPath: "\(Fixtures.root)/data/\(file)", toPath: data.file(file))
        }
        let table = data.file(OfficialTables.lookedAfterFile)
        var lines = try String(contentsOfFile: table, encoding: .utf8).components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.hasPrefix("2025,") && $0.contains(",E08000003,") })
        lines[line] = "2100" + lines[line].dropFirst(4)
        try lines.joined(separator: "\n").write(toFile: table, atomically: true, encoding: .utf8)
        let run = try BuiltTool.run(
            "placement",
            [arguments[0], Fixtures.scenario("greater-manchester"), "--data", data.path, "--quiet"]
                + arguments.dropFirst())
        #expect(run.status == 1, "\(run.standardError)")
        #expect(
            run.standardError.contains(
                "dfe_cla_by_la_2021_2025.csv:\(line + 1): year: 2100 has figures for only 1 authority, 2025 for 153"),
            "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }
}
