import PlacementOptimisation

/// How new placements are made in a simulated year: as councils make them today (the calibrated
/// as-is behaviour), or by a commissioning mode solving each batch of arrivals.
public enum SimulatedMode: Hashable, Sendable, Comparable, CaseIterable {
    case asIs
    case optimised(CommissioningMode)

    public static var allCases: [SimulatedMode] { [.asIs] + CommissioningMode.allCases.map(Self.optimised) }

    /// The name used on the command line and in reports.
    public var name: String {
        switch self {
        case .asIs: "as-is"
        case .optimised(let mode): mode.rawValue
        }
    }

    public init?(name: String) {
        if name == "as-is" {
            self = .asIs
        } else if let mode = CommissioningMode(rawValue: name) {
            self = .optimised(mode)
        } else {
            return nil
        }
    }

    /// How long a run takes against the others (England, measured): the more a batch's model
    /// joins, the longer; as-is solves nothing.
    var relativeCost: Int {
        switch self {
        case .asIs: 0
        case .optimised(.councilCoordinated): 1
        case .optimised(.council): 2
        case .optimised(.regional): 3
        case .optimised(.national): 4
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
