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
///
/// Authorities are numbered in the scenario's order; the optimiser asks by number, so that listing a
/// million pairs hashes no strings and computes each pair of centroids' distance once.
public struct DistanceTable: Sendable {
    /// Each authority's number.
    package let index: [AuthorityCode: Int]
    private let centroids: [Coordinate]
    private let withinAuthority: [Double]
    private let areas: [Double]
    /// The scenario's within-20-miles shares by pair (`from * count + to`).
    private let within20MilesShares: [Int: Double]
    private let overrides: [Int: Double]
    /// Centroid to centroid, row by row (`from * count + to`).
    private let betweenCentroids: [Double]

    public init(_ scenario: Scenario) {
        var index: [AuthorityCode: Int] = [:]
        for authority in scenario.authorities where index[authority.id] == nil {
            index[authority.id] = index.count
        }
        let authorities = scenario.authorities.filter { index[$0.id] != nil }
        let count = authorities.count
        self.index = index
        centroids = authorities.map(\.centroid)
        withinAuthority = authorities.map {
            Geography.expectedMilesWithinDisc(areaSquareKilometres: $0.areaSquareKilometres)
        }
        areas = authorities.map(\.areaSquareKilometres)
        var shares: [Int: Double] = [:]
        for (pair, share) in scenario.within20MilesShares {
            guard let from = index[pair.from], let to = index[pair.to] else { continue }
            shares[from * count + to] = share
        }
        within20MilesShares = shares
        var overrides: [Int: Double] = [:]
        for (pair, miles) in scenario.distanceOverrides {
            guard let from = index[pair.from], let to = index[pair.to] else { continue }
            overrides[from * count + to] = miles
        }
        self.overrides = overrides
        var between = [Double](repeating: 0, count: count * count)
        for from in 0..<count {
            for to in (from + 1)..<max(from + 1, count) {
                let miles = Geography.miles(from: authorities[from].centroid, to: authorities[to].centroid)
                between[from * count + to] = miles
                between[to * count + from] = miles
            }
        }
        betweenCentroids = between
    }

    /// Exact coordinates on both sides give the straight line; otherwise an override for the pair of
    /// authorities, else the expected distance within the authority's disc when both are in the same
    /// authority, else the straight line between what is known (coordinates or centroids).
    public func miles(from home: AuthorityCode, at homeLocation: Coordinate?, to provider: Provider) -> Double {
        guard let homeIndex = index[home], let providerIndex = index[provider.authority] else {
            guard let homeLocation, let location = provider.location else { return .nan }
            return Geography.miles(from: homeLocation, to: location)
        }
        return miles(from: homeIndex, at: homeLocation, to: providerIndex, at: provider.location)
    }

    /// The same, by authority number.
    package func miles(from home: Int, at homeLocation: Coordinate?, to authority: Int, at location: Coordinate?)
        -> Double
    {
        if let homeLocation, let location { return Geography.miles(from: homeLocation, to: location) }
        let pair = home * centroids.count + authority
        if !overrides.isEmpty, let override = overrides[pair] { return override }
        if home == authority { return withinAuthority[home] }
        if homeLocation == nil && location == nil { return betweenCentroids[pair] }
        return Geography.miles(from: homeLocation ?? centroids[home], to: location ?? centroids[authority])
    }

    /// The share of such placements at most 20 miles from home, DfE's distance band. An exact
    /// coordinate on either side, or a distance override, gives one distance, in the band or not.
    /// Between authorities known only by centroid and area: the scenario's share for the pair where
    /// it has one (today's market: the calibrated allocation's), else homes and places spread over
    /// each authority's disc (``DistanceDistribution``), so a large county's in-area placements are
    /// partly over 20 miles, never all or none of them.
    public func within20MilesShare(from home: AuthorityCode, at homeLocation: Coordinate?, to provider: Provider)
        -> Double
    {
        guard let homeIndex = index[home], let providerIndex = index[provider.authority],
            homeLocation == nil, provider.location == nil, !hasOverride(from: homeIndex, to: providerIndex)
        else {
            let miles = miles(from: home, at: homeLocation, to: provider)
            return miles <= DistanceDistribution.bandMiles ? 1 : 0
        }
        if let share = within20MilesShares[homeIndex * centroids.count + providerIndex] { return share }
        if homeIndex == providerIndex {
            let radius = DistanceDistribution.radiusMiles(areaSquareKilometres: areas[homeIndex])
            return DistanceDistribution.withinDiscProbability(atMost: DistanceDistribution.bandMiles, radius: radius)
        }
        let pair = DistanceDistribution.between(
            centroids[homeIndex], areaSquareKilometres: areas[homeIndex], centroids[providerIndex],
            areaSquareKilometres: areas[providerIndex])
        return 1 - pair.over20MilesShare
    }

    /// The number of authorities.
    package var authorityCount: Int { centroids.count }

    /// Centroid to centroid, by number.
    package func milesBetweenCentroids(_ from: Int, _ to: Int) -> Double {
        betweenCentroids[from * centroids.count + to]
    }

    /// Miles from an authority's centroid to a point.
    package func milesFromCentroid(_ authority: Int, to point: Coordinate) -> Double {
        Geography.miles(from: centroids[authority], to: point)
    }

    /// Whether the scenario overrides the distance from one authority to another.
    package func hasOverride(from: Int, to: Int) -> Bool { overrides[from * centroids.count + to] != nil }
}
