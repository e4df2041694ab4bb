import Testing

@testable import PlacementSimulation

@Suite("A measure's spread across draws")
struct BandTests {
    /// Twenty draws of 0.6 summed to 11.999999999999998, a mean below every draw.
    @Test("the mean of equal draws is the draws' value, exactly")
    func equalDraws() throws {
        let band = try #require(Band(Array(repeating: 0.6, count: 20)))
        #expect(band.mean == 0.6)
        #expect(band.p10 == 0.6)
        #expect(band.p90 == 0.6)
    }

    /// By hand: 1…10, the 10th percentile at position 0.9 (1.9), the 90th at 8.1 (9.1).
    @Test("percentiles interpolate between order statistics")
    func interpolated() throws {
        let band = try #require(Band([10, 3, 1, 2, 4, 5, 6, 7, 8, 9]))
        #expect(band.mean == 5.5)
        #expect(abs(band.p10 - 1.9) < 1e-12)
        #expect(abs(band.p90 - 9.1) < 1e-12)
        #expect(Band([]) == nil)
    }
}
