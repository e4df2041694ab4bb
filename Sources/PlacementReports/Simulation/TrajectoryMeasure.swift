import PlacementOptimisation
import PlacementSimulation

/// The measures a trajectory reports per year and scope, with their keys in JSON and CSV.
public enum TrajectoryMeasure: String, CaseIterable, Sendable {
    case m1OwnCouncilShare = "m1_own_council_share"
    case m1AnyCouncilShare = "m1_any_council_share"
    case m2InAreaShare = "m2_in_area_share"
    case over20MilesShare = "over_20_miles_share"
    case meanDistanceMiles = "mean_distance_miles"
    case weeklyCost = "weekly_cost"
    case annualCost = "annual_cost"
    case externalWeeklySpend = "external_weekly_spend"
    case estimatedWeeklyProfit = "estimated_weekly_profit"
    case children
    case unplaced

    public var label: String {
        switch self {
        case .m1OwnCouncilShare: "M1: own council's provision"
        case .m1AnyCouncilShare: "M1: any council's provision"
        case .m2InAreaShare: "M2: placed inside own area"
        case .over20MilesShare: "More than 20 miles from home"
        case .meanDistanceMiles: "Mean distance (miles)"
        case .weeklyCost: "Weekly cost"
        case .annualCost: "Annual cost"
        case .externalWeeklySpend: "External weekly spend"
        case .estimatedWeeklyProfit: "Estimated weekly profit"
        case .children: "Children needing a placement"
        case .unplaced: "Unplaced children"
        }
    }

    func value(_ metrics: ScopeMetrics) -> Double? {
        switch self {
        case .m1OwnCouncilShare: metrics.m1OwnAuthorityRunShare
        case .m1AnyCouncilShare: metrics.m1LocalAuthorityRunShare
        case .m2InAreaShare: metrics.m2InAreaShare
        case .over20MilesShare: metrics.within20MilesShare.map { 1 - $0 }
        case .meanDistanceMiles: metrics.meanDistanceMiles
        case .weeklyCost: metrics.weeklyCost
        case .annualCost: metrics.annualCost
        case .externalWeeklySpend: metrics.externalWeeklySpend
        case .estimatedWeeklyProfit: metrics.estimatedWeeklyProfit
        // Children needing a commissioned placement, as `compare` counts them (`children` already leaves
        // out those placed with parents, for adoption or otherwise).
        case .children: Double(metrics.children)
        case .unplaced: Double(metrics.unplaced)
        }
    }

    func reportValue(_ value: Double?) -> ReportValue {
        switch self {
        case .m1OwnCouncilShare, .m1AnyCouncilShare, .m2InAreaShare, .over20MilesShare: .share(value)
        case .meanDistanceMiles: .miles(value)
        case .weeklyCost, .annualCost, .externalWeeklySpend, .estimatedWeeklyProfit: .pounds(value)
        case .children, .unplaced: .number(value, .count)
        }
    }
}

/// Which scope of a year's metrics: England (the scenario), a co-operative or an authority.
public enum TrajectoryScope: Hashable, Sendable {
    case total
    case cooperative(String)
    case authority(String)

    /// The scope's metrics in an outcome, remembering where the scope sat: every outcome of a
    /// simulation lists the scenario's co-operatives and authorities in one order, and reports look
    /// each up thousands of times.
    func metrics(_ outcome: YearOutcome, remembering position: inout Int?) -> ScopeMetrics? {
        func find(_ list: [ModeMetrics.Scoped], _ id: String) -> ScopeMetrics? {
            if let known = position, list.indices.contains(known), list[known].id == id { return list[known].metrics }
            position = list.firstIndex { $0.id == id }
            return position.map { list[$0].metrics }
        }
        switch self {
        case .total: return outcome.metrics.total
        case .cooperative(let id): return find(outcome.metrics.cooperatives, id)
        case .authority(let id): return find(outcome.metrics.authorities, id)
        }
    }
}

extension SimulationDraws {
    /// A measure's band across draws for a mode, year and scope.
    public func band(_ mode: SimulatedMode, year: Int, scope: TrajectoryScope, _ measure: TrajectoryMeasure) -> Band? {
        var position: Int?
        return band(mode, year: year) { outcome in
            scope.metrics(outcome, remembering: &position).flatMap(measure.value)
        }
    }

    /// The years simulated, the starting year first.
    public var years: [Int] { trajectories.values.first?.first?.years.map(\.year) ?? [] }

    /// The draws run of each mode (every mode runs as many).
    public var drawCount: Int { trajectories.values.first?.count ?? 0 }

    /// The share of draws in which `mode` beats as-is on a measure in a year (draws paired by seed);
    /// nil without as-is or without values.
    public func shareOfDrawsBetter(
        _ mode: SimulatedMode, than other: SimulatedMode, year: Int, scope: TrajectoryScope,
        _ measure: TrajectoryMeasure, higherIsBetter: Bool
    ) -> Double? {
        guard let mine = trajectories[mode], let theirs = trajectories[other] else { return nil }
        var better = 0
        var counted = 0
        var position: Int?
        for (a, b) in zip(mine, theirs) {
            guard
                let x = a.years.first(where: { $0.year == year }).flatMap({
                    scope.metrics($0, remembering: &position)
                }).flatMap(measure.value),
                let y = b.years.first(where: { $0.year == year }).flatMap({
                    scope.metrics($0, remembering: &position)
                }).flatMap(measure.value)
            else { continue }
            counted += 1
            if higherIsBetter ? x > y + 1e-9 : x < y - 1e-9 { better += 1 }
        }
        return counted > 0 ? Double(better) / Double(counted) : nil
    }
}
