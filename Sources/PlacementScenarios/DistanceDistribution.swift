import Foundation

/// Distances between a child's home and a placement as distributions rather than one figure: homes
/// and placements are spread over each authority's area (a disc of that area), so a share of the
/// placements between two authorities, or inside a large one, lies more than 20 miles away.
public enum DistanceDistribution {
    /// DfE's distance band: more than this many miles from home.
    public static let bandMiles = 20.0
    static let milesPerKilometre = 1 / 1.609344
    /// Points per disc for two different authorities: 16 × 16 pairs, a sunflower lattice.
    static let latticePoints = 16

    /// The radius in miles of a disc with the authority's area.
    public static func radiusMiles(areaSquareKilometres area: Double) -> Double {
        (max(area, 0) / Double.pi).squareRoot() * milesPerKilometre
    }

    /// P(distance ≤ r) for two points drawn uniformly from one disc of radius R (exact):
    /// with s = r/R ≤ 2, 1 + (2/π)·[(s² − 1)·acos(s/2) − (s/2)·(1 + s²/2)·√(1 − s²/4)].
    public static func withinDiscProbability(atMost miles: Double, radius: Double) -> Double {
        guard radius > 0 else { return miles >= 0 ? 1 : 0 }
        let s = miles / radius
        if s <= 0 { return 0 }
        if s >= 2 { return 1 }
        let value =
            1 + (2 / Double.pi) * ((s * s - 1) * acos(s / 2) - (s / 2) * (1 + s * s / 2) * (1 - s * s / 4).squareRoot())
        return min(1, max(0, value))
    }

    /// The share of placements between two authorities (or within one) more than 20 miles apart,
    /// and their mean distance in miles.
    public struct Pair: Sendable, Equatable {
        public var over20MilesShare: Double
        public var meanMiles: Double
    }

    /// Inside one authority: the exact disc distribution, and the disc's mean distance 128·R/(45·π).
    public static func within(_ authority: Authority) -> Pair {
        let radius = radiusMiles(areaSquareKilometres: authority.areaSquareKilometres)
        return Pair(
            over20MilesShare: 1 - withinDiscProbability(atMost: bandMiles, radius: radius),
            meanMiles: 128 * radius / (45 * Double.pi))
    }

    /// Between two authorities: every pair of points of two deterministic sunflower lattices, one
    /// in each disc, placed around the centroids (a local flat projection; the centroid distance is
    /// the great-circle one).
    public static func between(_ home: Authority, _ placement: Authority) -> Pair {
        between(
            home.centroid, areaSquareKilometres: home.areaSquareKilometres, placement.centroid,
            areaSquareKilometres: placement.areaSquareKilometres)
    }

    /// The same, for two discs given by centroid and area.
    public static func between(
        _ homeCentroid: Coordinate, areaSquareKilometres homeArea: Double, _ placementCentroid: Coordinate,
        areaSquareKilometres placementArea: Double
    ) -> Pair {
        let centroidMiles = Geography.miles(from: homeCentroid, to: placementCentroid)
        let homeRadius = radiusMiles(areaSquareKilometres: homeArea)
        let placementRadius = radiusMiles(areaSquareKilometres: placementArea)
        // Direction of the placement from home in a local east–north plane.
        let radians = Double.pi / 180
        let meanLatitude = (homeCentroid.latitude + placementCentroid.latitude) / 2 * radians
        var east = (placementCentroid.longitude - homeCentroid.longitude) * cos(meanLatitude)
        var north = placementCentroid.latitude - homeCentroid.latitude
        let length = (east * east + north * north).squareRoot()
        if length > 0 {
            east = east / length * centroidMiles
            north = north / length * centroidMiles
        } else {
            east = centroidMiles
            north = 0
        }
        if centroidMiles - homeRadius - placementRadius > bandMiles {
            return Pair(over20MilesShare: 1, meanMiles: centroidMiles)
        }
        let homePoints = lattice(radius: homeRadius, turn: 0)
        let placementPoints = lattice(radius: placementRadius, turn: 0.5)
        var over = 0
        var total = 0.0
        for h in homePoints {
            for p in placementPoints {
                let dx = east + p.x - h.x
                let dy = north + p.y - h.y
                let miles = (dx * dx + dy * dy).squareRoot()
                total += miles
                if miles > bandMiles { over += 1 }
            }
        }
        let count = Double(homePoints.count * placementPoints.count)
        return Pair(over20MilesShare: Double(over) / count, meanMiles: total / count)
    }

    /// `latticePoints` points spread evenly over a disc (Vogel's sunflower: radius √((i + ½)/n),
    /// angle i times the golden angle), turned by a fraction of the golden angle so two discs do not align.
    static func lattice(radius: Double, turn: Double) -> [(x: Double, y: Double)] {
        let golden = Double.pi * (3 - 5.0.squareRoot())
        let n = latticePoints
        return (0..<n).map { index in
            let r = radius * ((Double(index) + 0.5) / Double(n)).squareRoot()
            let angle = (Double(index) + turn) * golden
            return (r * cos(angle), r * sin(angle))
        }
    }
}
