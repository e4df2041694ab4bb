import PlacementScenarios
import PlacementSimulation

/// The trajectory report: each measure by mode over the years, the whole scenario first, then
/// co-operatives and authorities in the last year, with verdicts held in at least 80% of draws.
public struct TrajectoryReport {
    public let document: ReportDocument
    /// Every measure per mode, year and scope, one row each.
    public let longTable: ReportTable

    /// The share of draws a verdict needs.
    static let verdictShare = RobustVerdict.threshold

    public init(_ draws: SimulationDraws, scenario: Scenario, notes: SimulationNotes) {
        let years = draws.years
        let last = years.last ?? 0
        let drawCount = draws.drawCount
        func cell(_ band: Band?, _ measure: TrajectoryMeasure) -> ReportValue {
            guard let band else { return measure.reportValue(nil) }
            guard drawCount > 1 else { return measure.reportValue(band.mean) }
            return .text(
                "\(measure.reportValue(band.mean).display) (\(measure.reportValue(band.p10).display)–"
                    + "\(measure.reportValue(band.p90).display))")
        }
        var sections: [ReportSection] = []
        let headline: [TrajectoryMeasure] = [
            .m1OwnCouncilShare, .m2InAreaShare, .over20MilesShare, .weeklyCost, .unplaced,
        ]
        sections.append(
            ReportSection(
                "Summary",
                [
                    .paragraph(
                        years.count > 1
                            ? "\(scenario.name), \(years.first ?? 0) to \(last): every mode starts from the same stock "
                                + "(\(notes.start)); each year placements end and children arrive (\(notes.flows)), "
                                + "and new placements are made in \(notes.batchesPerYear) batches a year. "
                                + (drawCount > 1
                                    ? "Figures are means over \(drawCount) seeded draws with the 10th–90th percentile "
                                        + "in brackets. The draws vary which placements end and the order councils "
                                        + "buy in, not how many children arrive and leave (every draw has the same "
                                        + "arrivals and leavers each year): the brackets are narrower than the "
                                        + "uncertainty of the years ahead, which `placement forecast` gives for the "
                                        + "numbers in care."
                                    : "One seeded draw.")
                                // --to is --from: the start alone, which no draw varies.
                            : "\(scenario.name) in \(last), the start alone (\(notes.start)): no year is simulated "
                                + "(--to is --from), so every mode shows the same stock."),
                    .table(
                        ReportTable(
                            id: "summary", caption: "Every child of \(scenario.name) in \(last), by mode",
                            columns: [ReportTable.Column("Mode", key: "mode", numeric: false)]
                                + headline.map { ReportTable.Column($0.label, key: $0.rawValue) },
                            rows: draws.modes.map { mode in
                                [.text(mode.name)]
                                    + headline.map { cell(draws.band(mode, year: last, scope: .total, $0), $0) }
                            })),
                ] + (Self.unplacedKinds(draws, year: last).map { [.paragraph($0)] } ?? [])))
        if let plan = notes.plan {
            let held = PlannedPlacesHeld(plan: plan, draws: draws)
            let count = { (band: Band?) in cell(band, .children) }
            sections.append(
                ReportSection(
                    "Capacity plan",
                    [
                        .paragraph(plan.summary), .paragraph(held.summary(year: last)), .table(plan.buildsTable),
                        .table(held.yearsTable(cell: count)), .table(held.buildsTable(year: last, cell: count)),
                    ]))
        }
        var charts: [ReportBlock] = []
        for measure in [TrajectoryMeasure.m1OwnCouncilShare, .m2InAreaShare, .over20MilesShare] {
            let series = draws.modes.enumerated().map { index, mode in
                ChartSeries(
                    name: mode.name, colour: ReportPalette.series[index % ReportPalette.series.count],
                    values: years.map { draws.band(mode, year: $0, scope: .total, measure)?.mean })
            }
            charts.append(
                .figure(
                    caption: "\(measure.label), every child of \(scenario.name), by mode",
                    svg: TrendChart(title: measure.label, years: years, series: series).svg))
        }
        sections.append(ReportSection("Trajectories", charts))
        var yearly: [ReportBlock] = []
        for measure in TrajectoryMeasure.allCases {
            yearly.append(
                .table(
                    ReportTable(
                        // All of the scenario's children, whatever its area (England or a region).
                        id: "all-children-\(measure.rawValue)", caption: "\(measure.label) by year",
                        columns: [ReportTable.Column("Mode", key: "mode", numeric: false)]
                            + years.map { ReportTable.Column(String($0), key: String($0)) },
                        rows: draws.modes.map { mode in
                            [.text(mode.name)]
                                + years.map { cell(draws.band(mode, year: $0, scope: .total, measure), measure) }
                        })))
        }
        yearly.append(
            .table(
                ReportTable(
                    id: "objective", caption: "The stock's weekly objective by year (lower is better)",
                    columns: [ReportTable.Column("Mode", key: "mode", numeric: false)]
                        + years.map { ReportTable.Column(String($0), key: String($0)) },
                    rows: draws.modes.map { mode in
                        [.text(mode.name)] + years.map { .pounds(draws.band(mode, year: $0) { $0.objective }?.mean) }
                    })))
        if let ledger = FlowLedgerTotals(draws: draws).table { yearly.append(.table(ledger)) }
        sections.append(ReportSection("Every child of \(scenario.name), by year", yearly))
        if !scenario.cooperatives.isEmpty {
            sections.append(
                ReportSection(
                    "Co-operatives in \(last)",
                    [
                        .table(
                            Self.scopeTable(
                                draws, year: last, id: "cooperatives", title: "Co-operative",
                                scopes: scenario.cooperatives.map {
                                    ($0.name, TrajectoryScope.cooperative($0.id.rawValue))
                                },
                                cell: cell))
                    ]))
        }
        sections.append(
            ReportSection(
                "Authorities in \(last)",
                [
                    .paragraph(
                        !draws.modes.contains(.asIs) || years.count == 1
                            ? "M2 by mode."
                            : drawCount > 1
                                ? "M2 by mode. A verdict against as-is is stated only where it holds in at least "
                                    + "\(Int(Self.verdictShare * 100))% of draws."
                                : "M2 by mode. With one draw a verdict against as-is is that draw's alone (which "
                                    + "placements end, in what order children arrive): --draws 20 states one only "
                                    + "where it holds in at least \(Int(Self.verdictShare * 100))% of draws."),
                    .table(Self.authorityTable(draws, scenario: scenario, year: last, cell: cell)),
                ]))
        sections.append(
            ReportSection(
                "Assumptions and limits",
                [
                    .bullets(notes.assumptions.map(Self.assumptionLine)),
                    .bullets(
                        [
                            "Children already placed keep their places until their placement ends; new placements "
                                + "use vacancies only.",
                            "Costs are at the scenario's prices, held through the years (real terms, no inflation and "
                                + "no price change unless a shock makes one): a weekly cost moves with the mix of "
                                + "placements alone.",
                            "Sibling groups are not followed through the years: each child is placed on their own.",
                            "Children do not change placement type as they age: each type's children change only "
                                + "through its own arrivals and leavers, which follow the flows described above.",
                            "M1 is of children placed in foster and residential care, M2 and the distance shares of "
                                + "children placed; the weekly cost counts the prices of children placed (an unplaced child costs "
                                + "nothing, so a shortfall lowers it: read it beside the unplaced children), and the "
                                + "annual cost is the weekly cost × 52.",
                        ]
                            + (notes.startsInTodaysMarket
                                ? [
                                    "A regional scenario's children may also use the places beyond its boundary that "
                                        + "they use today (today's market), no more: that market does not grow."
                                ] : [])),
                ]))
        document = ReportDocument(
            title: "Years ahead: \(scenario.name), \(years.first ?? 0)–\(last)",
            subtitle: "How M1, M2, distance, cost and unmet need move as new placements are made by each mode",
            sections: sections)
        longTable = Self.longTable(draws, scenario: scenario)
    }

    /// Which children are without a place in `year`, by placement type and needs, mode by mode
    /// (means over draws), where any mode leaves one: a trial's council saw 12 unplaced children and
    /// could not tell which (its imported children's needs had few providers to match).
    static func unplacedKinds(_ draws: SimulationDraws, year: Int) -> String? {
        let drawCount = Double(max(1, draws.drawCount))
        var parts: [String] = []
        for mode in draws.modes {
            var sums: [UnplacedKind: Int] = [:]
            for trajectory in draws.trajectories[mode] ?? [] {
                for (kind, children) in trajectory.years.first(where: { $0.year == year })?.unplacedByKind ?? [:] {
                    sums[kind, default: 0] += children
                }
            }
            let means = sums.mapValues { Double($0) / drawCount }.filter { $0.value >= 0.05 }
            guard !means.isEmpty else { continue }
            let kinds = means.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { kind, mean in
                "\(ReportNumbers.tenths(mean)) \(kind.placementType.label.lowercased())"
                    + (kind.needs.isEmpty
                        ? ""
                        : " with "
                            + NumberText.listed(kind.needs.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }))
            }
            parts.append("\(mode.name): " + kinds.joined(separator: ", "))
        }
        guard !parts.isEmpty else { return nil }
        return "Children without a place in \(year), by placement type and needs"
            + (draws.drawCount > 1 ? " (means over draws)" : "") + ": " + parts.joined(separator: "; ")
            + ". A child with a need may use only providers offering it, and no mode sends a child beyond its "
            + "type's distance limit or below the Ofsted floor (`compare --out`'s placements files give the reason for each child without a place today)."
    }

    static func assumptionLine(_ entry: (name: String, value: Double, range: ClosedRange<Double>, source: String))
        -> String
    {
        let value = NumberText.decimal(entry.value, places: 2)
        let low = NumberText.decimal(entry.range.lowerBound, places: 2)
        let high = NumberText.decimal(entry.range.upperBound, places: 2)
        return "\(entry.name): \(value) (range \(low)–\(high)); \(entry.source)"
    }

    static func scopeTable(
        _ draws: SimulationDraws, year: Int, id: String, title: String, scopes: [(String, TrajectoryScope)],
        cell: (Band?, TrajectoryMeasure) -> ReportValue
    ) -> ReportTable {
        ReportTable(
            id: id, caption: "M2: placed inside own area, in \(year)",
            columns: [ReportTable.Column(title, key: "scope", numeric: false)]
                + draws.modes.map { ReportTable.Column($0.name, key: $0.name) },
            rows: scopes.map { name, scope in
                [.text(name)]
                    + draws.modes.map { cell(draws.band($0, year: year, scope: scope, .m2InAreaShare), .m2InAreaShare) }
            })
    }

    static func authorityTable(
        _ draws: SimulationDraws, scenario: Scenario, year: Int, cell: (Band?, TrajectoryMeasure) -> ReportValue
    ) -> ReportTable {
        let optimised = draws.modes.filter { $0 != .asIs }
        let hasAsIs = draws.modes.contains(.asIs)
        return ReportTable(
            id: "authorities", caption: "M2: placed inside own area, in \(year), by authority",
            columns: [ReportTable.Column("Authority", key: "authority", numeric: false)]
                + draws.modes.map { ReportTable.Column($0.name, key: $0.name) }
                + (hasAsIs ? [ReportTable.Column("Against as-is", key: "verdict", numeric: false)] : []),
            rows: scenario.ownAuthoritiesWithChildren.map { authority in
                let scope = TrajectoryScope.authority(authority.id.rawValue)
                var row: [ReportValue] = [.text(authority.name)]
                row += draws.modes.map {
                    cell(draws.band($0, year: year, scope: scope, .m2InAreaShare), .m2InAreaShare)
                }
                if hasAsIs {
                    let verdicts = optimised.compactMap { mode -> String? in
                        guard
                            let share = draws.shareOfDrawsBetter(
                                mode, than: .asIs, year: year, scope: scope, .m2InAreaShare, higherIsBetter: true)
                        else { return nil }
                        if share >= verdictShare { return "\(mode.name) gains" }
                        let worse = draws.shareOfDrawsBetter(
                            .asIs, than: mode, year: year, scope: scope, .m2InAreaShare, higherIsBetter: true)
                        if let worse, worse >= verdictShare { return "\(mode.name) loses" }
                        return nil
                    }
                    row.append(.text(verdicts.isEmpty ? "no verdict" : verdicts.joined(separator: "; ")))
                }
                return row
            })
    }

    static func longTable(_ draws: SimulationDraws, scenario: Scenario) -> ReportTable {
        // The whole scenario is `total`, as in `compare`'s metrics.csv: a regional scenario is not England.
        var scopes: [(String, String, TrajectoryScope)] = [("total", scenario.name, .total)]
        scopes += scenario.cooperatives.map { ($0.id.rawValue, $0.name, .cooperative($0.id.rawValue)) }
        scopes += scenario.ownAuthoritiesWithChildren.map { ($0.id.rawValue, $0.name, .authority($0.id.rawValue)) }
        var rows: [[ReportValue]] = []
        for mode in draws.modes {
            for year in draws.years {
                for (id, name, scope) in scopes {
                    for measure in TrajectoryMeasure.allCases {
                        let band = draws.band(mode, year: year, scope: scope, measure)
                        rows.append([
                            .text(mode.name), .count(year), .text(id), .text(name), .text(measure.rawValue),
                            // Each in its measure's style: a share as a fraction, pounds to the penny.
                            measure.reportValue(band?.mean), measure.reportValue(band?.p10),
                            measure.reportValue(band?.p90),
                        ])
                    }
                }
            }
        }
        return ReportTable(
            id: "trajectories", caption: "Every measure by mode, year and scope",
            columns: [
                ReportTable.Column("Mode", key: "mode", numeric: false), ReportTable.Column("Year", key: "year"),
                ReportTable.Column("Scope", key: "scope", numeric: false),
                ReportTable.Column("Name", key: "name", numeric: false),
                ReportTable.Column("Measure", key: "measure", numeric: false), ReportTable.Column("Mean", key: "mean"),
                ReportTable.Column("P10", key: "p10"), ReportTable.Column("P90", key: "p90"),
            ],
            rows: rows)
    }
}
