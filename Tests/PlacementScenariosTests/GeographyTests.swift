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

    @Test("the share within 20 miles: an override is one distance, a given share wins, else the discs")
    func within20MilesShare() throws {
        var scenario = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        let oakHouse = try #require(scenario.providers.first { $0.id == "P5" })  // in Southvale
        // tiny overrides Northtown → Southvale at 15 miles: within the band, wholly.
        #expect(DistanceTable(scenario).within20MilesShare(from: "T00000001", at: nil, to: oakHouse) == 1)
        scenario.distanceOverrides = [:]
        // Inside a county of 5,020 km² (Northumberland's; radius 24.8 miles) DfE's band holds the
        // exact disc share, neither all nor none of the placements.
        scenario.authorities[1].areaSquareKilometres = 5_020
        let radius = DistanceDistribution.radiusMiles(areaSquareKilometres: 5_020)
        let inside = DistanceTable(scenario).within20MilesShare(from: "T00000002", at: nil, to: oakHouse)
        #expect(approximately(inside, DistanceDistribution.withinDiscProbability(atMost: 20, radius: radius)))
        #expect(inside > 0.3 && inside < 0.6)
        // A share the scenario gives for the pair (today's market: the calibration's) is used as it is.
        scenario.within20MilesShares[AuthorityPair(from: "T00000002", to: "T00000002")] = 0.7
        #expect(DistanceTable(scenario).within20MilesShare(from: "T00000002", at: nil, to: oakHouse) == 0.7)
        // An exact home gives one distance, in the band or not: to a place somewhere in the county, the
        // disc's mean distance, 22.5 miles.
        let home = scenario.authorities[1].centroid
        #expect(DistanceTable(scenario).miles(from: "T00000002", at: home, to: oakHouse) > 20)
        #expect(DistanceTable(scenario).within20MilesShare(from: "T00000002", at: home, to: oakHouse) == 0)
    }
}
