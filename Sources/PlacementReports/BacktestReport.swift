import PlacementCalibration
import PlacementScenarios

/// The as-is backtest: the origin year's calibrated stock replayed year by year with each year's
/// published flows, demand and registered places, against each year's published figures, beside two
/// rivals: persistence (the origin year's published figure carried forward) and the straight-line
/// trend (``StraightLineTrend``: the line through the published figures of the origin up to the year
/// before).
public struct BacktestReport {
    public let scenarioName: String
    public let replay: StockFlowReplay
    /// One comparison per replayed year, in order (calibrated on the origin year), with the trend
    /// filled in (``StraightLineTrend/filled(_:)``).
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
            sections: [summarySection, methodSection, englandSection, errorSection, flowSection, authoritiesSection])
    }

    /// The three forecasts' mean absolute errors per authority (points) of one year and measure.
    struct Errors {
        var authorities: Int
        var replay: Double?
        var persistence: Double?
        var trend: Double?

        /// The forecasts with the lowest error, in ``Rival`` order (more than one when they tie, as
        /// the trend and persistence do in the first replayed year).
        var lowest: [Rival] {
            let errors = [(Rival.replay, replay), (.trend, trend), (.persistence, persistence)]
                .compactMap { rival, value in value.map { (rival, $0) } }
            guard let least = errors.map(\.1).min() else { return [] }
            return errors.filter { $0.1 <= least + Self.tie }.map(\.0)
        }

        /// Errors this close are equal: they differ only in the last bits of their sums.
        static let tie = 1e-9
    }

    /// The three forecasts compared.
    enum Rival: Int, CaseIterable, Comparable {
        case replay
        case trend
        case persistence

        var name: String {
            switch self {
            case .replay: "replay"
            case .trend: "trend"
            case .persistence: "persistence"
            }
        }

        static func < (lhs: Rival, rhs: Rival) -> Bool { lhs.rawValue < rhs.rawValue }

        /// `replay`, `replay and trend`, …
        static func named(_ rivals: [Rival]) -> String { rivals.map(\.name).joined(separator: " and ") }
    }

    /// Which forecast wins on what, per year, and England's largest gap.
    private var summarySection: ReportSection {
        var replayBeatsPersistence = 0
        var replayBeatsTrend = 0
        var cases = 0
        var trendCases = 0
        var bullets: [String] = []
        for (index, comparison) in comparisons.enumerated() {
            var winners: [[Rival]: [String]] = [:]
            for measure in BacktestJSON.measures {
                let errors = Self.errors(comparison, measure)
                guard let replay = errors.replay, let persistence = errors.persistence, let trend = errors.trend
                else { continue }
                cases += 1
                if replay < persistence { replayBeatsPersistence += 1 }
                if index > 0 {
                    trendCases += 1
                    if replay < trend { replayBeatsTrend += 1 }
                }
                // In the first year the trend is persistence (one published year to fit): one rival.
                let lowest = errors.lowest.filter { index > 0 || $0 != .trend }
                winners[lowest, default: []].append(Self.shortLabel(measure))
            }
            // One forecast alone first, then ties, each in rival order.
            let said = winners.sorted { a, b in
                a.key.count != b.key.count ? a.key.count < b.key.count : a.key.lexicographicallyPrecedes(b.key)
            }
            .map { "\(Rival.named($0.key)) on \(NumberText.listed($0.value))" }
            guard !said.isEmpty else { continue }
            bullets.append("\(comparison.predicted): lowest error, " + said.joined(separator: "; "))
        }
        var blocks: [ReportBlock] = [
            .paragraph(
                "Mean absolute error per authority (points; table below), the replay against its two rivals: "
                    + "persistence (\(origin)'s published figure carried forward) and the straight-line trend "
                    + "(least squares through the published figures of \(origin) up to the year before; in the first "
                    + "replayed year it is persistence). The replay is below persistence in "
                    + "\(replayBeatsPersistence) of \(cases) year-and-measure cases, and below the trend in "
                    + "\(replayBeatsTrend) of the \(trendCases) after the first replayed year."),
            .bullets(bullets),
        ]
        let gaps = comparisons.flatMap { comparison in
            BacktestJSON.measures.compactMap {
                measure -> (year: Int, measure: FitMeasure, modelled: Double, published: Double)? in
                guard let value = comparison.england[measure], let modelled = value.modelled,
                    let published = value.published
                else { return nil }
                return (comparison.predicted, measure, modelled, published)
            }
        }
        if let largest = gaps.max(by: { abs($0.modelled - $0.published) < abs($1.modelled - $1.published) }) {
            // Quoted as England's table prints it: the two shares and their printed difference.
            let gap = ReportValue.shareChange(from: largest.published, to: largest.modelled).display
            blocks.append(
                .paragraph(
                    "England, modelled against published: the largest gap is \(gap) (\(Self.shortLabel(largest.measure)), "
                        + "\(largest.year): \(NumberText.percent(largest.modelled)) against "
                        + "\(NumberText.percent(largest.published))); every share on DfE's denominator on both "
                        + "sides (over 20 miles: children with a known distance)."))
        }
        return ReportSection("Summary", blocks)
    }

    /// A measure as a sentence names it.
    static func shortLabel(_ measure: FitMeasure) -> String {
        switch measure {
        case .m2InAreaShare: "M2"
        case .over20MilesShare: "over 20 miles"
        case .ownCouncilShare: "own council"
        case .privateShare: "private"
        default: measure.label
        }
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
                        + "new-placement figures: every figure below is checked out of sample of those figures. "
                        + "Two assumptions were not chosen blind to these years: counting the calibrated stock's "
                        + "mean age was added after reading this backtest's errors, and the drift of new foster "
                        + "placements to agency carers comes from Ofsted's figures for 2019–2023, which overlap "
                        + "them."),
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
                rows.append([
                    .text(String(comparison.predicted)), .text(measure.label), .share(value?.modelled),
                    .share(value?.published), .share(value?.persistence), .share(value?.trend),
                    .shareChange(from: value?.published, to: value?.modelled),
                ])
            }
        }
        return ReportSection(
            "England",
            [
                .table(
                    ReportTable(
                        id: "england",
                        caption: "England: modelled, published, persistence (\(origin)) and the straight-line "
                            + "trend each year; over 20 miles is a share of children with a known distance on both "
                            + "sides (the modelled shares of the authorities weighted by their children with a "
                            + "known distance, as DfE's England figure is)",
                        columns: [
                            .init("Year", key: "year", numeric: false),
                            .init("Measure", key: "measure", numeric: false),
                            .init("Modelled", key: "modelled"), .init("Published", key: "published"),
                            .init("Persistence", key: "persistence"), .init("Trend", key: "trend"),
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
                    .number(errors.replay, .fixed(places: 2)), .number(errors.persistence, .fixed(places: 2)),
                    .number(errors.trend, .fixed(places: 2)), .text(errors.lowest.map(\.name).joined(separator: ", ")),
                ])
            }
        }
        return ReportSection(
            "Per-authority error",
            [
                .table(
                    ReportTable(
                        id: "errors",
                        caption: "Mean absolute error per authority (points): the replay against persistence and "
                            + "the straight-line trend, over the authorities with all three and a published figure",
                        columns: [
                            .init("Year", key: "year", numeric: false),
                            .init("Measure", key: "measure", numeric: false),
                            .init("Authorities", key: "authorities"), .init("Replay MAE", key: "model_mae_points"),
                            .init("Persistence MAE", key: "persistence_mae_points"),
                            .init("Trend MAE", key: "trend_mae_points"),
                            .init("Lowest", key: "lowest", numeric: false),
                        ], rows: rows))
            ])
    }

    /// Mean absolute errors in points of the replay, persistence and the trend over the same
    /// authorities: those with a modelled, a published, a persistence and a trend figure.
    static func errors(_ comparison: FitComparison, _ measure: FitMeasure) -> Errors {
        let known = comparison.rows.compactMap {
            row -> (modelled: Double, published: Double, persistence: Double, trend: Double)? in
            guard let value = row.values[measure], let modelled = value.modelled, let published = value.published,
                let persistence = value.persistence, let trend = value.trend
            else { return nil }
            return (modelled, published, persistence, trend)
        }
        guard !known.isEmpty else { return Errors(authorities: 0) }
        let n = Double(known.count)
        return Errors(
            authorities: known.count, replay: known.reduce(0) { $0 + abs($1.modelled - $1.published) } / n * 100,
            persistence: known.reduce(0) { $0 + abs($1.persistence - $1.published) } / n * 100,
            trend: known.reduce(0) { $0 + abs($1.trend - $1.published) } / n * 100)
    }

    private var flowSection: ReportSection {
        let rows: [[ReportValue]] = replay.years.map { year in
            func total(_ table: [[Double]]) -> ReportValue {
                .number(table.reduce(0) { $0 + $1.reduce(0, +) }, .count)
            }
            return [
                .year(year.year), total(year.startStock), total(year.endings), total(year.survivors),
                total(year.newPlacements), total(year.endStock),
            ]
        }
        return ReportSection(
            "Stock and flows",
            [
                .paragraph(
                    "These are the replay's own quantities, not DfE's flow counts under the same names: endings are "
                        + "the placements of the stock at the start that end in the year (children leaving care or "
                        + "moving placement), new placements those the stock at the end holds that began in the year. "
                        + "A child placed and moved within the year is in neither, so both fall well short of DfE's "
                        + "new placements and of its ceased plus placement changes. The stock counts the children "
                        + "of authorities the replay can place in the year: a council with no usable figure there (on "
                        + "England from 2021, Cumbria in 2021–2023, whose successors' figures begin in 2024, and "
                        + "Northamptonshire in 2021) is not in it, so England's stock here is below DfE's total."),
                .table(
                    ReportTable(
                        id: "flows",
                        caption: "England's modelled stock and flows each year (children): start = survivors + "
                            + "endings, end = survivors + new placements",
                        columns: [
                            .init("Year", key: "year", numeric: false), .init("Stock at start", key: "start_stock"),
                            .init("Endings", key: "endings"), .init("Survivors", key: "survivors"),
                            .init("New placements", key: "new_placements"), .init("Stock at end", key: "end_stock"),
                        ], rows: rows)),
            ])
    }

    /// Every year and authority, then England: modelled, published, persistence and trend of each measure.
    public var authoritiesTable: ReportTable {
        var columns: [ReportTable.Column] = [
            .init("Year", key: "year", numeric: false), .init("Code", key: "code", numeric: false),
            .init("Authority", key: "authority", numeric: false),
        ]
        for measure in BacktestJSON.measures {
            columns.append(.init("\(measure.label), modelled", key: "\(measure.rawValue)_modelled"))
            columns.append(.init("\(measure.label), published", key: "\(measure.rawValue)_published"))
            columns.append(.init("\(measure.label), persistence", key: "\(measure.rawValue)_persistence"))
            columns.append(.init("\(measure.label), trend", key: "\(measure.rawValue)_trend"))
        }
        var rows: [[ReportValue]] = []
        func row(_ year: Int, code: String, name: String, values: [FitMeasure: FitComparison.Value]) -> [ReportValue] {
            var cells: [ReportValue] = [.year(year), .text(code), .text(name)]
            for measure in BacktestJSON.measures {
                let value = values[measure]
                cells += [
                    .share(value?.modelled), .share(value?.published), .share(value?.persistence), .share(value?.trend),
                ]
            }
            return cells
        }
        for comparison in comparisons {
            for authority in comparison.rows {
                rows.append(
                    row(
                        comparison.predicted, code: authority.authority.id.rawValue, name: authority.authority.name,
                        values: authority.values))
            }
            // England last in each year, as the baseline's fit table has it: the backtest's headline.
            rows.append(
                row(
                    comparison.predicted, code: OfficialTables.englandCode.rawValue, name: "England",
                    values: comparison.england))
        }
        return ReportTable(
            id: "authorities",
            caption: "Every year and authority, then England: modelled, published, persistence (the \(origin) "
                + "published figure) and the straight-line trend",
            columns: columns, rows: rows)
    }

    private var authoritiesSection: ReportSection { ReportSection("By authority", [.table(authoritiesTable)]) }
}
