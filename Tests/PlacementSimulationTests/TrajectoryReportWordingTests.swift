import TestSupport
import Testing

/// Sentences of the simulation report that had been false for some runs (a review): each must hold
/// of the run it is printed for.
@Suite("The simulation report's sentences hold of the run")
struct TrajectoryReportWordingTests {
    private func report(_ arguments: [String]) throws -> String {
        let run = try BuiltTool.run("placement", ["simulate", Fixtures.scenario("tiny")] + arguments)
        #expect(run.status == 0, "\(run.standardError)")
        return run.standardOutput
    }

    @Test("--to equal to --from says no year is simulated, not that placements end in batches")
    func startAlone() throws {
        let text = try report(["--from", "2025", "--to", "2025", "--draws", "3"])
        #expect(text.contains("no year is simulated (--to is --from)"), "\(text)")
        #expect(!text.contains("batches a year"))
        #expect(!text.contains("The draws vary which placements end"))
    }

    @Test("without as-is no verdict against it is promised; without today's market no boundary market")
    func noAsIsNoTodaysMarket() throws {
        let text = try report(["--modes", "council,regional", "--to", "2026", "--draws", "2"])
        #expect(text.contains("M2 by mode."))
        #expect(!text.contains("verdict against as-is"), "\(text)")
        // tiny starts from the council optimum: it has no places beyond a boundary.
        #expect(!text.contains("places beyond its boundary"))
        #expect(text.contains("every draw has the same arrivals and leavers each year"))
    }

    /// tiny starts from the council optimum, which leaves Southvale's complex-needs child C05 without
    /// a place (README, Children's homes); Oak House, the one home for it, stays full through 2026.
    @Test("the children without a place are named by placement type and needs")
    func unplacedByKind() throws {
        let text = try report(["--modes", "council,regional", "--to", "2026"])
        #expect(
            text.contains(
                "Children without a place in 2026, by placement type and needs: council: 1 children's home with "
                    + "complex needs; regional: 1 children's home with complex needs."), "\(text)")
    }
}
