import PlacementOptimisation
import PlacementScenarios

/// A measure reported over draws, read from one scope's metrics.
public enum DrawMeasure: String, CaseIterable, Sendable {
    case children
    case placed
    case unplaced
    case outOfArea = "out_of_area"
    case over20Miles = "over_20_miles"
    case m1OwnShare = "m1_own_la_run_share"
    case m1Share = "m1_la_run_share"
    case m2Share = "m2_in_area_share"
    case within20MilesShare = "within_20_miles_share"
    case meanDistance = "mean_distance_miles"
    case weeklyCost = "weekly_cost"
    case externalSpend = "external_weekly_spend"
    case profit = "estimated_weekly_profit"

    public var label: String {
        switch self {
        case .children: "Children needing a placement"
        case .placed: "Placed"
        case .unplaced: "Unplaced"
        case .outOfArea: "Placed out of area"
        case .over20Miles: "Placed over 20 miles away"
        case .m1OwnShare: "M1: own council's provision"
        case .m1Share: "M1: any council's provision"
        case .m2Share: "M2: in area"
        case .within20MilesShare: "Within 20 miles"
        case .meanDistance: "Mean distance (miles)"
        case .weeklyCost: "Weekly cost"
        case .externalSpend: "External spend a week"
        case .profit: "Estimated provider profit a week"
        }
    }

    public var style: ReportValue.NumberStyle {
        switch self {
        case .children, .placed, .unplaced, .outOfArea, .over20Miles: .meanCount
        case .m1OwnShare, .m1Share, .m2Share, .within20MilesShare: .share
        case .meanDistance: .miles
        case .weeklyCost, .externalSpend, .profit: .pounds
        }
    }

    public func value(_ metrics: ScopeMetrics) -> Double? {
        switch self {
        case .children: Double(metrics.children)
        case .placed: Double(metrics.placed)
        case .unplaced: Double(metrics.unplaced)
        // Counts from shares of `placed`: exact up to rounding.
        case .outOfArea: metrics.m2InAreaShare.map { (Double(metrics.placed) * (1 - $0)).rounded() } ?? 0
        case .over20Miles: metrics.within20MilesShare.map { (Double(metrics.placed) * (1 - $0)).rounded() } ?? 0
        case .m1OwnShare: metrics.m1OwnAuthorityRunShare
        case .m1Share: metrics.m1LocalAuthorityRunShare
        case .m2Share: metrics.m2InAreaShare
        case .within20MilesShare: metrics.within20MilesShare
        case .meanDistance: metrics.meanDistanceMiles
        case .weeklyCost: metrics.weeklyCost
        case .externalSpend: metrics.externalWeeklySpend
        case .profit: metrics.estimatedWeeklyProfit
        }
    }
}

/// A measure over draws: its mean and its 10th and 90th percentiles (``DrawSummary``). Draws where the measure is undefined (no child placed) are left
/// out; all `nil` when none has it.
public struct DrawSpread: Sendable, Equatable, Encodable {
    public var mean: Double?
    public var p10: Double?
    public var p90: Double?

    public init(mean: Double?, p10: Double?, p90: Double?) {
        self.mean = mean
        self.p10 = p10
        self.p90 = p90
    }

    public init(_ values: [Double?]) {
        let summary = DrawSummary.of(values.compactMap { $0 })
        self.init(mean: summary?.mean, p10: summary?.p10, p90: summary?.p90)
    }

    enum CodingKeys: String, CodingKey { case mean, p10, p90 }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mean, forKey: .mean)
        try container.encode(p10, forKey: .p10)
        try container.encode(p90, forKey: .p90)
    }

    /// "12 (8–15)" for reading.
    func display(_ style: ReportValue.NumberStyle) -> String {
        let mean = ReportValue.number(mean, style).display
        guard let p10, let p90, p10 != p90 else { return mean }
        return "\(mean) (\(ReportValue.number(p10, style).display)–\(ReportValue.number(p90, style).display))"
    }
}
