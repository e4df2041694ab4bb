import PlacementScenarios

/// Two test authorities, A (T00000001) and B (T00000002), of 50 km² each, B north of A: the region
/// of the hand-worked cases that need a council and its neighbour.
public enum TwoAuthorities {
    public static let a = AuthorityCode("T00000001")
    public static let b = AuthorityCode("T00000002")

    /// A and B, B `degreesNorth` of A.
    public static func authorities(degreesNorth: Double) -> [Authority] {
        [a, b].enumerated().map { index, code in
            Authority(
                id: code, name: index == 0 ? "A" : "B", region: "Test",
                centroid: Coordinate(latitude: 53 + Double(index) * degreesNorth, longitude: -2),
                areaSquareKilometres: 50)
        }
    }

    /// Miles `inside` one authority and `between` the two, as distance overrides.
    public static func distances(inside: Double, between: Double) -> [AuthorityPair: Double] {
        var distances: [AuthorityPair: Double] = [:]
        for from in [a, b] {
            for to in [a, b] { distances[AuthorityPair(from: from, to: to)] = from == to ? inside : between }
        }
        return distances
    }
}
