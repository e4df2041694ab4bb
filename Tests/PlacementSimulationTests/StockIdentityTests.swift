import Testing

@testable import PlacementSimulation

@Suite struct ShareSplittingTests {
    @Test func evenSharesAddUpAndDifferByAtMostOne() {
        #expect(evenShares(10, parts: 4) == [3, 3, 2, 2])
        #expect(evenShares(0, parts: 3) == [0, 0, 0])
    }

    @Test func proportionalSharesUseLargestRemainders() {
        // 7 × (1, 2, 4)/7 = 1, 2, 4 exactly; 5 × (1, 1, 2)/4 = 1.25, 1.25, 2.5 → 1, 1, 3 after the
        // largest remainder (0.5) takes the spare child.
        #expect(proportionalShares(7, weights: [1, 2, 4]) == [1, 2, 4])
        #expect(proportionalShares(5, weights: [1, 1, 2]) == [1, 1, 3])
    }
}
