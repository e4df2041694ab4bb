import PlacementScenarios
import Testing

@testable import PlacementSimulation

@Suite("Today's placements in whole children")
struct WholeChildrenTests {
    @Test("systematic rounding: every part its share rounded down or up, the parts adding up to the count")
    func systematicRounding() {
        // Cumulative shares 0.3, 0.6, 1.0 shifted by 0.5 are cut at 1 in the second cell.
        #expect(TodaysCells.systematic(1, weights: [0.3, 0.3, 0.4], offset: 0.5) == [0, 1, 0])
        #expect(TodaysCells.systematic(7, weights: [1, 2, 4], offset: 0.25) == [1, 2, 4])
        #expect(TodaysCells.systematic(3, weights: [0, 0], offset: 0.5) == [0, 0])
        var random = SeededRandom(seed: 7)
        for _ in 0..<200 {
            let weights = (0...random.next(below: 30)).map { _ in random.unit() }
            let count = random.next(below: 51)
            let offset = random.unit()
            let parts = TodaysCells.systematic(count, weights: weights, offset: offset)
            let total = weights.reduce(0, +)
            guard total > 0, count > 0 else { continue }
            #expect(parts.reduce(0, +) == count)
            for (part, weight) in zip(parts, weights) {
                let share = Double(count) * weight / total
                #expect(Double(part) >= share.rounded(.down) - 1e-9 && Double(part) <= share.rounded(.up) + 1e-9)
            }
        }
    }

    /// Ten councils of ten children each, fitted to 0.45 of a child in each of twenty shared pools of
    /// five places (4.5 children fitted to each) and one child in a pool of their own. By hand, each
    /// council has one child in its own pool; the shared pools hold the other 90, at most five each.
    /// Rounding council by council put the first councils' children in the same nine shared pools
    /// (the largest remainders, ties to the first), filled them, and sent the last five councils'
    /// children into their own pools, all ten of each.
    @Test("no council's children are pushed into its own area because others were rounded first")
    func orderDoesNotDecide() {
        let shared = 20
        let councils = 10
        let capacities = Array(repeating: 5, count: shared) + Array(repeating: 10, count: councils)
        let cells = (0..<councils).map { council in
            (0..<shared).map { (pool: $0, children: 0.45) } + [(pool: shared + council, children: 1.0)]
        }
        let cellsOfChildren = TodaysCells(
            capacities: capacities, cells: cells, counts: Array(repeating: 10, count: councils))
        let whole = cellsOfChildren.wholeChildren(of: Array(0..<councils))
        var inPool = Array(repeating: 0, count: capacities.count)
        for council in 0..<councils {
            let placed = whole[council].placed
            #expect(whole[council].waiting == 0)
            #expect(placed.reduce(0) { $0 + $1.children } == 10)
            let own = placed.first { $0.provider == shared + council }?.children ?? 0
            #expect(own <= 2, "council \(council): \(own) of 10 in its own pool, fitted 1")
            for (provider, children) in placed { inPool[provider] += children }
        }
        #expect(zip(inPool, capacities).allSatisfy { $0 <= $1 })
    }

    @Test("children beyond every pool's places wait, and only those")
    func beyondThePlaces() {
        let cellsOfChildren = TodaysCells(
            capacities: [2, 1], cells: [[(0, 1.5), (1, 0.5)], [(0, 1.0), (1, 1.0)]], counts: [2, 2])
        let whole = cellsOfChildren.wholeChildren(of: [0, 1])
        #expect(whole.map(\.waiting).reduce(0, +) == 1)
        let placed = whole.flatMap(\.placed)
        #expect(placed.reduce(0) { $0 + $1.children } == 3)
        #expect(placed.filter { $0.provider == 0 }.reduce(0) { $0 + $1.children } == 2)
        #expect(placed.filter { $0.provider == 1 }.reduce(0) { $0 + $1.children } == 1)
    }

    /// Cells of no fitted weight (the fitting's floor keeps them above zero; an underflow need not).
    @Test("children are placed or wait, never lost, where every cell's fitted value is zero")
    func weightsOfNothing() {
        let cellsOfChildren = TodaysCells(
            capacities: [5, 1], cells: [[(0, 0.0)], [(1, 0.0), (0, 0.0)]], counts: [3, 4])
        let whole = cellsOfChildren.wholeChildren(of: [0, 1])
        for (cohort, count) in [(0, 3), (1, 4)] {
            #expect(whole[cohort].placed.reduce(0) { $0 + $1.children } + whole[cohort].waiting == count)
        }
        #expect(whole.map(\.waiting).reduce(0, +) == 1)
    }
}
