import Foundation
import PlacementCalibration
import PlacementScenarios
import TestSupport
import Testing

/// A figure given twice in DfE's tables (a row pasted again with another number) used to be read
/// silently, the last row winning: `forecast` on the shipped data with one Manchester row repeated at
/// three times its count forecast Manchester at three times its children and exited 0. Each figure is
/// published once, so a repeat is refused where the tables are read, naming both lines.
@Suite("A figure repeated in DfE's tables")
struct RepeatedFigureTests {
    /// Appends `rows` to the file `name` of `directory`.
    static func append(_ rows: [String], to name: String, in directory: TemporaryDirectory) throws {
        let path = directory.file(name)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try (text + rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test("the stock table: the repeat is an error naming the file, its line, the first line and the figure")
    func stockTable() throws {
        // TinyData's 32 rows are lines 2–33; Northtown's 2025 total is line 18.
        let data = try TinyData()
        defer { data.directory.remove() }
        try Self.append(
            ["2025,Local authority,T00000001,Placement,Total,30"], to: OfficialTables.lookedAfterFile,
            in: data.directory)
        let error = try #require(throws: ScenarioError.self) {
            _ = try OfficialPlacementData.read(from: data.directory.path)
        }
        #expect(
            error.issues.map(\.description) == [
                "dfe_cla_by_la_2021_2025.csv:34: characteristic: repeats the figure of line 18 "
                    + "(2025, T00000001, Placement: Total): each figure is published once"
            ])
    }

    @Test("the flows table alike; the same characteristic of another authority or year is no repeat")
    func flowsTable() throws {
        let data = try TinyData()
        defer { data.directory.remove() }
        let rows = [
            "year,geographic_level,la_code,group,characteristic,number",
            "2025,Local authority,T00000001,Ceased during the year: reason,Total,3",
            "2025,Local authority,T00000002,Ceased during the year: reason,Total,2",
            "2024,Local authority,T00000001,Ceased during the year: reason,Total,2",
            "2024,Local authority,T00000002,Ceased during the year: reason,Total,2",
            "2025,National,,Ceased during the year: reason,Total,5",
            "2025,Local authority,T00000001,Ceased during the year: reason,Total,3",
        ]
        try (rows.joined(separator: "\n") + "\n").write(
            toFile: data.directory.file(OfficialTables.flowsFile), atomically: true, encoding: .utf8)
        let error = try #require(throws: ScenarioError.self) {
            _ = try OfficialFlowData.read(from: data.directory.path)
        }
        #expect(
            error.issues.map(\.description) == [
                OfficialTables.flowsFile + ":7: characteristic: repeats the figure of line 2 "
                    + "(2025, T00000001, Ceased during the year: reason: Total): each figure is published once"
            ])
    }

    /// The fuzzing session's reproduction: Manchester's 2025 rows of the shipped table repeated at
    /// three times their counts.
    @Test(
        "forecast and baseline refuse the repeat (exit 1), print nothing and write no folder",
        arguments: [["forecast", "--authority", "Manchester"], ["baseline"]])
    func commands(arguments: [String]) throws {
        let data = try TemporaryDirectory()
        defer { data.remove() }
        for file in try FileManager.default.contentsOfDirectory(atPath: "\(Fixtures.root)/data") {
            try FileManager.default.copyItem(atPath: "\(Fixtures.root)/data/\(file)", toPath: data.file(file))
        }
        let lines = try String(contentsOfFile: data.file(OfficialTables.lookedAfterFile), encoding: .utf8)
            .components(separatedBy: "\n")
        let first = try #require(
            lines.firstIndex { $0.hasPrefix("2025,") && $0.contains(",E08000003,") && $0.contains(",Placement,Total,") }
        )
        let fields = lines[first].components(separatedBy: ",")
        let tripled = fields.dropLast(2) + ["\(3 * (Int(fields[fields.count - 2]) ?? 0))", fields[fields.count - 1]]
        try Self.append([tripled.joined(separator: ",")], to: OfficialTables.lookedAfterFile, in: data)
        let out = data.file("out")
        let run = try BuiltTool.run(
            "placement",
            [arguments[0], Fixtures.scenario("greater-manchester"), "--data", data.path, "--out", out, "--quiet"]
                + arguments.dropFirst())
        #expect(run.status == 1, "\(run.standardError)")
        #expect(
            run.standardError.contains(
                "dfe_cla_by_la_2021_2025.csv:\(lines.count): characteristic: repeats the figure of line \(first + 1) "
                    + "(2025, E08000003, Placement: Total)"),
            "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
