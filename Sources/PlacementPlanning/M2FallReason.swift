import PlacementOptimisation

/// Why a council's M2 falls with a plan, in one wording for the plan report and `--authority`'s
/// section: children who had no place are placed, some out of area (M2 is of the children placed);
/// or the plan's new places free in-house places outside the council's area, onto which the model
/// moves some of its children. Both hold whether or not the plan builds in the council.
enum M2FallReason: Equatable {
    case unplacedNowPlaced
    case movedOntoFreedPlaces

    /// The reason for a council's children measured `before` and `after` the plan.
    init(before: ScopeMetrics, after: ScopeMetrics) {
        self = after.unplaced < before.unplaced ? .unplacedNowPlaced : .movedOntoFreedPlaces
    }

    /// The clause after "M2 falls with the plan for …: ". `plural`: several councils are named.
    func clause(mode: CommissioningMode, plural: Bool) -> String {
        let their = plural ? "their" : "its"
        switch self {
        case .unplacedNowPlaced:
            return "children who had no place are placed, some out of area (M2 is of the children placed)"
        case .movedOntoFreedPlaces:
            return "under \(mode.rawValue) access the plan's new places free in-house places outside \(their) area "
                + "(\(their) own carers who live elsewhere, a partner's), and the model moves some of \(their) "
                + "children onto them, out of area but at an in-house price, which the objective values above an "
                + "agency's place in area"
        }
    }
}
