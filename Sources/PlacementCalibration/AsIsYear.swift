import PlacementScenarios

/// What the as-is model is given for one year: the authorities, each authority's published figures
/// (its children by placement group are the demand; the rest are fitting targets when calibrating
/// and are not read when predicting), and the residential places located in each.
public struct AsIsYear: Sendable {
    public var year: Int
    public var authorities: [Authority]
    /// Per authority, in the order of `authorities`.
    public var figures: [PublishedPlacementFigures]
    /// Per authority, in the order of `authorities`.
    public var places: [ResidentialPlaces]
    /// England's published figures, when known (for the England totals check).
    public var england: PublishedPlacementFigures?

    public init(
        year: Int, authorities: [Authority], figures: [PublishedPlacementFigures], places: [ResidentialPlaces],
        england: PublishedPlacementFigures? = nil
    ) {
        precondition(figures.count == authorities.count && places.count == authorities.count)
        self.year = year
        self.authorities = authorities
        self.figures = figures
        self.places = places
        self.england = england
    }

    /// Only what a planner knows at the start of the year and what is not a measure: children by
    /// placement group and registered places. Every published placement pattern (locality, distance,
    /// providers, other councils' children) is removed, so a prediction cannot read it.
    public var inputsOnly: AsIsYear {
        var copy = self
        copy.figures = figures.map { published in
            var demand = PublishedPlacementFigures()
            demand.total = published.total
            demand.placements = published.placements
            return demand
        }
        copy.england = nil
        return copy
    }
}

extension OfficialPlacementData {
    /// Every authority's figures and places for `year`, or `nil` when the year is not published.
    public func year(_ year: Int) -> AsIsYear? {
        guard let byCode = figures[year] else { return nil }
        return AsIsYear(
            year: year, authorities: authorities,
            figures: authorities.map { byCode[$0.id] ?? PublishedPlacementFigures() },
            places: authorities.map { places[year]?[$0.id] ?? ResidentialPlaces() },
            england: byCode[OfficialTables.englandCode])
    }
}
