import Testing

@testable import PlacementSimulation

/// The Fenwick tree behind as-is placing finds the index whose cumulative weight range holds a
/// point, as a plain running sum does, before and after weights are removed.
@Suite("Weighted draws")
struct WeightedDrawTests {
    @Test("each point falls in the index a running sum gives, as weights are removed", arguments: [1, 2, 7, 64, 100])
    func matchesRunningSums(count: Int) {
        var weights = (0..<count).map { Double(($0 * 37) % 11) }  // zeros included
        var draw = WeightedDraw(weights)
        for removal in 0...min(count, 5) {
            #expect(abs(draw.total - weights.reduce(0, +)) < 1e-9)
            for step in 0..<50 {
                let point = draw.total * (Double(step) + 0.5) / 50
                var running = 0.0
                let expected = weights.indices.first {
                    running += weights[$0]; return point < running
                }
                #expect(draw.index(at: point) == expected, "point \(point) after \(removal) removals")
            }
            guard let heaviest = weights.indices.max(by: { weights[$0] < weights[$1] }), weights[heaviest] > 0 else {
                break
            }
            draw.remove(heaviest)
            weights[heaviest] = 0
        }
    }
}
