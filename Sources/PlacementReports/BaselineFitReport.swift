import PlacementCalibration
import PlacementScenarios

/// The as-is baseline's fit report: which published figures were fitted (calibration constraints,
/// no evidence of fit) and which are checked (out of sample), with mean
/// absolute error, bias and correlation per measure against persistence, per authority and per
/// co-operative; and the files of the stock and the parameters.
public struct BaselineFitReport {
    public let scenario: Scenario
    public let comparison: FitComparison
    public let baseline: AsIsBaseline
    public let allocation: AsIsAllocation
    /// The years the data publish, so that the out-of-sample check the report suggests is one that runs.
    public let publishedYears: [Int]

    public init(
        scenario: Scenario, comparison: FitComparison, baseline: AsIsBaseline, allocation: AsIsAllocation,
        publishedYears: [Int] = []
    ) {
        self.scenario = scenario
        self.comparison = comparison
        self.baseline = baseline
        self.allocation = allocation
        self.publishedYears = publishedYears
    }

    /// The out-of-sample check of the in-sample year: calibrated on the year before, or, for the
    /// first published year, on it to predict the next.
    var suggestedCheck: String {
        let year = comparison.calibratedOn
        if publishedYears.isEmpty || publishedYears.contains(year - 1) {
            return "calibrate on an earlier year and predict this one (--calibrate-on \(year - 1) --predict \(year))"
        }
        guard publishedYears.contains(year + 1) else {
            return "calibrate on one published year and predict another (--calibrate-on Y --predict Z)"
        }
        return "\(year) is the first published year, so calibrate on it and predict the next "
            + "(--calibrate-on \(year) --predict \(year + 1))"
    }

    var inSample: Bool { comparison.calibratedOn == comparison.predicted }

    /// The report, the check as `--format json` prints it, the stock and the parameters.
    public var files: [(name: String, text: String)] {
        ReportFiles.files(document, stem: "fit-report") + [
            ("baseline-check.json", BaselineJSON.render(comparison)),
            ("as-is-stock.csv", BaselineStockCSV.stock(allocation, scope: scope)),
            ("as-is-parameters.csv", BaselineStockCSV.parameters(baseline, scope: scope)),
        ]
    }

    var scope: Set<AuthorityCode> { Set(scenario.authorities.map(\.id)) }

    public var document: ReportDocument {
        ReportDocument(
            title: "As-is baseline: fit to published figures",
            subtitle: "\(scenario.name): calibrated on \(comparison.calibratedOn), "
                + (inSample ? "in sample" : "predicting \(comparison.predicted)"),
            // A scenario with no co-operative (a council's import) has no table of them to show.
            sections: [summarySection] + ownAuthoritiesSection + [measuresSection, authoritiesSection]
                + (scenario.cooperatives.isEmpty ? [] : [cooperativesSection]) + [methodSection])
    }

    /// The authorities whose children the scenario models, where they are at most half of those
    /// calibrated: a council's imported scenario lists every authority for its places, yet its user
    /// reads one row. England's scenario lacks only authorities without children (152 of 153), all of
    /// them in the table by authority already.
    public var scenarioHomes: [FitComparison.Row] {
        let homes = scenario.homeAuthorities
        let rows = comparison.rows.filter { homes.contains($0.authority.id) }
        return rows.count * 2 <= comparison.rows.count ? rows : []
    }

    private var ownAuthoritiesSection: [ReportSection] {
        let rows = scenarioHomes
        guard !rows.isEmpty else { return [] }
        let named = rows.map(\.authority.name)
        let names =
            rows.count > 3
            ? "\(rows.count) authorities"
            : NumberText.listed(named)
        return [
            ReportSection(
                "This scenario's authorities",
                [
                    .paragraph(
                        "The scenario models the children of \(names). The calibration covers every authority "
                            + "with published figures (\(comparison.rows.count)), since other councils' children "
                            + "hold the places these children use. Their rows are below, and every authority's in the "
                            + "table by authority."),
                    .table(fitTable(of: rows, id: "scenario-authorities")),
                ])
        ]
    }

    // MARK: Sections

    private var summarySection: ReportSection {
        var text: [ReportBlock] = []
        if inSample {
            text.append(
                .paragraph(
                    "Calibrated on \(comparison.calibratedOn): wherever DfE publishes them, an authority's children "
                        + "inside and outside its boundary, within and over 20 miles, the two together (the joint "
                        + "table, raked to agree with both), children by provider and other councils' children placed "
                        + "inside are constraints of the fitting: those figures are fitted and are no evidence of fit. "
                        + "The joint table's two shares are met through its raked cells, which keep the published "
                        + "association but not the published shares exactly. The evidence is out of sample: "
                        + suggestedCheck + "."))
        } else {
            text.append(
                .paragraph(
                    "Calibrated on \(comparison.calibratedOn) only, then given \(comparison.predicted)'s children by "
                        + "placement group and registered places and nothing else of \(comparison.predicted): every "
                        + "figure below is checked out of sample. Persistence predicts each figure by its "
                        + "\(comparison.calibratedOn) published value; the two are compared over the same authorities "
                        + "(those where \(comparison.calibratedOn)'s figure is published)."))
        }
        if !comparison.englandIsLikeForLike {
            let names = comparison.unpublishedAuthorities.map(\.name)
            text.append(
                .paragraph(
                    "England's published figures for \(comparison.predicted) count "
                        + "\(NumberText.grouped(comparison.englandChildrenBeyondAuthorities)) children beyond its "
                        + "authorities' published figures"
                        + (names.isEmpty ? "" : " (DfE publishes none for \(NumberText.listed(names)) that year)")
                        + ", whom the model does not hold: England's modelled and published figures are not of the "
                        + "same children, so they are checked, not fitted, and their gap is partly that."))
        }
        // Every measure, the ones persistence wins too: a summary of the model's wins alone would flatter it.
        var bullets: [String] = []
        for measure in FitMeasure.allCases {
            let summary = comparison.summary(measure)
            bullets.append(Self.sentence(measure, summary, status: status(measure)))
        }
        text.append(.bullets(bullets))
        return ReportSection("Summary", text)
    }

    static func sentence(_ measure: FitMeasure, _ summary: FitComparison.Summary, status: Status) -> String {
        let label = measure.label
        if measure.isShare {
            var text =
                "\(label) (\(status)): mean absolute error \(points(summary.meanAbsoluteError)) over "
                + "\(summary.authorities) authorities"
            if let common = summary.common {
                if common.authorities != summary.authorities {
                    text += "; over the \(common.authorities) persistence can predict, \(points(common.model))"
                }
                text += " against \(points(common.persistence)) for persistence"
                text += verdict(
                    common.model, common.persistence, places: 2, modelCloser: common.model < common.persistence)
            }
            if status.isChecked, let tolerance = measure.tolerance, let error = summary.meanAbsoluteError,
                error > tolerance
            {
                text += "; above its tolerance of \(points(tolerance))"
            }
            return text + "."
        }
        // Four places: the model and persistence often agree to three.
        var text =
            "\(label) (\(status)): "
            + (summary.correlation.map { "correlation \(decimal($0, 4))" } ?? "no correlation (too few authorities)")
            + " over \(summary.authorities) authorities"
        if let common = summary.common {
            if let model = common.modelCorrelation, let persistence = common.persistenceCorrelation {
                if common.authorities != summary.authorities {
                    text += "; over the \(common.authorities) persistence can predict, \(decimal(model, 4))"
                }
                text += " against \(decimal(persistence, 4)) for persistence"
                text += verdict(model, persistence, places: 4, modelCloser: model > persistence)
            }
            // The correlation judges the pattern; the error says how far the counts are, and can disagree.
            text +=
                "; mean absolute error \(decimal(common.model, 2)) children against "
                + "\(decimal(common.persistence, 2)) for persistence"
                + verdict(common.model, common.persistence, places: 2, modelCloser: common.model < common.persistence)
        }
        if status.isChecked, let tolerance = measure.tolerance, let correlation = summary.correlation,
            correlation < tolerance
        {
            text += "; below its tolerance of a correlation of \(decimal(tolerance, 2))"
        }
        return text + "."
    }

    /// Which of the model and persistence is closer; where the two print alike at `places`, one more
    /// place shows the difference the verdict rests on.
    static func verdict(_ model: Double, _ persistence: Double, places: Int, modelCloser: Bool) -> String {
        let outcome = modelCloser ? "the model is closer" : "persistence is closer: the model does not beat it"
        guard decimal(model, places) == decimal(persistence, places) else { return " (\(outcome))" }
        return " (\(outcome), \(decimal(model, places + 1)) against \(decimal(persistence, places + 1)))"
    }

    static func points(_ value: Double?) -> String {
        value.map { NumberText.decimal($0, places: 2) + " points" } ?? "–"
    }
    static func decimal(_ value: Double?, _ places: Int) -> String {
        value.map { NumberText.decimal($0, places: places) } ?? ""
    }

    private var measuresSection: ReportSection {
        let rows: [[ReportValue]] = FitMeasure.allCases.map { measure in
            let summary = comparison.summary(measure)
            let england = comparison.england[measure]
            let style: ReportValue.NumberStyle = measure.isShare ? .share : .count
            // Errors to two decimals, correlations to four (the summary's): numbers in every format.
            let error = { (value: Double?) in ReportValue.number(value, .fixed(places: 2)) }
            let correlation = { (value: Double?) in ReportValue.number(value, .fixed(places: 4)) }
            return [
                .text(measure.label), .text(status(measure).description), .count(summary.authorities),
                error(summary.meanAbsoluteError), error(summary.bias), correlation(summary.correlation),
                error(summary.common?.model), error(summary.common?.persistence),
                correlation(summary.persistenceCorrelation), error(measure.tolerance),
                .number(england?.modelled, measure.modelledStyle), .number(england?.published, style),
                .text(
                    measure.isShare
                        ? "England a share (a fraction in CSV and JSON); errors, bias and tolerance in points"
                        : "England in children; errors and bias in children; tolerance a correlation"),
            ]
        }
        let table = ReportTable(
            id: "measures",
            caption: "Each measure: fitted or checked; mean absolute error and bias (points for shares, children "
                + "for counts) and correlation over authorities; out of sample, the model's and persistence's mean "
                + "absolute errors over the authorities persistence can predict, and persistence's correlation; "
                + "the tolerance (points, or correlation); England modelled and published",
            columns: [
                .init("Measure", key: "measure", numeric: false), .init("Status", key: "status", numeric: false),
                .init("Authorities", key: "authorities"), .init("MAE", key: "mean_absolute_error"),
                .init("Bias", key: "bias"), .init("Correlation", key: "correlation"),
                .init("MAE where persistence predicts", key: "common_mean_absolute_error"),
                .init("Persistence MAE", key: "persistence_mean_absolute_error"),
                .init("Persistence correlation", key: "persistence_correlation"), .init("Tolerance", key: "tolerance"),
                .init("England modelled", key: "england_modelled"),
                .init("England published", key: "england_published"),
                .init("Units", key: "units", numeric: false),
            ], rows: rows)
        var blocks: [ReportBlock] = [.table(table)]
        for measure in FitMeasure.allCases {
            let style: ReportValue.NumberStyle = measure.isShare ? .share : .count
            let points = comparison.rows.compactMap { row -> ScatterChart.Point? in
                guard let value = row.values[measure], let m = value.modelled, let p = value.published else {
                    return nil
                }
                return ScatterChart.Point(label: row.authority.name, published: p, modelled: m)
            }
            guard !points.isEmpty else { continue }
            blocks.append(
                .figure(
                    caption: "\(measure.label), \(status(measure)): modelled against published, one dot per authority",
                    svg: ScatterChart(title: measure.label, points: points, style: style).svg))
        }
        // A researcher setting these beside `compare`'s published M1 (DfE's own provision of all
        // children looked after) needs to know the two are of different children.
        blocks.insert(
            .paragraph(
                "Each share is the same fraction on both sides: "
                    + FitMeasure.allCases.filter(\.isShare).map { "“\($0.label)” is \($0.denominator)" }
                    .joined(separator: "; ")
                    + ". So own-council provision here is neither of the M1 figures `compare` and `sufficiency` "
                    + "show: their published M1 is DfE's own provision of all children looked after, and their "
                    + "modelled M1 (as-is and the modes) is council-run provision of the children placed in foster "
                    + "and residential care."),
            at: 0)
        return ReportSection("Fit by measure", blocks)
    }

    /// Whether a measure was a constraint of the calibration or is checked out of sample.
    enum Status: CustomStringConvertible {
        case checked
        /// Fitted for `fitted` of the `published` authorities with it published.
        case fitted(fitted: Int, published: Int, throughRakedTable: Bool)

        /// Only a checked figure is evidence of fit, so only it is held to a tolerance.
        var isChecked: Bool {
            if case .checked = self { true } else { false }
        }

        var description: String {
            switch self {
            case .checked: return "checked"
            case .fitted(let fitted, let published, let throughRakedTable):
                let what = throughRakedTable ? "fitted to the raked joint table" : "fitted"
                return fitted == published ? what : "\(what) (\(fitted) of \(published))"
            }
        }
    }

    /// Whether a measure was fitted (and over how many of the authorities with it published) or checked.
    func status(_ measure: FitMeasure) -> Status {
        let values = comparison.rows.compactMap { $0.values[measure] }.filter { $0.published != nil }
        let fitted = values.filter(\.fitted).count
        guard fitted > 0 else { return .checked }
        return .fitted(fitted: fitted, published: values.count, throughRakedTable: measure.isMetThroughRakedTable)
    }

    /// Every authority's modelled and published figures (the CSV the command prints).
    public var fitTable: ReportTable { fitTable(of: comparison.rows, id: "authorities") }

    /// `rows`' modelled and published figures, then England's.
    func fitTable(of authorityRows: [FitComparison.Row], id: String) -> ReportTable {
        var columns: [ReportTable.Column] = [
            .init("Code", key: "code", numeric: false), .init("Authority", key: "authority", numeric: false),
        ]
        for measure in FitMeasure.allCases {
            columns.append(.init("\(measure.label), modelled", key: "\(measure.rawValue)_modelled"))
            columns.append(.init("\(measure.label), published", key: "\(measure.rawValue)_published"))
            if !inSample {
                columns.append(.init("\(measure.label), persistence", key: "\(measure.rawValue)_persistence"))
            }
        }
        func row(code: String, name: String, values: [FitMeasure: FitComparison.Value]) -> [ReportValue] {
            var cells: [ReportValue] = [.text(code), .text(name)]
            for measure in FitMeasure.allCases {
                let style: ReportValue.NumberStyle = measure.isShare ? .share : .count
                let value = values[measure]
                cells.append(.number(value?.modelled, measure.modelledStyle))
                cells.append(.number(value?.published, style))
                if !inSample { cells.append(.number(value?.persistence, style)) }
            }
            return cells
        }
        let rows =
            authorityRows.map { row(code: $0.authority.id.rawValue, name: $0.authority.name, values: $0.values) }
            + [row(code: OfficialTables.englandCode.rawValue, name: "England", values: comparison.england)]
        return ReportTable(
            id: id,
            caption: (authorityRows.count == comparison.rows.count ? "Every authority" : "The scenario's authorities")
                + ", then England (DfE's national rows against every authority's sum): "
                + "modelled and published figures"
                + (inSample ? "" : ", and persistence (the \(comparison.calibratedOn) published figure)"),
            columns: columns, rows: rows)
    }

    private var authoritiesSection: ReportSection {
        ReportSection("By authority", [.table(fitTable)])
    }

    private var cooperativesSection: ReportSection {
        let byCode = Dictionary(uniqueKeysWithValues: comparison.rows.map { ($0.authority.id, $0) })
        let rows: [[ReportValue]] = scenario.cooperatives.map { cooperative in
            let members = cooperative.members.compactMap { byCode[$0] }
            var cells: [ReportValue] = [.text(cooperative.name), .count(members.count)]
            for measure in FitMeasure.headline {
                // Mean over members with both figures, each side over the same members.
                let pairs = members.compactMap { row -> (Double, Double)? in
                    guard let value = row.values[measure], let m = value.modelled, let p = value.published else {
                        return nil
                    }
                    return (m, p)
                }
                let style: ReportValue.NumberStyle = measure.isShare ? .share : .count
                let combine: ([Double]) -> Double? = { values in
                    values.isEmpty
                        ? nil : measure.isShare ? values.reduce(0, +) / Double(values.count) : values.reduce(0, +)
                }
                cells.append(.number(combine(pairs.map(\.0)), measure.modelledStyle))
                cells.append(.number(combine(pairs.map(\.1)), style))
            }
            return cells
        }
        var columns: [ReportTable.Column] = [
            .init("Co-operative", key: "cooperative", numeric: false), .init("Members", key: "members"),
        ]
        for measure in FitMeasure.headline {
            columns.append(.init("\(measure.label), modelled", key: "\(measure.rawValue)_modelled"))
            columns.append(.init("\(measure.label), published", key: "\(measure.rawValue)_published"))
        }
        return ReportSection(
            "By co-operative",
            [
                .paragraph(
                    "Shares are the unweighted mean over member authorities with both figures, so that each "
                        + "authority's fit counts alike; other councils' children placed inside are summed over the "
                        + "same members. The co-operative's pooled share (all its members' children together), which "
                        + "compare's as-is and sufficiency report, can differ by a few points."),
                .table(
                    ReportTable(
                        id: "cooperatives", caption: "Every co-operative: modelled and published figures",
                        columns: columns, rows: rows)),
            ])
    }

    private var methodSection: ReportSection {
        let assumptions = baseline.assumptions.listed.map { entry -> [ReportValue] in
            [
                .text(entry.name), .number(entry.assumption.value, .decimal),
                .text(
                    NumberText.decimal(entry.assumption.range.lowerBound, places: 2) + "–"
                        + NumberText.decimal(entry.assumption.range.upperBound, places: 2)),
                .text(entry.assumption.source),
            ]
        }
        return ReportSection(
            "Method and assumptions",
            [
                .paragraph(
                    "An entropy-regularised, doubly constrained gravity model: children of each home authority, "
                        + "placement group and provider are spread over placement authorities and distance bands in "
                        + "proportion to a prior (the provider's national share of the group, the placement "
                        + "authority's supply, exp(−miles ÷ decay), and the share of the pair's distances in the "
                        + "band), then scaled by iterative proportional fitting to the published marginals."),
                .bullets([
                    "Calibration year \(comparison.calibratedOn): \(baseline.calibrated.sweeps) sweeps, largest "
                        + "relative gap to a target \(NumberText.decimal(baseline.calibrated.largestGap * 100, places: 4))%.",
                    "Allocation of \(allocation.year): \(allocation.sweeps) sweeps, largest residential excess over "
                        + "usable places \(NumberText.decimal(allocation.largestExcess, places: 3)) children.",
                ]),
                .table(
                    ReportTable(
                        id: "assumptions", caption: "Assumptions: value, range and source",
                        columns: [
                            .init("Assumption", key: "assumption", numeric: false), .init("Value", key: "value"),
                            .init("Range", key: "range", numeric: false),
                            .init("Source", key: "source", numeric: false),
                        ], rows: assumptions)),
                .table(providerPriorTable),
            ])
    }

    /// The national provider split of each placement group, the fitting's prior (each council's own
    /// provider figures rescale it).
    private var providerPriorTable: ReportTable {
        let prior = baseline.assumptions.providerPrior
        return ReportTable(
            id: "provider-prior",
            caption: "Provider prior: each placement group's national split across providers ("
                + baseline.assumptions.providerPriorSource + ")",
            columns: [.init("Placement group", key: "placement_group", numeric: false)]
                + ProviderGroup.allCases.map { .init($0.label, key: $0.key) },
            rows: PlacementGroup.allCases.map { group in
                [.text(group.label)] + ProviderGroup.allCases.map { .share(prior[group]?[$0] ?? 0) }
            })
    }
}

extension FitMeasure {
    /// How a modelled figure is shown: a share, or a number of children that may be fractional (to two
    /// decimals in CSV, as in the fit check's JSON).
    fileprivate var modelledStyle: ReportValue.NumberStyle { isShare ? .share : .modelledCount }
}
