import Foundation
import TestSupport
import Testing

/// A fall that takes every child: the as-is sentence had ended "Every child left keeps today's
/// placement" with no child left (a review).
@Suite("A demand fall to no child")
struct DemandFallToNoneTests {
    @Test("compare's as-is sentence says no child is left to keep a placement")
    func noChildLeft() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let shocks = folder.file("fall.yaml")
        try "shocks:\n  - demand_change: {factor: 0}\n".write(toFile: shocks, atomically: true, encoding: .utf8)
        let run = try BuiltTool.run(
            "placement",
            ["compare", Fixtures.scenario("greater-manchester"), "--shocks", shocks, "--modes", "regional"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("took away 5,262 children"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("No child is left to keep a placement."))
        #expect(!run.standardOutput.contains("Every child left keeps today's placement"))
    }
}
