import Foundation

/// Catches coordinates that cannot be right for their authority, such as latitude and longitude
/// written the wrong way round (a Manchester home at 53° E, 2° S would put placements 4,800 miles
/// away without a word).
enum LocationCheck {
    /// How far past an authority's own size a location may lie before it is questioned: three radii
    /// of a disc of the authority's area plus this many miles (North Yorkshire, the largest, allows
    /// about 115 miles; Manchester about 30).
    static let slackMiles = 20.0

    /// How far an authority's centroid may lie from the middle of the scenario's others: England is
    /// about 400 miles from end to end, so none of its councils comes near.
    static let strayCentroidMiles = 500.0

    /// For each authority, why its centroid looks wrong: over ``strayCentroidMiles`` from the
    /// median latitude and longitude of the others (with at least three authorities), or nil.
    static func strayCentroids(_ authorities: [Authority]) -> [String?] {
        guard authorities.count >= 3 else { return authorities.map { _ in nil } }
        let middle = Coordinate(
            latitude: Median.of(authorities.map(\.centroid.latitude)) ?? 0,
            longitude: Median.of(authorities.map(\.centroid.longitude)) ?? 0)
        return authorities.map { authority in
            let centroid = authority.centroid
            let miles = Geography.miles(from: middle, to: centroid)
            guard miles > strayCentroidMiles else { return nil }
            var message =
                "(\(centroid.latitude), \(centroid.longitude)) lies \(String(format: "%.0f", miles)) miles from the "
                + "middle of the other authorities"
            let swapped = Coordinate(latitude: centroid.longitude, longitude: centroid.latitude)
            if abs(centroid.longitude) <= 90, Geography.miles(from: middle, to: swapped) <= strayCentroidMiles {
                message += "; latitude and longitude look swapped"
            }
            return message + "; distances from it will be wrong"
        }
    }

    /// Why `location` cannot be in `authority`, or nil when it may be.
    static func problem(_ location: Coordinate, in authority: Authority) -> String? {
        let radius = (authority.areaSquareKilometres / Double.pi).squareRoot() / 1.609344
        let limit = 3 * radius + slackMiles
        let miles = Geography.miles(from: authority.centroid, to: location)
        guard miles > limit else { return nil }
        var message =
            "(\(location.latitude), \(location.longitude)) lies \(String(format: "%.0f", miles)) miles from "
            + "\(authority.name)'s centroid, far outside its area (more than \(String(format: "%.0f", limit)) miles)"
        let swapped = Coordinate(latitude: location.longitude, longitude: location.latitude)
        if abs(location.longitude) <= 90, Geography.miles(from: authority.centroid, to: swapped) <= limit {
            message += "; latitude and longitude look swapped"
        }
        return message + "; distances from it will be wrong"
    }
}
