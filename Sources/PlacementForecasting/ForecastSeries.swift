import PlacementReports
import PlacementScenarios

/// What is forecast: children looked after in total, of one placement type, or unaccompanied
/// asylum-seeking children.
public enum ForecastSeries: Hashable, Sendable, Comparable {
    case total
    case type(PlacementType)
    case uasc

    /// Every series, in output order.
    public static let all: [ForecastSeries] = [.total] + ForecastCategories.types.map { .type($0) } + [.uasc]

    /// The key in JSON and CSV: `total`, a placement type's raw value, or `uasc`.
    public var key: String {
        switch self {
        case .total: "total"
        case .type(let type): type.rawValue
        case .uasc: "uasc"
        }
    }

    public var label: String {
        switch self {
        case .total: "All children looked after"
        case .type(let type): DemandOutlook.label(of: type)
        case .uasc: "Unaccompanied asylum-seeking children"
        }
    }

    public static func < (lhs: ForecastSeries, rhs: ForecastSeries) -> Bool {
        (all.firstIndex(of: lhs) ?? 0) < (all.firstIndex(of: rhs) ?? 0)
    }
}
