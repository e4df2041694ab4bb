import Foundation

/// Straight-line distances in miles, as DfE measures placement distance.
public enum Geography {
    /// The mean radius of the earth (IUGG), in miles.
    public static let earthRadiusMiles = 3958.7613
    static let milesPerKilometre = 1 / 1.609344

    /// Great-circle distance by the haversine formula.
    public static func miles(from a: Coordinate, to b: Coordinate) -> Double {
        let radians = Double.pi / 180
        let dLatitude = (b.latitude - a.latitude) * radians
        let dLongitude = (b.longitude - a.longitude) * radians
        let h =
            sin(dLatitude / 2) * sin(dLatitude / 2)
            + cos(a.latitude * radians) * cos(b.latitude * radians) * sin(dLongitude / 2) * sin(dLongitude / 2)
        return 2 * earthRadiusMiles * asin(min(1, sqrt(h)))
    }

    /// The mean distance between two points drawn uniformly from a disc of the given area:
    /// 128·R / (45·π) for radius R. Used for a placement inside the child's own authority when
    /// neither address is known, instead of zero.
    public static func expectedMilesWithinDisc(areaSquareKilometres area: Double) -> Double {
        let radius = (area / Double.pi).squareRoot() * milesPerKilometre
        return 128 * radius / (45 * Double.pi)
    }
}

/// Miles between a child's home and a provider, from exact locations where the scenario has them,
/// the scenario's distance overrides, or authority centroids and areas.
public struct DistanceTable: Sendable {
    private let authorities: [AuthorityCode: Authority]
    private let overrides: [AuthorityPair: Double]

    public init(_ scenario: Scenario) {
        authorities = Dictionary(uniqueKeysWithValues: scenario.authorities.map { ($0.id, $0) })
        overrides = scenario.distanceOverrides
    }

    /// Exact coordinates on both sides give the straight line; otherwise an override for the pair of
    /// authorities, else the expected distance within the authority's disc when both are in the same
    /// authority, else the straight line between what is known (coordinates or centroids).
    public func miles(from home: AuthorityCode, at homeLocation: Coordinate?, to provider: Provider) -> Double {
        if let homeLocation, let location = provider.location {
            return Geography.miles(from: homeLocation, to: location)
        }
        if let override = overrides[AuthorityPair(from: home, to: provider.authority)] { return override }
        guard let homeArea = authorities[home], let providerArea = authorities[provider.authority] else { return .nan }
        if home == provider.authority {
            return Geography.expectedMilesWithinDisc(areaSquareKilometres: homeArea.areaSquareKilometres)
        }
        return Geography.miles(from: homeLocation ?? homeArea.centroid, to: provider.location ?? providerArea.centroid)
    }
}
