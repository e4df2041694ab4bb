import PlacementScenarios

/// The home authority and placement type a flow is counted for.
public struct FlowKey: Hashable, Sendable, Comparable {
    public var authority: AuthorityCode
    public var placementType: PlacementType

    public init(authority: AuthorityCode, placementType: PlacementType) {
        self.authority = authority
        self.placementType = placementType
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.authority, lhs.placementType.rawValue) < (rhs.authority, rhs.placementType.rawValue)
    }
}

/// What happens to one authority's children of one placement type during a year.
public struct FlowCounts: Sendable, Equatable {
    /// Children starting to be looked after who need a placement of the type.
    public var arrivals = 0
    /// Children who stop being looked after.
    public var leavers = 0
    /// Children whose placement ends while they stay looked after: they need a new placement.
    public var moves = 0

    public init(arrivals: Int = 0, leavers: Int = 0, moves: Int = 0) {
        self.arrivals = arrivals
        self.leavers = leavers
        self.moves = moves
    }
}

/// The flows of every simulated year, and the places opening or closing at the start of a year.
public struct SimulationFlows: Sendable, Equatable {
    public var years: [Int: [FlowKey: FlowCounts]]
    public var placeChanges: [Int: [FlowTables.PlaceChange]]
    /// Where the flows come from, for the report's notes.
    public var source: String

    public init(
        years: [Int: [FlowKey: FlowCounts]], placeChanges: [Int: [FlowTables.PlaceChange]] = [:], source: String
    ) {
        self.years = years
        self.placeChanges = placeChanges
        self.source = source
    }
}
