import PlacementCalibration
import Testing

/// England's modelled share over 20 miles is put on DfE's denominator (children with a known
/// distance), as each authority's is, so that the two sides of the England check are alike.
@Suite("England's share over 20 miles on DfE's denominator")
struct EnglandDenominatorTests {
    static func modelled(children: Double, over20Miles: Double) -> AsIsMeasures {
        var measures = AsIsMeasures()
        measures.children = children
        measures.over20Miles = over20Miles
        return measures
    }

    static func published(within: Int?, over: Int?) -> PublishedPlacementFigures {
        var figures = PublishedPlacementFigures()
        figures.within20Miles = within
        figures.over20Miles = over
        return figures
    }

    @Test("each authority's modelled share weighs as many children as DfE counts with a distance")
    func weightedByKnownDistances() throws {
        // A: 100 children modelled, 30 far (30%); DfE knows the distance of all 100.
        // B: 100 children modelled, 10 far (10%); DfE knows the distance of 50 (the others are
        // unaccompanied children with none recorded). DfE's England share weighs A 100 and B 50:
        // (0.3 × 100 + 0.1 × 50) / 150 = 35 / 150. Summing every modelled child gives 40 / 200 = 20%.
        let share = try #require(
            FitComparison.over20MilesShareOnKnownDistances(
                [Self.modelled(children: 100, over20Miles: 30), Self.modelled(children: 100, over20Miles: 10)],
                published: [Self.published(within: 70, over: 30), Self.published(within: 45, over: 5)]))
        #expect(abs(share - 35.0 / 150) < 1e-12)
    }

    @Test("a suppressed authority weighs its modelled children times the others' known share")
    func suppressedAuthority() throws {
        // A and B as above; C (40 modelled children, 25% far) has its distances suppressed. A and B's
        // known share is 150 / 200 = 0.75, so C weighs 30: (30 + 5 + 0.25 × 30) / 180.
        let share = try #require(
            FitComparison.over20MilesShareOnKnownDistances(
                [
                    Self.modelled(children: 100, over20Miles: 30), Self.modelled(children: 100, over20Miles: 10),
                    Self.modelled(children: 40, over20Miles: 10),
                ],
                published: [
                    Self.published(within: 70, over: 30), Self.published(within: 45, over: 5),
                    Self.published(within: nil, over: nil),
                ]))
        #expect(abs(share - 42.5 / 180) < 1e-12)
        // No authority's distances published: nothing to weigh by.
        #expect(
            FitComparison.over20MilesShareOnKnownDistances(
                [Self.modelled(children: 40, over20Miles: 10)], published: [Self.published(within: nil, over: nil)])
                == nil)
    }
}
