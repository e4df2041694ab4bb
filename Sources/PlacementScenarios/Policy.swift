/// The commissioning policy: objective weights and admissibility rules. Every weight is in pounds
/// per child per week, so the objective reads as a weekly cost.
public struct Policy: Sendable, Equatable {
    /// Multiplies the weekly price.
    public var priceWeight = 1.0
    /// Added per mile between home and placement (a proxy for travel, contact and disruption).
    public var costPerMile = 10.0
    /// Added when a child is placed outside their home authority's area.
    public var outOfAreaPenalty = 250.0
    /// Subtracted when the placement is run by a local authority.
    public var localAuthorityPreference = 100.0
    /// Added per child left unplaced: far above any price, so a child is unplaced only when no
    /// admissible place is left.
    public var unplacedPenalty = 100_000.0
    /// Providers judged below this by Ofsted are not used.
    public var minimumRating = OfstedRating.requiresImprovement

    /// Added per child-week to a child's staying with the provider their records name below the Ofsted
    /// floor (the only placement below it): a quarter of the unplaced penalty, far above any real
    /// price difference, so a place meeting the floor is chosen when one is in reach, and still
    /// better than no placement. Under half the penalty, so a place that moves such a child is never
    /// taken for one that places a child who had none.
    public var belowFloorSurcharge: Double { unplacedPenalty / 4 }
    /// Longest admissible distance per placement type, in miles; types not listed use `defaultMaximumDistance`.
    public var maximumDistanceMiles: [PlacementType: Double] = [:]
    /// Longest admissible distance for types without their own; `nil` for no limit.
    public var defaultMaximumDistance: Double?
    /// Whether children with a current provider stay there (consuming its places).
    public var keepExistingPlacements = false
    /// Whether, in `council` mode, a council may buy another council's in-house places.
    public var otherCouncilsInHousePlaces = false
    /// Added to the price of another council's in-house place.
    public var otherCouncilInHousePremium = 0.0
    /// Operating margin of private providers per placement type, for profit estimates; types not
    /// listed use `defaultMarketMargin`.
    public var marketMargins: [PlacementType: Double] = [.childrensHome: 0.226, .foster: 0.19, .kinship: 0.19]
    public var defaultMarketMargin = 0.15
    /// Seeds the order in which competing councils buy from the market in `council` mode.
    public var councilOrderSeed: UInt64 = 1

    public init() {}

    /// The ranges a scenario's policy values must lie in. They keep every objective coefficient, and
    /// every objective summed over the most children a scenario may hold, finite and exact enough for
    /// GLPK, and small enough to print as whole pounds.
    public enum Bounds {
        /// £ per child-week: penalties, preferences and premiums.
        public static let money: ClosedRange<Double> = 0...1_000_000_000
        /// £ per child-week per mile.
        public static let costPerMile: ClosedRange<Double> = 0...1_000_000
        /// Multiplier of the weekly price.
        public static let weight: ClosedRange<Double> = 0...1_000
        /// Miles; more than any distance on earth.
        public static let distance: ClosedRange<Double> = 0...25_000
        /// A share of the price.
        public static let margin: ClosedRange<Double> = 0...1
        /// Whole numbers up to 2^53, all exactly representable as the YAML number they are read from.
        public static let seed: ClosedRange<Double> = 0...9_007_199_254_740_992
    }

    /// The longest admissible distance for a placement type, if any.
    public func maximumDistance(for type: PlacementType) -> Double? {
        maximumDistanceMiles[type] ?? defaultMaximumDistance
    }

    public func marketMargin(for type: PlacementType) -> Double {
        marketMargins[type] ?? defaultMarketMargin
    }
}
