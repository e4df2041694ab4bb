/// A point on the earth in WGS84 degrees.
public struct Coordinate: Hashable, Sendable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// A local authority with children's services (a council), identified by its GSS code.
public struct Authority: Hashable, Sendable, Identifiable {
    /// GSS code, e.g. `E08000003` (Manchester).
    public var id: AuthorityCode
    public var name: String
    public var region: String
    /// Geometric centroid.
    public var centroid: Coordinate
    public var areaSquareKilometres: Double
    /// The areas a scenario accepts: the City of London's 2.9 km² and North Yorkshire's 8,000 km² are
    /// England's extremes, so the range leaves room for synthetic scenarios without admitting nonsense.
    public static let areaRange = 0.01...1_000_000.0
    /// Children aged 0–17, when known.
    public var childPopulation: Int?

    public init(
        id: AuthorityCode, name: String, region: String, centroid: Coordinate, areaSquareKilometres: Double,
        childPopulation: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.region = region
        self.centroid = centroid
        self.areaSquareKilometres = areaSquareKilometres
        self.childPopulation = childPopulation
    }
}

/// A regional care co-operative: councils that commission together. A council is in at most one.
public struct Cooperative: Hashable, Sendable, Identifiable {
    public var id: CooperativeID
    public var name: String
    /// Member authorities' GSS codes, in file order.
    public var members: [AuthorityCode]

    public init(id: CooperativeID, name: String, members: [AuthorityCode]) {
        self.id = id
        self.name = name
        self.members = members
    }
}
