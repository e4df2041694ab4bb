import PlacementScenarios
import PlacementSimulation

/// A simulation of the report's scenario over the years ahead, beside a sufficiency report: as-is
/// (where a calibrated pattern exists) and the report's commissioning mode, each making the new
/// placements as children arrive and placements end. The commands make it; this module shows it.
public struct SufficiencyProjection: Sendable {
    public var draws: SimulationDraws
    public var notes: SimulationNotes
    /// Why as-is is not among the modes, when it is not.
    public var asIsMissing: String?

    public init(draws: SimulationDraws, notes: SimulationNotes, asIsMissing: String? = nil) {
        self.draws = draws
        self.notes = notes
        self.asIsMissing = asIsMissing
    }
}

extension SufficiencyReport {
    /// The measures of the projection's table, for the scope's own children: how many there are
    /// first, so that a cost falling with them is not read as a saving.
    static let projectedMeasures: [TrajectoryMeasure] = [
        .children, .m1OwnCouncilShare, .m2InAreaShare, .over20MilesShare, .weeklyCost, .unplaced,
    ]

    /// "Projected placements": per year and mode, the scope's own children needing a placement, M1,
    /// M2, the share over 20 miles, the weekly cost and unplaced children, and a line chart of the shares.
    func projectionSection(_ projection: SufficiencyProjection) -> ReportSection {
        let draws = projection.draws
        let years = draws.years
        let first = years.first ?? 0
        let last = years.last ?? 0
        let scope = projectionScope
        let drawCount = draws.drawCount
        // One draw: a value per measure; several: mean, 10th and 90th percentile, as every draws table.
        func cells(_ mode: SimulatedMode, _ year: Int, _ measure: TrajectoryMeasure) -> [ReportValue] {
            let band = draws.band(mode, year: year, scope: scope, measure)
            guard drawCount > 1 else { return [measure.reportValue(band?.mean)] }
            return [measure.reportValue(band?.mean), measure.reportValue(band?.p10), measure.reportValue(band?.p90)]
        }
        let measureColumns = Self.projectedMeasures.flatMap { measure -> [ReportTable.Column] in
            drawCount > 1
                ? DrawTables.spreadColumns(measure.label, key: measure.rawValue)
                : [.init(measure.label, key: measure.rawValue)]
        }
        let modes = draws.modes.map(\.name).joined(separator: " and ")
        let hasForecast = if case .forecast = outlook { true } else { false }
        var text =
            "\(scenario.name) simulated from \(first) to \(last) under \(modes), every mode from the same stock "
            + "(\(projection.notes.start)): each year placements end and children arrive "
            + "(\(projection.notes.flows)), and new placements are made in \(projection.notes.batchesPerYear) "
            + "batches a year into vacancies only; children already placed keep their places. The figures are "
            + "\(scopeName)'s own children (home authority in scope), wherever placed: those needing a "
            + "placement (not placed with parents, for adoption or otherwise)"
            + (hasForecast ? ", no more than the children looked after the forecast above counts. " : ". ")
            + (drawCount > 1
                ? "Means over \(drawCount) seeded draws (from seed 1), with their 10th and 90th percentiles."
                : "One seeded draw: the order of arrivals and which placements end are drawn once.")
        if let missing = projection.asIsMissing { text += " As-is is not shown: \(missing)." }
        var blocks: [ReportBlock] = [.paragraph(text)]
        if let plan = projection.notes.plan {
            // Whether the plan's places are used, and what its empty ones cost: a trial's council saw
            // its new home stand empty under as-is with no word of the running cost.
            blocks.append(.paragraph(plan.summary))
            blocks.append(.paragraph(PlannedPlacesHeld(plan: plan, draws: draws).summary(year: last)))
        }
        blocks.append(
            .table(
                ReportTable(
                    id: "projection",
                    caption: "\(scopeName)'s children, \(first) to \(last), by commissioning",
                    columns: [
                        .init("Year", key: "year", numeric: false), .init("Commissioning", key: "mode", numeric: false),
                    ] + measureColumns,
                    rows: years.flatMap { year in
                        draws.modes.map { mode in
                            [.year(year), .text(mode.name)]
                                + Self.projectedMeasures.flatMap { cells(mode, year, $0) }
                        }
                    })))
        var series: [ChartSeries] = []
        for measure in [TrajectoryMeasure.m1OwnCouncilShare, .m2InAreaShare, .over20MilesShare] {
            for mode in draws.modes {
                series.append(
                    ChartSeries(
                        name: "\(Self.shortLabel(measure)), \(mode.name)",
                        colour: ReportPalette.series[series.count % ReportPalette.series.count],
                        values: years.map { draws.band(mode, year: $0, scope: scope, measure)?.mean }))
            }
        }
        blocks.append(
            .figure(
                caption: "\(scopeName): M1, M2 and the share placed over 20 miles from home, \(first)–\(last), "
                    + "by commissioning",
                svg: TrendChart(title: "Projected placements of \(scopeName)'s children", years: years, series: series)
                    .svg))
        blocks.append(
            .bullets([
                "A projection, not a forecast of what will happen. Its flows: \(projection.notes.flows); no "
                    + "provider opens or closes beyond them"
                    + (projection.notes.plan == nil ? "" : " and the plan") + ".",
                "\(first) is the starting stock, the same in every mode (\(projection.notes.start)): not the "
                    + "figures of the sections above, where each mode places every child afresh."
                    + (shocked
                        ? " Those sections re-place every child at once in what the shocks leave; here the children "
                            + "the shocks displaced wait at the start and are placed through the first year, as "
                            + "places come free (children leaving care free theirs), so fewer may be left without one."
                        : ""),
                "Sibling groups are not followed through the years, and children do not change placement type as "
                    + "they age. `placement simulate` gives every measure, scope and mode (README, Years ahead).",
            ]))
        return ReportSection("Projected placements, \(first) to \(last)", blocks)
    }

    /// The trajectory's scope for the report: the authority, or the co-operative by its id.
    private var projectionScope: TrajectoryScope {
        switch scope {
        case .authority: return .authority(members.first?.rawValue ?? "")
        case .cooperative(let id):
            let lookup = NameLookup.cooperatives(scenario.cooperatives)
            return .cooperative(lookup.index(of: id).map { scenario.cooperatives[$0].id.rawValue } ?? id)
        }
    }

    private static func shortLabel(_ measure: TrajectoryMeasure) -> String {
        switch measure {
        case .m1OwnCouncilShare: "M1"
        case .m2InAreaShare: "M2"
        case .over20MilesShare: "over 20 miles"
        default: measure.label
        }
    }
}
