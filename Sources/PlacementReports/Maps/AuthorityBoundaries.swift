import Foundation
import PlacementScenarios

/// The outlines of England's authorities, for maps: ONS's ultra-generalised boundaries of May 2024
/// dissolved into the 153 upper-tier authorities (`Fixtures/data/england_authority_boundaries.geojson`).
/// They are compiled into the module (`EmbeddedBoundaries.swift`), so every report draws them
/// without a data file to find at run time; they are scenario-independent, and an authority not in
/// them (a synthetic scenario's) is drawn at its centroid only.
public struct AuthorityBoundaries: Sendable {
    /// One authority's outline: its rings (outer boundaries and holes alike), each a closed list of
    /// points. Drawn with the even-odd rule, holes need no marking.
    public struct Outline: Sendable {
        public var rings: [[Coordinate]]

        /// The smallest box holding every ring.
        public var extent: MapExtent {
            MapExtent(rings.flatMap { $0 }) ?? MapExtent(west: 0, east: 0, south: 0, north: 0)
        }
    }

    public var outlines: [AuthorityCode: Outline]

    public init(outlines: [AuthorityCode: Outline]) { self.outlines = outlines }

    /// The credit every map drawn from these outlines carries (the Open Government Licence asks for it).
    public static let attribution =
        "Boundaries: Office for National Statistics, Open Government Licence v3.0; "
        + "contains OS data © Crown copyright and database right 2024."

    /// England's 153 authorities, parsed once on first use.
    public static let england = parse(embeddedEngland)

    /// Reads the embedded text form: `@CODE` starts an authority, `+` a ring, and every other
    /// word is a `longitude,latitude` point. Words that are none of these are skipped.
    static func parse(_ text: String) -> AuthorityBoundaries {
        var outlines: [AuthorityCode: Outline] = [:]
        var code: AuthorityCode?
        var rings: [[Coordinate]] = []
        func finish() {
            if let code { outlines[code] = Outline(rings: rings.filter { $0.count >= 3 }) }
            rings = []
        }
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if word.first == "@" {
                finish()
                code = AuthorityCode(rawValue: String(word.dropFirst()))
            } else if word == "+" {
                rings.append([])
            } else if let comma = word.firstIndex(of: ","),
                let longitude = Double(word[..<comma]), let latitude = Double(word[word.index(after: comma)...]),
                !rings.isEmpty
            {
                rings[rings.count - 1].append(Coordinate(latitude: latitude, longitude: longitude))
            }
        }
        finish()
        return AuthorityBoundaries(outlines: outlines)
    }
}

/// A box of longitudes and latitudes (degrees).
public struct MapExtent: Sendable, Equatable {
    public var west: Double
    public var east: Double
    public var south: Double
    public var north: Double

    public init(west: Double, east: Double, south: Double, north: Double) {
        self.west = west
        self.east = east
        self.south = south
        self.north = north
    }

    /// The box around `points`; `nil` when there are none.
    init?(_ points: [Coordinate]) {
        guard let first = points.first else { return nil }
        self.init(west: first.longitude, east: first.longitude, south: first.latitude, north: first.latitude)
        for point in points.dropFirst() {
            west = min(west, point.longitude)
            east = max(east, point.longitude)
            south = min(south, point.latitude)
            north = max(north, point.latitude)
        }
    }

    func union(_ other: MapExtent) -> MapExtent {
        MapExtent(
            west: min(west, other.west), east: max(east, other.east), south: min(south, other.south),
            north: max(north, other.north))
    }

    func intersects(_ other: MapExtent) -> Bool {
        west <= other.east && other.west <= east && south <= other.north && other.south <= north
    }

    func contains(_ point: Coordinate) -> Bool {
        west <= point.longitude && point.longitude <= east && south <= point.latitude && point.latitude <= north
    }

    /// Widened east and west, or north and south, about its centre until its width (longitude
    /// scaled by the cosine of the middle latitude) over its height is `aspect`.
    func widened(toAspect aspect: Double) -> MapExtent {
        let cosine = cos((north + south) / 2 * Double.pi / 180)
        let width = (east - west) * cosine
        let height = north - south
        guard width > 0, height > 0, cosine > 0 else { return self }
        if width / height < aspect {
            let extra = (aspect * height - width) / cosine / 2
            return MapExtent(west: west - extra, east: east + extra, south: south, north: north)
        }
        let extra = (width / aspect - height) / 2
        return MapExtent(west: west, east: east, south: south - extra, north: north + extra)
    }

    /// Widened on every side by `fraction` of its larger span (at least 0.02 degrees).
    func padded(_ fraction: Double) -> MapExtent {
        let pad = max(max(east - west, north - south) * fraction, 0.02)
        return MapExtent(west: west - pad, east: east + pad, south: south - pad, north: north + pad)
    }
}
