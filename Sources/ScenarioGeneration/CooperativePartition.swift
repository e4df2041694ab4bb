import Foundation
import PlacementScenarios

/// Splits a region's councils into geographically compact groups of at most `maximumSize`, by
/// recursive bisection: sort along the longer side of the group's bounding box (latitude against
/// longitude scaled by the cosine of the latitude) and cut where the sizes come out in proportion
/// to the number of groups each side will hold.
enum CooperativePartition {
    static func groups(_ authorities: [Authority], maximumSize: Int) -> [[Authority]] {
        let count = (authorities.count + maximumSize - 1) / maximumSize
        return bisect(authorities, into: max(1, count))
    }

    private static func bisect(_ authorities: [Authority], into parts: Int) -> [[Authority]] {
        guard parts > 1, authorities.count > 1 else { return [authorities] }
        let latitudes = authorities.map(\.centroid.latitude)
        let meanLatitude = latitudes.reduce(0, +) / Double(latitudes.count)
        let longitudes = authorities.map(\.centroid.longitude)
        let scale = cos(meanLatitude * .pi / 180)
        let tall = (latitudes.max()! - latitudes.min()!) >= (longitudes.max()! - longitudes.min()!) * scale
        let sorted = authorities.sorted {
            tall
                ? ($0.centroid.latitude, $0.id) > ($1.centroid.latitude, $1.id)
                : ($0.centroid.longitude, $0.id) < ($1.centroid.longitude, $1.id)
        }
        let firstParts = parts / 2
        let cut = Int((Double(sorted.count) * Double(firstParts) / Double(parts)).rounded())
        return bisect(Array(sorted[..<cut]), into: firstParts) + bisect(Array(sorted[cut...]), into: parts - firstParts)
    }
}
