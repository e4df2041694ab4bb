import PlacementScenarios

/// The children a simulated year expects of each authority and placement type, as a factor on the
/// start year's: the product's demand forecast, which a simulation's arrivals follow.
public struct DemandPath: Sendable {
    /// The factor for an authority, a scenario placement type and a simulated year; `nil` keeps the
    /// start's children.
    public var growth: @Sendable (AuthorityCode, PlacementType, Int) -> Double?
    /// Where the path comes from, for the report's notes.
    public var source: String

    public init(source: String, growth: @escaping @Sendable (AuthorityCode, PlacementType, Int) -> Double?) {
        self.source = source
        self.growth = growth
    }
}
