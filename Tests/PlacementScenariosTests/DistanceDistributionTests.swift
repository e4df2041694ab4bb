import Foundation
import PlacementScenarios
import Testing

/// Distances as distributions, checked against seeded Monte Carlo samples drawn independently of
/// the lattice the model uses.
@Suite("Distance distributions")
struct DistanceDistributionTests {
    /// A uniform point in a disc of `radius`, by rejection from the square.
    static func point(_ random: inout SeededRandom, radius: Double) -> (Double, Double) {
        while true {
            let x = (Double(random.next() % 1_000_000) / 1_000_000 * 2 - 1) * radius
            let y = (Double(random.next() % 1_000_000) / 1_000_000 * 2 - 1) * radius
            if x * x + y * y <= radius * radius { return (x, y) }
        }
    }

    @Test(arguments: [5.0, 12.0, 25.0])
    func withinDiscMatchesSampling(radius: Double) {
        var random = SeededRandom(seed: 7)
        let samples = 100_000
        var over = 0
        for _ in 0..<samples {
            let a = Self.point(&random, radius: radius)
            let b = Self.point(&random, radius: radius)
            if ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)).squareRoot() > 20 { over += 1 }
        }
        let exact = 1 - DistanceDistribution.withinDiscProbability(atMost: 20, radius: radius)
        #expect(abs(exact - Double(over) / Double(samples)) < 0.01)
    }

    /// Known values: nothing beyond the diameter; half the mean distance 128R/(45π) ≈ 0.905R… and
    /// at s = 1, P = 1 + (2/π)(0 − ½·1.5·√0.75) ≈ 0.5865.
    @Test func knownValues() {
        #expect(DistanceDistribution.withinDiscProbability(atMost: 20, radius: 9.99) == 1)
        #expect(abs(DistanceDistribution.withinDiscProbability(atMost: 1, radius: 1) - 0.586503) < 1e-5)
    }

    /// Northumberland (5,020 km², radius 24.8 miles: 57% by the formula) has a share of in-area pairs over 20 miles,
    /// neither none nor all.
    @Test func largeCountyHasAShareOver20Miles() {
        let county = Authority(
            id: "E06000057", name: "Northumberland", region: "North East",
            centroid: Coordinate(latitude: 55.2, longitude: -2.0), areaSquareKilometres: 5_020)
        let share = DistanceDistribution.within(county).over20MilesShare
        #expect(share > 0.3 && share < 0.7)
    }

    @Test func betweenMatchesSampling() {
        let home = Authority(
            id: "A", name: "A", region: "R", centroid: Coordinate(latitude: 53.5, longitude: -2.25),
            areaSquareKilometres: 1_500)
        let placement = Authority(
            id: "B", name: "B", region: "R", centroid: Coordinate(latitude: 53.3, longitude: -2.25),
            areaSquareKilometres: 2_000)
        let centre = Geography.miles(from: home.centroid, to: placement.centroid)
        let homeRadius = DistanceDistribution.radiusMiles(areaSquareKilometres: 1_500)
        let placementRadius = DistanceDistribution.radiusMiles(areaSquareKilometres: 2_000)
        var random = SeededRandom(seed: 11)
        let samples = 100_000
        var over = 0
        for _ in 0..<samples {
            let a = Self.point(&random, radius: homeRadius)
            let b = Self.point(&random, radius: placementRadius)
            let dx = b.0 - a.0
            let dy = centre + b.1 - a.1
            if (dx * dx + dy * dy).squareRoot() > 20 { over += 1 }
        }
        let lattice = DistanceDistribution.between(home, placement).over20MilesShare
        #expect(abs(lattice - Double(over) / Double(samples)) < 0.03)
    }
}
