import PlacementScenarios
import Testing

@testable import PlacementSimulation

/// Placements ending: drawn child by child as before (the same numbers, the same children, the same
/// stock) up to ``PlacementStock/childByChildLimit`` children at once, and above it together, in
/// time per placement, from the same distribution.
@Suite("Child draws")
struct ChildDrawTests {
    @Test("each child falls in the placement a running sum gives, as children are taken", arguments: [1, 2, 7, 64])
    func matchesRunningSums(count: Int) {
        var counts = (0..<count).map { ($0 * 37) % 5 }  // zeros included
        var draw = ChildDraw(counts)
        var random = SeededRandom(seed: 3)
        while draw.total > 0 {
            #expect(draw.total == counts.reduce(0, +))
            for child in 0..<draw.total {
                var running = 0
                let expected = counts.indices.first {
                    running += counts[$0]
                    return child < running
                }
                #expect(draw.index(of: child) == expected)
            }
            let index = draw.take(at: random.next(below: draw.total))
            counts[index] -= 1
            #expect(counts.indices.allSatisfy { draw.left($0) == counts[$0] })
        }
    }

    @Test("skipping numbers moves the generator on as drawing them does")
    func skipMatchesDrawing() {
        for count in [0, 1, 5, 1_000] {
            var drawn = SeededRandom(seed: 11)
            var skipped = drawn
            for _ in 0..<count { _ = drawn.next(below: 7) }
            skipped.skip(count)
            #expect(drawn.next() == skipped.next())
        }
    }

    /// Two foster cohorts, placed with three providers, and children of both waiting.
    static func stock(scale: Int = 1) -> PlacementStock {
        var stock = PlacementStock(
            cohortTypes: [.foster, .foster],
            capacity: (0..<3).reduce(into: [:]) { $0[PlaceSlot(provider: $1, placementType: .foster)] = 100 * scale })
        stock.place(0, with: 0, children: 7 * scale)
        stock.place(0, with: 2, children: 3 * scale)
        stock.place(1, with: 1, children: 5 * scale)
        stock.place(1, with: 2, children: 1 * scale)
        stock.addUnplaced(0, children: 4 * scale)
        stock.addUnplaced(1, children: 2 * scale)
        return stock
    }

    /// The ending as it was drawn before, child by child through the stock.
    static func childByChild(
        _ count: Int, among cohorts: [Int], withUnplaced: Bool, in stock: inout PlacementStock,
        random: inout SeededRandom
    ) -> [Int: Int] {
        var entries: [(cohort: Int, provider: Int?, children: Int)] = []
        for cohort in cohorts {
            for (provider, children) in stock.placed[cohort].sorted(by: { $0.key < $1.key }) {
                entries.append((cohort, provider, children))
            }
            if withUnplaced, stock.unplaced[cohort] > 0 { entries.append((cohort, nil, stock.unplaced[cohort])) }
        }
        var total = entries.reduce(0) { $0 + $1.children }
        var taken: [Int: Int] = [:]
        for _ in 0..<min(count, total) {
            var pick = random.next(below: total)
            var index = 0
            while pick >= entries[index].children {
                pick -= entries[index].children
                index += 1
            }
            entries[index].children -= 1
            total -= 1
            if let provider = entries[index].provider {
                stock.leavePlace(entries[index].cohort, provider: provider, children: 1)
            } else {
                stock.removeUnplaced(entries[index].cohort, children: 1)
            }
            taken[entries[index].cohort, default: 0] += 1
        }
        return taken
    }

    @Test(
        "up to the limit, the same children end as child by child, and the generator is left the same",
        arguments: [[0, 1], [0], [1]], [true, false])
    func sameAsChildByChild(cohorts: [Int], withUnplaced: Bool) {
        for count in [0, 1, 2, 5, 9, 10, 13, 16, 22, 40] {
            for seed in UInt64(1)...5 {
                var expectedStock = Self.stock()
                var expectedRandom = SeededRandom(seed: seed)
                let expected = Self.childByChild(
                    count, among: cohorts, withUnplaced: withUnplaced, in: &expectedStock, random: &expectedRandom)
                var stock = Self.stock()
                var random = SeededRandom(seed: seed)
                let taken = stock.endPlacements(count, among: cohorts, withUnplaced: withUnplaced, random: &random)
                #expect(taken == expected, "\(count) children, seed \(seed)")
                #expect(stock == expectedStock, "\(count) children, seed \(seed)")
                #expect(random.next() == expectedRandom.next(), "\(count) children, seed \(seed)")
            }
        }
        // One placement only (cohort 1's waiting children): the draws are skipped, not made.
        var stock = PlacementStock(cohortTypes: [.foster, .foster], capacity: [:])
        stock.addUnplaced(1, children: 30)
        var expectedStock = stock
        var random = SeededRandom(seed: 9)
        var expectedRandom = random
        let expected = Self.childByChild(
            12, among: [0, 1], withUnplaced: true, in: &expectedStock, random: &expectedRandom)
        #expect(stock.endPlacements(12, among: [0, 1], withUnplaced: true, random: &random) == expected)
        #expect(stock == expectedStock)
        #expect(random.next() == expectedRandom.next())
    }

    @Test("above the limit, children end together: as many as asked, none twice, in proportion")
    func manyTogether() {
        let scale = 100_000  // 2.2 million children, 1.1 million placed
        var stock = Self.stock(scale: scale)
        let before = stock
        var random = SeededRandom(seed: 5)
        let count = 1_000_000
        #expect(count > PlacementStock.childByChildLimit)
        let taken = stock.endPlacements(count, among: [0, 1], withUnplaced: true, random: &random)
        #expect(taken.values.reduce(0, +) == count)
        let left = [0, 1].reduce(0) { $0 + stock.children(of: $1) }
        #expect(left == 22 * scale - count)
        for cohort in [0, 1] {
            #expect(stock.children(of: cohort) == before.children(of: cohort) - (taken[cohort] ?? 0))
            let placements = before.placed[cohort].map { ($0.key, $0.value) } + [(-1, before.unplaced[cohort])]
            for (provider, children) in placements {
                let now = provider < 0 ? stock.unplaced[cohort] : stock.placed[cohort][provider] ?? 0
                let ended = children - now
                // Each ends about count / total of its children: sd under 400 here.
                let expected = Double(children) * Double(count) / Double(22 * scale)
                #expect(ended >= 0 && abs(Double(ended) - expected) < 2_500, "cohort \(cohort), provider \(provider)")
            }
        }
        // Every child ends when as many or more are asked for.
        #expect(
            stock.endPlacements(5_000_000, among: [0, 1], withUnplaced: true, random: &random).values.reduce(0, +)
                == left)
        #expect([0, 1].allSatisfy { stock.children(of: $0) == 0 })
    }

    @Test("hypergeometric counts keep to their range, with the distribution's mean and variance")
    func hypergeometric() {
        var random = SeededRandom(seed: 17)
        #expect(ChildDraw.hypergeometric(drawing: 5, marked: 0, among: 10, random: &random) == 0)
        #expect(ChildDraw.hypergeometric(drawing: 5, marked: 10, among: 10, random: &random) == 5)
        #expect(ChildDraw.hypergeometric(drawing: 8, marked: 6, among: 10, random: &random) >= 4)
        for (drawing, marked, population) in [(40, 30, 100), (3, 2, 7), (125_000, 1_000_000, 3_000_000)] {
            let samples = 20_000
            var sum = 0.0
            var squares = 0.0
            for _ in 0..<samples {
                let x = ChildDraw.hypergeometric(drawing: drawing, marked: marked, among: population, random: &random)
                #expect(x >= max(0, drawing - (population - marked)) && x <= min(drawing, marked))
                sum += Double(x)
                squares += Double(x) * Double(x)
            }
            let (n, k, total) = (Double(drawing), Double(marked), Double(population))
            let mean = n * k / total
            let variance = n * (k / total) * (1 - k / total) * (total - n) / (total - 1)
            let sampleMean = sum / Double(samples)
            let sampleVariance = squares / Double(samples) - sampleMean * sampleMean
            // Five standard errors of the mean; the variance within 5%.
            #expect(
                abs(sampleMean - mean) < 5 * (variance / Double(samples)).squareRoot(), "\(drawing) of \(population)")
            #expect(abs(sampleVariance / variance - 1) < 0.05, "\(drawing) of \(population)")
        }
    }
}
