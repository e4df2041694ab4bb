import Foundation
import PlacementCalibration
import PlacementScenarios
import TestSupport
import Testing

/// `TinyData` (2024 and 2025) with every `number` of the years `suppressed` written `c`.
private func tinyData(suppressing suppressed: Set<Int>) throws -> TinyData {
    let data = try TinyData()
    let file = data.directory.file(OfficialTables.lookedAfterFile)
    let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map { line in
        guard let year = Int(line.prefix(4)), suppressed.contains(year), let comma = line.lastIndex(of: ",") else {
            return String(line)
        }
        return line[...comma] + "c"
    }
    try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
    return data
}

@Suite("A year of suppressed figures alone is not a published year")
struct SuppressedYearTests {
    /// It used to calibrate on a year of no figures and print an as-is of nobody, exit 0.
    @Test("baseline on a year whose every figure is suppressed: no published figures for it, exit 64")
    func baselineRefusesSuppressedYear() throws {
        let data = try tinyData(suppressing: [2025])
        defer { data.directory.remove() }
        let official = try OfficialPlacementData.read(from: data.directory.path)
        #expect(official.years == [2024])
        #expect(official.year(2025) == nil)
        let run = try BuiltTool.run(
            "placement", ["baseline", Fixtures.scenario("tiny"), "--data", data.directory.path, "--year", "2025"])
        #expect(run.status == 64, "\(run.standardOutput)")
        #expect(
            run.standardError.contains(
                "Error: --year 2025: no published figures for 2025 in \(data.directory.path) (published there: 2024)"),
            "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
        // The year before, published, still calibrates.
        let earlier = try BuiltTool.run(
            "placement", ["baseline", Fixtures.scenario("tiny"), "--data", data.directory.path, "--year", "2024"])
        #expect(earlier.status == 0, "\(earlier.standardError)")
    }

    /// It used to show an as-is column calibrated on nothing.
    @Test("compare on tables of suppressed figures alone shows no as-is and says why")
    func compareShowsNoAsIs() throws {
        let data = try tinyData(suppressing: [2024, 2025])
        defer { data.directory.remove() }
        let run = try BuiltTool.run(
            "placement", ["compare", Fixtures.scenario("tiny"), "--data", data.directory.path, "--quiet"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(
            run.standardOutput.contains(
                "No calibrated baseline (no published figures in \(data.directory.path)/dfe_cla_by_la_2021_2025.csv: "
                    + "every year's are suppressed or absent): as-is not shown."), "\(run.standardOutput)")
        #expect(!run.standardOutput.contains("| measure | as-is |"))
    }

    @Test("a flows year whose every figure is suppressed is not a year of published flows")
    func suppressedFlowsYear() throws {
        let data = try TinyData()
        defer { data.directory.remove() }
        var rows = ["year,geographic_level,la_code,group,characteristic,number"]
        for year in [2024, 2025] {
            for code in ["T00000001", "T00000002"] {
                rows.append(
                    "\(year),Local authority,\(code),Ceased during the year: reason,Total,\(year == 2024 ? "3" : "c")")
            }
        }
        try (rows.joined(separator: "\n") + "\n").write(
            toFile: data.directory.file(OfficialTables.flowsFile), atomically: true, encoding: .utf8)
        let flows = try OfficialFlowData.read(from: data.directory.path)
        #expect(flows.years == [2024])
    }
}
