import Foundation
import PlacementScenarios
import TestSupport
import Testing

@Suite("simulate: DfE's flows of the starting year")
struct SimulationFlowsNeededTests {
    /// It used to run with nobody arriving or leaving, exit 0, the report calling the flows DfE's.
    @Test(
        "a flows table without the starting year is refused (exit 64) and nothing is written",
        arguments: [
            (["simulate", "--to", "2027", "--modes", "as-is"], "--from 2025"),
            (
                ["sufficiency", "--authority", "Manchester", "--simulate-to", "2027"],
                "--simulate-to, which starts from 2025"
            ),
        ])
    func noFlows(arguments: [String], option: String) throws {
        let data = try CutOfficialData(OfficialTables.flowsFile) { _ in false }
        defer { data.remove() }
        let out = try TemporaryDirectory()
        defer { out.remove() }
        let run = try BuiltTool.run(
            "placement",
            [arguments[0], Fixtures.scenario("greater-manchester"), "--data", data.path, "--out", out.file("o")]
                + arguments.dropFirst())
        #expect(run.status == 64)
        #expect(
            run.standardError.contains(
                "\(option): no published flows for 2025 in \(data.path)/dfe_cla_flows_by_la_2021_2025.csv "
                    + "(published there: none); a simulation carries that year's flows forward"),
            "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out.file("o")))
    }
}
