import PlacementScenarios
import Testing

@testable import PlacementReports

@Suite("Published figures of several authorities")
struct PublishedSummaryTests {
    /// A: 100 children, 80 with a known distance, 20 of them far (0.25). B: 100 children, all known,
    /// 10 far (0.10). Counted as DfE counts England: 30 far of 180 known = 1/6. Weighted by children
    /// looked after it would be (25 + 10) / 200 = 0.175.
    @Test("the share over 20 miles weights each authority by its children with a known distance")
    func distanceWeights() {
        let actuals = [
            PublishedActuals(
                authority: "A", year: 2025, childrenLookedAfter: 100, ownProvisionShare: 0.5, over20MilesShare: 0.25,
                childrenWithKnownDistance: 80),
            PublishedActuals(
                authority: "B", year: 2025, childrenLookedAfter: 100, ownProvisionShare: 0.3, over20MilesShare: 0.10,
                childrenWithKnownDistance: 100),
        ]
        let summary = PublishedSummary(year: 2025, authorities: ["A", "B"], actuals: actuals)
        #expect(abs((summary.over20MilesShare ?? 0) - 30.0 / 180) < 1e-12)
        #expect(abs((summary.within20MilesShare ?? 0) - 150.0 / 180) < 1e-12)
        // The other shares stay weighted by children looked after.
        #expect(abs((summary.ownProvisionShare ?? 0) - 0.4) < 1e-12)
        // Without the column (a hand-made scenario), children looked after weight the distance too.
        let plain = actuals.map { row -> PublishedActuals in
            var row = row
            row.childrenWithKnownDistance = nil
            return row
        }
        let unweighted = PublishedSummary(year: 2025, authorities: ["A", "B"], actuals: plain)
        #expect(abs((unweighted.over20MilesShare ?? 0) - 0.175) < 1e-12)
    }

    /// A: 100 children, 40% own provision. B: 100 children, its own-provision count suppressed (a
    /// children's trust), its in-area share published. C: 50 children, every share suppressed. DfE's
    /// total counts B's handful and leaves nothing out: 40 of 200 = 20%, where leaving B out gave 40%.
    @Test("an own-provision count suppressed beside published shares counts as none; all suppressed, left out")
    func suppressedOwnProvision() {
        let actuals = [
            PublishedActuals(
                authority: "A", year: 2025, childrenLookedAfter: 100, ownProvisionShare: 0.4, insideBoundaryShare: 0.6),
            PublishedActuals(authority: "B", year: 2025, childrenLookedAfter: 100, insideBoundaryShare: 0.5),
            PublishedActuals(authority: "C", year: 2025, childrenLookedAfter: 50),
        ]
        let summary = PublishedSummary(year: 2025, authorities: ["A", "B", "C"], actuals: actuals)
        #expect(abs((summary.ownProvisionShare ?? 0) - 0.2) < 1e-12)
        #expect(summary.ownProvisionSuppressed == 1)
        #expect(summary.ownProvisionSuppressedAuthorities == ["B"])
        // In-area: A and B only, C suppressed.
        #expect(abs((summary.insideBoundaryShare ?? 0) - 0.55) < 1e-12)
        // B alone (a single authority's report) keeps its suppressed count unpublished, never 0%.
        let alone = PublishedSummary(year: 2025, authorities: ["B"], actuals: actuals)
        #expect(alone.ownProvisionShare == nil)
        #expect(alone.ownProvisionSuppressed == 0)
    }
}
