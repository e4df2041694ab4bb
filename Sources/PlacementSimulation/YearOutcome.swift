import PlacementOptimisation
import PlacementScenarios

/// The children of one home authority and placement type through a year, counted so that no child
/// is lost or counted twice: `end == start + arrivals − leavers`.
public struct FlowLedger: Sendable, Equatable {
    public var start = 0
    public var arrivals = 0
    public var leavers = 0
    /// Placements that ended while the child stayed looked after (the child was placed again).
    public var moves = 0
    public var end = 0

    public init() {}

    public var balances: Bool { end == start + arrivals - leavers }
}

/// One mode's stock at the end of one year (or at the start of the first).
public struct YearOutcome: Sendable {
    public var year: Int
    public var metrics: ModeMetrics
    /// The stock's weekly objective: the optimiser's cost of every placement, the penalty for every
    /// child without a place.
    public var objective: Double
    /// Vacant usable places by provider sector and placement type.
    public var vacancies: [Sector: [PlacementType: Int]]
    /// Children in each planned build's places (`plan-…` providers, open or closing); empty without a plan.
    public var plannedPlacesHeld: [ProviderID: Int]
    /// Per home authority and placement type; empty for the starting year.
    public var ledger: [FlowKey: FlowLedger]
    /// Batches whose solve stopped at a limit before proving optimality.
    public var batchesStoppedEarly: Int
    /// Children without a place at the year's end, by placement type and needs: which children a
    /// shortfall falls on (a child with a need may use only providers offering it).
    public var unplacedByKind: [UnplacedKind: Int] = [:]
}

/// A kind of child without a place: its placement type and needs.
public struct UnplacedKind: Hashable, Sendable, Comparable {
    public var placementType: PlacementType
    /// Sorted, so that one set of needs is one kind.
    public var needs: [Requirement]

    public static func < (a: UnplacedKind, b: UnplacedKind) -> Bool {
        (a.placementType, a.needs.map(\.rawValue).joined(separator: ",")) < (
            b.placementType, b.needs.map(\.rawValue).joined(separator: ",")
        )
    }
}

/// One mode's years, for one draw.
public struct Trajectory: Sendable {
    public var mode: SimulatedMode
    public var seed: UInt64
    /// The starting year first.
    public var years: [YearOutcome]
}
