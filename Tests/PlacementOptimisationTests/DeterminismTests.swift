import Foundation
import TestSupport
import Testing

/// The same input gives the same bytes in separate processes, whose hash seeds differ: no result may
/// depend on dictionary order.
@Suite("Results are the same in every process")
struct DeterminismTests {
    @Test("compare prints byte-identical JSON from two processes", arguments: ["tiny", "greater-manchester"])
    func twoProcesses(scenario: String) throws {
        let arguments = ["compare", Fixtures.scenario(scenario), "--format", "json"]
        // One process hashes with a fixed seed, the other with a random one: their dictionaries iterate
        // in different orders.
        var fixed = ProcessInfo.processInfo.environment
        fixed["SWIFT_DETERMINISTIC_HASHING"] = "1"
        var random = ProcessInfo.processInfo.environment
        random["SWIFT_DETERMINISTIC_HASHING"] = nil
        let first = try BuiltTool.run("placement", arguments, environment: fixed)
        let second = try BuiltTool.run("placement", arguments, environment: random)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(!first.standardOutput.isEmpty)
        #expect(first.standardOutput == second.standardOutput)
    }
}
