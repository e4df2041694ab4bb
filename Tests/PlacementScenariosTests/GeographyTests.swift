import Foundation
import PlacementScenarios
import TestSupport
import Testing

@Suite("Distances")
struct GeographyTests {
    @Test("one degree along a meridian is 2πR/360 miles")
    func degreeOfLatitude() {
        let miles = Geography.miles(
            from: Coordinate(latitude: 52, longitude: -1), to: Coordinate(latitude: 53, longitude: -1))
        #expect(approximately(miles, 2 * Double.pi * Geography.earthRadiusMiles / 360))
    }

    @Test("London to Manchester is about 163 miles in a straight line")
    func londonManchester() {
        let miles = Geography.miles(
            from: Coordinate(latitude: 51.5074, longitude: -0.1278),
            to: Coordinate(latitude: 53.4808, longitude: -2.2426))
        #expect(abs(miles - 163) < 1.5)
    }

    @Test("the within-authority distance matches a Monte Carlo estimate for the same disc")
    func discExpectation() {
        let area = 115.6  // Manchester, km²
        let radius = (area / Double.pi).squareRoot() / 1.609344
        var random = SeededRandom(seed: 42)
        func point() -> (Double, Double) {
            while true {
                let x = 2 * random.unit() - 1
                let y = 2 * random.unit() - 1
                if x * x + y * y <= 1 { return (x * radius, y * radius) }
            }
        }
        let samples = 200_000
        var total = 0.0
        for _ in 0..<samples {
            let (a, b) = (point(), point())
            total += hypot(a.0 - b.0, a.1 - b.1)
        }
        #expect(
            approximately(
                Geography.expectedMilesWithinDisc(areaSquareKilometres: area), total / Double(samples), tolerance: 0.01)
        )
    }

    @Test("overrides, then the disc within one authority, then centroids")
    func table() throws {
        let scenario = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        let distances = DistanceTable(scenario)
        let oakHouse = try #require(scenario.providers.first { $0.id == "P5" })  // in Southvale
        #expect(distances.miles(from: "T00000001", at: nil, to: oakHouse) == 15)
        var withoutOverrides = scenario
        withoutOverrides.distanceOverrides = [:]
        let plain = DistanceTable(withoutOverrides)
        #expect(
            approximately(
                plain.miles(from: "T00000002", at: nil, to: oakHouse),
                Geography.expectedMilesWithinDisc(areaSquareKilometres: 150)))
        let northtown = scenario.authorities[0].centroid
        let southvale = scenario.authorities[1].centroid
        #expect(
            approximately(
                plain.miles(from: "T00000001", at: nil, to: oakHouse), Geography.miles(from: northtown, to: southvale)))
    }
}
