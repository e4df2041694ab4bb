import Foundation
import PlacementScenarios
import TestSupport
import Testing

@Suite("simulate: DfE's flows of the starting year")
struct SimulationFlowsNeededTests {
    /// It used to run with nobody arriving or leaving, exit 0, the report calling the flows DfE's.
    /// A starting year the user did not give is said to be the default, not a `--from` they never typed.
    @Test(
        "a flows table without the starting year is a usage error (exit 64) and nothing is written",
        arguments: [
            (["simulate", "--to", "2027", "--modes", "as-is"], "Error: the default --from 2025"),
            (["simulate", "--from", "2025", "--to", "2027", "--modes", "as-is"], "Error: --from 2025"),
            (
                ["sufficiency", "--authority", "Manchester", "--simulate-to", "2027"],
                "Error: --simulate-to, which starts from 2025"
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
                    + "(published there: none); a simulation carries that year's leaver and placement-change rates forward"
            ),
            "\(run.standardError)")
        #expect(run.standardError.contains("Usage: placement \(arguments[0])"))
        #expect(!FileManager.default.fileExists(atPath: out.file("o")))
    }
}
