import Foundation
import TestSupport
import Testing

/// What a scenario holds is an input error (exit 1); how the command was called is a usage error (64).
@Suite("Input errors and usage errors")
struct InputExitCodeTests {
    @Test("sufficiency --all on a scenario with no children is an input error, and nothing is written")
    func noChildrenAtAll() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try copy.write(
            "children.csv",
            "id,home_authority,placement_type,age_band,count,requirements,sibling_group,current_provider\n")
        let out = copy.path + "-reports"
        let run = try BuiltTool.run("placement", ["sufficiency", copy.path, "--all", "--out", out])
        #expect(run.status == 1, "\(run.standardError)")
        #expect(run.standardError.contains("no authority has children in the scenario, so there is no report"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// Reports print the seed as a JSON number, exact in a double only to 2^53.
    @Test("a --seed past 2^53 is a usage error; 2^53 itself is taken", arguments: ["compare", "simulate"])
    func seedRange(command: String) throws {
        let past = try BuiltTool.run(
            "placement", [command, Fixtures.scenario("tiny"), "--seed", "9007199254740993", "--format", "json"])
        #expect(past.status == 64)
        #expect(past.standardError.contains("--seed must be from 0 to 9007199254740992"))
        let largest = try BuiltTool.run(
            "placement", [command, Fixtures.scenario("tiny"), "--seed", "9007199254740992", "--format", "json"])
        #expect(largest.status == 0, "\(largest.standardError)")
    }
}
