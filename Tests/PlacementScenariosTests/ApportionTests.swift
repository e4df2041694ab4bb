import PlacementScenarios
import Testing

@Suite("Splitting a count into whole parts")
struct ApportionTests {
    @Test func evenPartsAddUpAndDifferByAtMostOne() {
        #expect(Apportion.evenly(10, parts: 4) == [3, 3, 2, 2])
        #expect(Apportion.evenly(0, parts: 3) == [0, 0, 0])
        #expect(Apportion.evenly(5, parts: 0) == [])
    }

    @Test func proportionalPartsUseLargestRemainders() {
        // 7 × (1, 2, 4)/7 = 1, 2, 4 exactly; 5 × (1, 1, 2)/4 = 1.25, 1.25, 2.5 → 1, 1, 3 after the
        // largest remainder (0.5) takes the spare child; 2 × (1, 1, 1)/3: equal remainders, earlier first.
        #expect(Apportion.split(7, weights: [1, 2, 4]) == [1, 2, 4])
        #expect(Apportion.split(5, weights: [1, 1, 2]) == [1, 1, 3])
        #expect(Apportion.split(2, weights: [1, 1, 1]) == [1, 1, 0])
    }

    /// With no positive weight the count still adds up: the first part takes it.
    @Test func allZeroWeightsKeepTheCount() {
        #expect(Apportion.split(3, weights: [0, 0, 0]) == [3, 0, 0])
        #expect(Apportion.split(0, weights: [0, 0]) == [0, 0])
        #expect(Apportion.split(3, weights: []) == [])
    }

    /// An infinite weight (weights are derived from input) neither traps nor loses the count.
    @Test func infiniteWeightsKeepTheCount() {
        #expect(Apportion.split(4, weights: [.infinity, 1]) == [4, 0])
    }
}
