import PlacementOptimisation
import PlacementScenarios
import PlacementShocks

/// The comparison of modes over seeded draws: every measure as mean and 10th–90th percentiles, and
/// who gains and who loses stated only when it holds in at least 80% of draws.
public struct DrawComparison {
    let scenario: Scenario
    let results: DrawResults
    let seed: UInt64
    let shocks: [AppliedShock]
    let market: DrawMarket?

    /// `market`: the market the draws solve (today's, or every place empty), stated in every format;
    /// `nil` states none.
    public init(
        _ results: DrawResults, scenario: Scenario, seed: UInt64, shocks: [AppliedShock] = [],
        market: DrawMarket? = nil
    ) {
        self.results = results
        self.scenario = scenario
        self.seed = seed
        self.shocks = shocks
        self.market = market
    }

    /// `report.html`, `report.md`, `report.json` and a CSV per table.
    public var files: [(name: String, text: String)] { ReportFiles.files(document, stem: "report") }

    public var json: String {
        DrawsJSON.comparison(results, scenario: scenario, seed: seed, shocks: shocks, market: market)
    }

    /// The headline table as CSV.
    public var csv: String { TabularReport.csv(headlineTable) }

    public var document: ReportDocument {
        var sections = [summary, ReportSection("Headline measures over draws", [.table(headlineTable)])]
        sections.append(authoritiesSection)
        if !results.contrasts.isEmpty { sections.append(gainersAndLosers) }
        sections.append(method)
        return ReportDocument(
            title: "\(scenario.name): commissioning modes over \(results.draws) draws",
            subtitle: "Scenario \(scenario.name), seed \(seed), modes "
                + results.modes.map(\.rawValue).joined(separator: ", ")
                + (shocks.isEmpty ? "" : "; shocks: " + shocks.map(\.label).joined(separator: "; ")) + ".",
            sections: sections)
    }

    /// Why council mode's figures over draws can differ from `compare`'s without them.
    static func councilOrderNote(_ scenario: Scenario) -> String {
        "Council mode's buying order is drawn anew in each draw, so its figures can differ from compare's "
            + "without --draws, which orders the councils by the scenario's council_order_seed "
            + "(\(scenario.policy.councilOrderSeed)); the joint modes do not depend on it."
    }

    var headlineTable: ReportTable {
        ReportTable(
            id: "draws-headline", caption: "Every measure for \(scenario.name): mean and 10th–90th percentiles",
            columns: DrawTables.headlineColumns,
            rows: DrawTables.headline(results))
    }

    var summary: ReportSection {
        var bullets: [String] = [
            "\(NumberText.counted(results.draws, "draw", "draws")) from seed \(seed): each draws the councils' "
                + "buying order in council mode"
                + (shocks.contains(where: \.isRandom) ? " and the random shocks" : "")
                + "; \(NumberText.counted(results.solves, "solve", "solves")) in all (a mode with nothing random is "
                + "solved once)."
        ]
        if results.modes.contains(.council) {
            bullets.append(Self.councilOrderNote(scenario))
        }
        for (index, mode) in results.modes.enumerated() {
            let unplaced = results.spread(.unplaced, mode: index) { $0.total }
            let m2 = results.spread(.m2Share, mode: index) { $0.total }
            bullets.append(
                "\(mode.rawValue): \(unplaced.display(.meanCount)) unplaced, M2 \(m2.display(.share)) "
                    + "(mean, with 10th–90th percentiles where draws differ).")
        }
        for contrast in results.contrasts {
            let uncertain = contrast.verdicts.filter { $0.verdict.kind == .uncertain }.count
            let flipping = contrast.verdicts.filter { !$0.verdict.isUnanimous }.count
            bullets.append(
                "\(contrast.from.rawValue) to \(contrast.to.rawValue): \(uncertain) of \(contrast.verdicts.count) "
                    + "authorities uncertain (an authority is uncertain when no verdict holds in at least "
                    + "\(NumberText.percent(RobustVerdict.threshold)) of the draws); \(flipping) change verdict across "
                    + "draws.")
        }
        if !results.stoppedModes.isEmpty {
            bullets.append(
                "Stopped by the time limit in some draw: "
                    + results.stoppedModes.map(\.rawValue).joined(separator: ", ")
                    + ".")
        }
        for shock in shocks { bullets.append("Shock: \(shock.label): \(shock.detail).") }
        return ReportSection("Summary", [.bullets(bullets)] + (market?.notes ?? []).map { .paragraph($0) })
    }

    var authoritiesSection: ReportSection {
        let first = results.metrics[0][0].authorities
        var rows: [[ReportValue]] = []
        for scope in results.authoritiesWithChildren {
            for mode in results.modes.indices {
                rows.append(
                    [.text(first[scope].name), .text(first[scope].id), .text(results.modes[mode].rawValue)]
                        + DrawTables.resilienceCells(results, mode: mode) { $0.authorities[scope].metrics })
            }
        }
        let table = ReportTable(
            id: "draws-authorities", caption: "Each authority by mode over draws",
            columns: [
                .init("Name", key: "name", numeric: false), .init("Code", key: "code", numeric: false),
                .init("Mode", key: "mode", numeric: false),
            ] + DrawTables.resilienceColumns, rows: rows)
        var blocks: [ReportBlock] = []
        let scopes = first.count <= ComparisonReport.chartedAuthorityLimit ? first : results.metrics[0][0].cooperatives
        if !scopes.isEmpty {
            let byAuthority = first.count <= ComparisonReport.chartedAuthorityLimit
            blocks.append(
                .figure(
                    caption: "Children left unplaced, mean over draws, by "
                        + (byAuthority ? "authority" : "co-operative") + " and mode",
                    svg: DrawTables.chart(
                        title: "Unplaced children (mean over draws)", categories: scopes.map(\.name),
                        series: results.modes.indices.map { mode in
                            (
                                results.modes[mode].rawValue,
                                scopes.indices.map { scope in
                                    results.spread(.unplaced, mode: mode) {
                                        byAuthority ? $0.authorities[scope].metrics : $0.cooperatives[scope].metrics
                                    }.mean
                                }
                            )
                        }, style: .count)))
        }
        blocks.append(.table(table))
        return ReportSection("Authorities over draws", blocks)
    }

    var gainersAndLosers: ReportSection {
        let contrasts = results.contrasts
        let total = contrasts.first { $0.from == .council }
        let pooling = contrasts.first { $0.from == .councilCoordinated }
        let cooperativeOf = Dictionary(
            scenario.cooperatives.flatMap { cooperative in cooperative.members.map { ($0, cooperative.name) } },
            uniquingKeysWith: { first, _ in first })
        var blocks: [ReportBlock] = [
            .paragraph(
                "Each draw gives each authority a verdict as the single-run report does (gains, loses, mixed or "
                    + "unchanged: children left unplaced first, then M2 and distance). A verdict is stated only when at least "
                    + "\(NumberText.percent(RobustVerdict.threshold)) of draws give it; otherwise the authority is "
                    + "uncertain: its result depends on the councils' buying order or the random shocks. Council to "
                    + "regional is everything regional commissioning changes; council-coordinated to regional is "
                    + "what pooling in-house places alone changes. A change is put down to the co-operative only "
                    + "when the second contrast gives the same verdict.")
        ]
        var bullets: [String] = []
        if let total {
            for kind in RobustVerdict.Kind.allCases {
                let group = total.verdicts.filter { $0.verdict.kind == kind }
                guard !group.isEmpty else { continue }
                bullets.append(
                    "\(total.from.rawValue) to \(total.to.rawValue), \(kind.rawValue) (\(group.count)): "
                        + group.map { entry in
                            "\(entry.name) (\(NumberText.percent(entry.verdict.share))"
                                + attribution(entry.code, total: entry.verdict, pooling: pooling).map { ", \($0)" }
                                .orEmpty + ")"
                        }.joined(separator: "; ") + ".")
            }
        }
        blocks.append(.bullets(bullets))
        let authorities = (total ?? pooling)?.verdicts ?? []
        var columns: [ReportTable.Column] = [
            .init("Name", key: "name", numeric: false), .init("Code", key: "code", numeric: false),
            .init("Co-operative", key: "cooperative", numeric: false),
        ]
        for contrast in contrasts {
            columns += [
                .init("\(contrast.from.rawValue) → \(contrast.to.rawValue)", key: contrast.key, numeric: false),
                .init("Share of draws", key: "\(contrast.key)_share"),
            ]
        }
        columns.append(.init("Attribution", key: "attribution", numeric: false))
        let rows: [[ReportValue]] = authorities.indices.map { index in
            var row: [ReportValue] = [
                .text(authorities[index].name), .text(authorities[index].code.rawValue),
                .text(cooperativeOf[authorities[index].code] ?? ""),
            ]
            for contrast in contrasts {
                row += [
                    .text(contrast.verdicts[index].verdict.kind.rawValue),
                    .share(contrast.verdicts[index].verdict.share),
                ]
            }
            let attribution = total.flatMap {
                self.attribution(authorities[index].code, total: $0.verdicts[index].verdict, pooling: pooling)
            }
            row.append(.text(attribution ?? ""))
            return row
        }
        blocks.append(
            .table(
                ReportTable(
                    id: "draws-verdicts", caption: "Each authority's verdict over draws", columns: columns, rows: rows))
        )
        return ReportSection("Who gains and who loses, over draws", blocks)
    }

    /// Whether a stated change comes from pooling or from coordinated buying alone.
    func attribution(_ code: AuthorityCode, total: RobustVerdict, pooling: DrawContrast?) -> String? {
        guard total.kind != .uncertain, total.kind != .unchanged,
            let pooled = pooling?.verdicts.first(where: { $0.code == code })?.verdict
        else { return nil }
        if pooled.kind == total.kind { return "from pooling" }
        if pooled.kind == .unchanged { return "from coordinated buying, not pooling" }
        if pooled.kind == .uncertain { return "pooling's part uncertain" }
        return "pooling alone \(pooled.kind.rawValue)"
    }

    var method: ReportSection {
        ReportSection(
            "Method",
            [
                .paragraph(
                    "Draw d takes numbers 2d and 2d + 1 of the SplitMix64 stream seeded with \(seed): the first seeds "
                        + "the councils' buying order in council mode, the second the random shocks. Percentiles "
                        + "interpolate linearly between order statistics (R's type 7); shares and distances leave out "
                        + "draws where the scope placed no child.")
            ])
    }
}

extension Optional where Wrapped == String {
    fileprivate var orEmpty: String { self ?? "" }
}
