import PlacementCalibration
import PlacementScenarios

/// The as-is backtest: the origin year's calibrated stock replayed year by year with each year's
/// published flows, demand and registered places, against each year's published figures, beside
/// persistence (the origin year's published figure carried forward).
public struct BacktestReport {
    public let scenarioName: String
    public let replay: StockFlowReplay
    /// One comparison per replayed year, in order (calibrated on the origin year).
    public let comparisons: [FitComparison]

    public init(scenarioName: String, replay: StockFlowReplay, comparisons: [FitComparison]) {
        self.scenarioName = scenarioName
        self.replay = replay
        self.comparisons = comparisons
    }

    var origin: Int { replay.baseline.calibrationYear }
    var last: Int { comparisons.last?.predicted ?? origin }

    public var document: ReportDocument {
        ReportDocument(
            title: "As-is backtest: the replayed stock against the published figures",
            subtitle: "\(scenarioName): calibrated on \(origin) only, replayed to \(last)",
            sections: [methodSection, englandSection, errorSection, flowSection, authoritiesSection])
    }

    private var methodSection: ReportSection {
        ReportSection(
            "Method",
            [
                .paragraph(
                    "The as-is model is calibrated on \(origin)'s published figures only. Each following year, a "
                        + "share of every authority's placements ends (from that year's published children ceasing "
                        + "and placement changes), survivors above the year's children in their placement group move "
                        + "on too, and new placements fill the gap to the year's children by placement group, placed "
                        + "by the calibrated behaviour into the residential places the survivors leave vacant. A "
                        + "replayed year reads its children by placement group, registered places, starts, ceased "
                        + "and placement changes, and none of its published locality, distance, provider or "
                        + "new-placement figures: every figure below is checked out of sample."),
                .bullets(
                    replay.replayAssumptions.listed.map { name, assumption in
                        "\(name): \(NumberText.decimal(assumption.value, places: 2)) (range "
                            + "\(NumberText.decimal(assumption.range.lowerBound, places: 2))–"
                            + "\(NumberText.decimal(assumption.range.upperBound, places: 2))); \(assumption.source)"
                    }),
            ])
    }

    private var englandSection: ReportSection {
        var rows: [[ReportValue]] = []
        for comparison in comparisons {
            for measure in BacktestJSON.measures {
                let value = comparison.england[measure]
                let gap = value.flatMap { v in v.modelled.flatMap { m in v.published.map { m - $0 } } }
                rows.append([
                    .text(String(comparison.predicted)), .text(measure.label), .share(value?.modelled),
                    .share(value?.published), .share(value?.persistence), .number(gap, .shareChange),
                ])
            }
        }
        return ReportSection(
            "England",
            [
                .table(
                    ReportTable(
                        id: "england", caption: "England: modelled, published and persistence (\(origin)) each year",
                        columns: [
                            .init("Year", key: "year", numeric: false),
                            .init("Measure", key: "measure", numeric: false),
                            .init("Modelled", key: "modelled"), .init("Published", key: "published"),
                            .init("Persistence", key: "persistence"),
                            .init("Modelled − published", key: "modelled_minus_published"),
                        ], rows: rows))
            ])
    }

    private var errorSection: ReportSection {
        var rows: [[ReportValue]] = []
        for comparison in comparisons {
            for measure in BacktestJSON.measures {
                let errors = Self.errors(comparison, measure)
                rows.append([
                    .text(String(comparison.predicted)), .text(measure.label), .count(errors.authorities),
                    .number(errors.replay, .miles), .number(errors.persistence, .miles),
                ])
            }
        }
        return ReportSection(
            "Per-authority error",
            [
                .table(
                    ReportTable(
                        id: "errors",
                        caption: "Mean absolute error per authority (points): the replay against persistence, over "
                            + "the authorities with both and a published figure",
                        columns: [
                            .init("Year", key: "year", numeric: false),
                            .init("Measure", key: "measure", numeric: false),
                            .init("Authorities", key: "authorities"), .init("Replay MAE", key: "model_mae_points"),
                            .init("Persistence MAE", key: "persistence_mae_points"),
                        ], rows: rows))
            ])
    }

    /// Mean absolute errors in points of the replay and of persistence over the same authorities:
    /// those with a modelled, a published and a persistence figure.
    static func errors(_ comparison: FitComparison, _ measure: FitMeasure) -> (
        authorities: Int, replay: Double?, persistence: Double?
    ) {
        let triples = comparison.rows.compactMap { row -> (Double, Double, Double)? in
            guard let value = row.values[measure], let modelled = value.modelled, let published = value.published,
                let persistence = value.persistence
            else { return nil }
            return (modelled, published, persistence)
        }
        guard !triples.isEmpty else { return (0, nil, nil) }
        let n = Double(triples.count)
        return (
            triples.count, triples.reduce(0) { $0 + abs($1.0 - $1.1) } / n * 100,
            triples.reduce(0) { $0 + abs($1.2 - $1.1) } / n * 100
        )
    }

    private var flowSection: ReportSection {
        let rows: [[ReportValue]] = replay.years.map { year in
            func total(_ table: [[Double]]) -> ReportValue {
                .number(table.reduce(0) { $0 + $1.reduce(0, +) }, .count)
            }
            return [
                .text(String(year.year)), total(year.startStock), total(year.endings), total(year.survivors),
                total(year.newPlacements), total(year.endStock),
            ]
        }
        return ReportSection(
            "Stock and flows",
            [
                .table(
                    ReportTable(
                        id: "flows",
                        caption: "England's modelled stock and flows each year (children): start = survivors + "
                            + "endings, end = survivors + new placements",
                        columns: [
                            .init("Year", key: "year", numeric: false), .init("Stock at start", key: "start_stock"),
                            .init("Endings", key: "endings"), .init("Survivors", key: "survivors"),
                            .init("New placements", key: "new_placements"), .init("Stock at end", key: "end_stock"),
                        ], rows: rows))
            ])
    }

    /// Every year and authority: modelled, published and persistence of each measure.
    public var authoritiesTable: ReportTable {
        var columns: [ReportTable.Column] = [
            .init("Year", key: "year", numeric: false), .init("Code", key: "code", numeric: false),
            .init("Authority", key: "authority", numeric: false),
        ]
        for measure in BacktestJSON.measures {
            columns.append(.init("\(measure.label), modelled", key: "\(measure.rawValue)_modelled"))
            columns.append(.init("\(measure.label), published", key: "\(measure.rawValue)_published"))
            columns.append(.init("\(measure.label), persistence", key: "\(measure.rawValue)_persistence"))
        }
        var rows: [[ReportValue]] = []
        for comparison in comparisons {
            for row in comparison.rows {
                var cells: [ReportValue] = [
                    .text(String(comparison.predicted)), .text(row.authority.id.rawValue), .text(row.authority.name),
                ]
                for measure in BacktestJSON.measures {
                    let value = row.values[measure]
                    cells += [.share(value?.modelled), .share(value?.published), .share(value?.persistence)]
                }
                rows.append(cells)
            }
        }
        return ReportTable(
            id: "authorities",
            caption: "Every year and authority: modelled, published and persistence (the \(origin) published figure)",
            columns: columns, rows: rows)
    }

    private var authoritiesSection: ReportSection { ReportSection("By authority", [.table(authoritiesTable)]) }
}
