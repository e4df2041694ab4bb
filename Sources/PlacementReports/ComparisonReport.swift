import PlacementOptimisation
import PlacementScenarios

/// The commissioning comparison an RCC board or a director of children's services reads: every
/// solved mode beside the published figures, for the scenario, each co-operative and each
/// authority; who gains and who loses going from council to regional commissioning; maps of where
/// children are placed; and where one more in-house place would save most.
public struct ComparisonReport {
    let scenario: Scenario
    let results: [ModeResult]
    let metrics: [ModeMetrics]
    /// Index of the mode compared from (`council` when solved) and to (`regional` when solved).
    let baseline: Int
    let alternative: Int
    let placeValues: [InHousePlaceValue]
    let published: PublishedSummary?
    let authorityNames: [String: String]

    /// Rows in the table of places worth most.
    static let placeValueRows = 15
    /// Beyond this many authorities, charts show co-operatives instead.
    static let chartedAuthorityLimit = 40

    public init(results: [ModeResult], scenario: Scenario) {
        precondition(!results.isEmpty, "a comparison needs at least one mode")
        self.scenario = scenario
        self.results = results
        metrics = results.map { ModeMetrics($0, scenario: scenario) }
        baseline = results.firstIndex { $0.mode == .council } ?? 0
        alternative = results.firstIndex { $0.mode == .regional } ?? results.count - 1
        placeValues = InHousePlaceValuation.values(
            of: results[alternative], scenario: scenario, authorities: scenario.authorities.map(\.id))
        let latest = PublishedSummary.years(in: scenario.actuals).last
        published = latest.map {
            PublishedSummary(year: $0, authorities: scenario.authorities.map(\.id), actuals: scenario.actuals)
        }
        authorityNames = Dictionary(uniqueKeysWithValues: scenario.authorities.map { ($0.id, $0.name) })
    }

    /// `report.html`, `report.md`, `report.json` and a CSV per table.
    public var files: [(name: String, text: String)] { ReportFiles.files(document, stem: "report") }

    public var document: ReportDocument {
        var sections = [summary, headline]
        if !scenario.cooperatives.isEmpty {
            sections.append(scopeSection("Co-operatives", kind: "cooperative", scopes: metrics.map(\.cooperatives)))
        }
        sections.append(scopeSection("Authorities", kind: "authority", scopes: metrics.map(\.authorities)))
        if results.count > 1 { sections.append(gainersAndLosers) }
        sections += [maps, placesWorthMost, method]
        return ReportDocument(
            title: "\(scenario.name): council and regional commissioning compared",
            subtitle: "Scenario \(scenario.name): "
                + ReportNumbers.counted(scenario.authorities.count, "authority", "authorities") + ", "
                + ReportNumbers.counted(scenario.cooperatives.count, "co-operative", "co-operatives") + ", "
                + ReportNumbers.counted(metrics[0].total.children, "child", "children")
                + " needing a placement. Modes: \(results.map(\.mode.rawValue).joined(separator: ", ")).",
            sections: sections)
    }

    private var from: String { results[baseline].mode.rawValue }
    private var to: String { results[alternative].mode.rawValue }

    // MARK: Sections

    private var summary: ReportSection {
        let before = metrics[baseline].total
        let after = metrics[alternative].total
        var bullets: [String] = []
        func shares(_ label: String, _ measure: KeyPath<ScopeMetrics, Double?>, published value: Double?) -> String {
            var sentence =
                "\(label): \(ReportValue.share(after[keyPath: measure]).display) under \(to) commissioning, "
                + "against \(ReportValue.share(before[keyPath: measure]).display) under \(from)"
            if let value, let year = published?.year {
                sentence += " and \(ReportValue.share(value).display) published for \(year)"
            }
            return sentence + "."
        }
        if results.count > 1 {
            bullets.append(
                shares("In-area placement (M2)", \.m2InAreaShare, published: published?.insideBoundaryShare))
            bullets.append(
                shares(
                    "Provision run by the child's own council (M1)", \.m1OwnAuthorityRunShare,
                    published: published?.ownProvisionShare))
            bullets.append(
                "Mean distance from home: \(ReportValue.miles(after.meanDistanceMiles).display) miles under \(to), "
                    + "\(ReportValue.miles(before.meanDistanceMiles).display) under \(from).")
            let costChange = after.weeklyCost - before.weeklyCost
            bullets.append(
                "Weekly cost: \(NumberText.pounds(after.weeklyCost)) under \(to), \(NumberText.pounds(before.weeklyCost)) "
                    + "under \(from): \(ReportValue.number(costChange, .poundsChange).display) a week, "
                    + "\(ReportValue.number(costChange * 52, .poundsChange).display) a year"
                    + (after.placed == before.placed
                        ? "."
                        : " (\(ReportNumbers.counted(after.placed, "child", "children")) placed against "
                            + "\(ReportNumbers.grouped(Double(before.placed))): a child left unplaced adds to the "
                            + "need, not to the cost)."))
            bullets.append(
                "Children left without a placement: \(after.unplaced) under \(to), \(before.unplaced) under \(from).")
            let changes = authorityChanges
            let gains = changes.filter { $0.verdict == .gains }
            let losses = changes.filter { $0.verdict == .loses }
            let mixed = changes.filter { $0.verdict == .mixed }
            bullets.append(
                "Of \(changes.count) authorities, \(gains.count) gain under \(to) commissioning, \(losses.count) lose, "
                    + "\(mixed.count) gain on one measure and lose on another, and "
                    + "\(changes.count - gains.count - losses.count - mixed.count) see no change (M2, distance and "
                    + "unplaced children).")
            // The worst first: the largest fall in M2, then the largest rise in distance.
            let worst = (losses + mixed).sorted {
                ($0.m2Change ?? 0, -($0.milesChange ?? 0), $0.id) < ($1.m2Change ?? 0, -($1.milesChange ?? 0), $1.id)
            }
            for change in worst.prefix(5) {
                bullets.append("\(change.name) \(change.verdict == .loses ? "loses" : "is mixed"): \(change.summary).")
            }
        } else {
            bullets.append(
                "\(to): M2 \(ReportValue.share(after.m2InAreaShare).display), M1 (own council) "
                    + "\(ReportValue.share(after.m1OwnAuthorityRunShare).display), mean distance "
                    + "\(ReportValue.miles(after.meanDistanceMiles).display) miles, weekly cost "
                    + "\(NumberText.pounds(after.weeklyCost)), \(after.unplaced) unplaced.")
        }
        if let best = rankedPlaceValues.first {
            bullets.append(PlaceValueTable.sentence(best, names: authorityNames, mode: to))
        }
        return ReportSection("Summary", [.bullets(bullets)])
    }

    private var headline: ReportSection {
        var columns = [ReportTable.Column("Measure", key: "measure", numeric: false)]
        if let published {
            columns.append(.init("Published \(published.year)", key: "published_\(published.year)"))
        }
        columns += results.map {
            .init($0.mode.rawValue, key: $0.mode.rawValue.replacingOccurrences(of: "-", with: "_"))
        }
        func row(_ label: String, published value: ReportValue?, _ measure: (ScopeMetrics) -> ReportValue)
            -> [ReportValue]
        {
            [.text(label)] + (published == nil ? [] : [value ?? .number(nil, .count)])
                + metrics.map { measure($0.total) }
        }
        let rows = [
            row("Children looked after", published: .count(published?.childrenLookedAfter)) {
                .count($0.children + $0.notCommissioned)
            },
            row("Children needing a placement", published: nil) { .count($0.children) },
            row("Placed", published: nil) { .count($0.placed) },
            row("Unplaced", published: nil) { .count($0.unplaced) },
            row("M1: own council's provision", published: .share(published?.ownProvisionShare)) {
                .share($0.m1OwnAuthorityRunShare)
            },
            row("M1: any council's provision", published: nil) { .share($0.m1LocalAuthorityRunShare) },
            row("M2: in area", published: .share(published?.insideBoundaryShare)) { .share($0.m2InAreaShare) },
            row("Within 20 miles", published: .share(published?.within20MilesShare)) { .share($0.within20MilesShare) },
            row("Mean distance (miles)", published: nil) { .miles($0.meanDistanceMiles) },
            row("Weekly cost", published: nil) { .pounds($0.weeklyCost) },
            row("Annual cost", published: nil) { .pounds($0.annualCost) },
            row("External spend a week", published: nil) { .pounds($0.externalWeeklySpend) },
            row("Estimated provider profit a week", published: nil) { .pounds($0.estimatedWeeklyProfit) },
            row("Estimated provider profit a year", published: nil) { .pounds($0.estimatedWeeklyProfit * 52) },
        ]
        var blocks: [ReportBlock] = [
            .table(
                ReportTable(
                    id: "headline", caption: "\(scenario.name): every mode beside the published figures",
                    columns: columns, rows: rows))
        ]
        if let published {
            var note =
                "Published figures are DfE's for children looked after at 31 March \(published.year), weighted by "
                + "each authority's children looked after. DfE's shares are of all children looked after; the "
                + "modelled M1 is of children in foster and residential care, and M2 and distance of children placed."
            if published.authoritiesMissing > 0 {
                note +=
                    " " + ReportNumbers.counted(published.authoritiesMissing, "authority has", "authorities have")
                    + " no published figure and " + (published.authoritiesMissing == 1 ? "is" : "are") + " left out."
            }
            blocks.append(.paragraph(note))
        }
        let statuses = results.filter { $0.status != .optimal }
        if !statuses.isEmpty {
            blocks.append(
                .paragraph(
                    "Stopped by the time limit, so not proven optimal: "
                        + statuses.map(\.mode.rawValue).joined(separator: ", ") + "."))
        }
        return ReportSection("Headline measures", blocks)
    }

    /// Per co-operative or per authority: a table per measure (published, each mode, the change),
    /// with a chart of M2, M1 and distance.
    private func scopeSection(_ heading: String, kind: String, scopes: [[ModeMetrics.Scoped]]) -> ReportSection {
        let members = scopes[0]
        let publishedByScope: [PublishedSummary]? = published.map { published in
            members.map { scoped in
                let authorities =
                    kind == "authority"
                    ? [scoped.id] : scenario.cooperatives.first { $0.id == scoped.id }?.members ?? []
                return PublishedSummary(year: published.year, authorities: authorities, actuals: scenario.actuals)
            }
        }
        let charted =
            kind == "cooperative"
            ? scenario.authorities.count > Self.chartedAuthorityLimit
            : scenario.authorities.count <= Self.chartedAuthorityLimit
        var blocks: [ReportBlock] = []
        let measures:
            [(
                String, String, ReportValue.NumberStyle, KeyPath<ScopeMetrics, Double?>,
                KeyPath<PublishedSummary, Double?>?
            )] = [
                ("M2: placed in area", "m2", .share, \.m2InAreaShare, \.insideBoundaryShare),
                (
                    "M1: placed in own council's provision", "m1-own", .share, \.m1OwnAuthorityRunShare,
                    \.ownProvisionShare
                ),
                ("Mean distance from home (miles)", "mean-miles", .miles, \.meanDistanceMiles, nil),
            ]
        for (title, id, style, measure, publishedMeasure) in measures {
            let values = scopes.map { $0.map { $0.metrics[keyPath: measure] } }
            let publishedValues = publishedMeasure.flatMap { key in publishedByScope?.map { $0[keyPath: key] } }
            blocks.append(
                .table(
                    measureTable(
                        id: "\(kind)-\(id)",
                        caption: "\(title), by \(kind == "authority" ? "authority" : "co-operative")",
                        members: members, style: style, values: values, published: publishedValues)))
            if charted {
                var series: [ChartSeries] = []
                if let publishedValues, let year = published?.year {
                    series.append(
                        .init(name: "published \(year)", colour: ReportPalette.published, values: publishedValues))
                }
                for (index, result) in results.enumerated() {
                    series.append(
                        .init(
                            name: result.mode.rawValue,
                            colour: ReportPalette.series[index % ReportPalette.series.count],
                            values: values[index]))
                }
                let chart = GroupedBarChart(
                    title: title, categories: members.map(\.name), series: series, style: style,
                    axisMaximum: style == .share ? 1 : nil)
                blocks.append(
                    .figure(
                        caption: "\(title), by \(kind == "authority" ? "authority" : "co-operative")", svg: chart.svg))
            }
        }
        let costs = scopes.map { $0.map { Optional($0.metrics.weeklyCost) } }
        blocks.append(
            .table(
                measureTable(
                    id: "\(kind)-weekly-cost",
                    caption: "Weekly cost, by \(kind == "authority" ? "authority" : "co-operative")", members: members,
                    style: .pounds, values: costs, published: nil)))
        let unplaced = scopes.map { $0.map { Optional(Double($0.metrics.unplaced)) } }
        if unplaced.contains(where: { $0.contains { ($0 ?? 0) > 0 } }) {
            blocks.append(
                .table(
                    measureTable(
                        id: "\(kind)-unplaced",
                        caption: "Children left unplaced, by \(kind == "authority" ? "authority" : "co-operative")",
                        members: members, style: .count, values: unplaced, published: nil)))
        }
        return ReportSection(heading, blocks)
    }

    private func measureTable(
        id: String, caption: String, members: [ModeMetrics.Scoped], style: ReportValue.NumberStyle,
        values: [[Double?]], published publishedValues: [Double?]?
    ) -> ReportTable {
        var columns = [
            ReportTable.Column("Name", key: "name", numeric: false), .init("Code", key: "code", numeric: false),
        ]
        if publishedValues != nil, let year = published?.year {
            columns.append(.init("Published \(year)", key: "published_\(year)"))
        }
        columns += results.map {
            .init($0.mode.rawValue, key: $0.mode.rawValue.replacingOccurrences(of: "-", with: "_"))
        }
        let changeStyle: ReportValue.NumberStyle =
            switch style {
            case .share: .shareChange
            case .miles: .milesChange
            case .pounds: .poundsChange
            default: .countChange
            }
        if results.count > 1 { columns.append(.init("\(from) → \(to)", key: "change")) }
        let rows = members.indices.map { index -> [ReportValue] in
            var row: [ReportValue] = [.text(members[index].name), .text(members[index].id)]
            if let publishedValues, published != nil { row.append(.number(publishedValues[index], style)) }
            row += values.map { .number($0[index], style) }
            if results.count > 1 {
                let change = values[alternative][index].flatMap { new in values[baseline][index].map { new - $0 } }
                row.append(.number(change, changeStyle))
            }
            return row
        }
        return ReportTable(id: id, caption: caption, columns: columns, rows: rows)
    }

    private var authorityChanges: [AuthorityChange] {
        zip(metrics[baseline].authorities, metrics[alternative].authorities).map { before, after in
            AuthorityChange(id: before.id, name: before.name, before: before.metrics, after: after.metrics)
        }
    }

    private var gainersAndLosers: ReportSection {
        let changes = authorityChanges
        var blocks: [ReportBlock] = [
            .paragraph(
                "An authority gains when, going from \(from) to \(to) commissioning, more of its children are placed "
                    + "in its area (M2), nearer home on average, or placed at all, and none of these gets worse; it "
                    + "loses when one gets worse and none better. Changes under 0.05 percentage points or 0.05 miles "
                    + "count as none. M1 and cost are shown but do not decide the verdict.")
        ]
        var bullets: [String] = []
        for verdict in [AuthorityChange.Verdict.gains, .loses, .mixed] {
            let group = changes.filter { $0.verdict == verdict }
            guard !group.isEmpty else { continue }
            let label =
                switch verdict {
                case .gains: "Gain"
                case .loses: "Lose"
                case .mixed: "Gain on one measure, lose on another"
                case .unchanged: "No change"
                }
            bullets.append(
                "\(label) (\(group.count)): " + group.map { "\($0.name) (\($0.summary))" }.joined(separator: "; ") + "."
            )
        }
        let unchanged = changes.filter { $0.verdict == .unchanged }
        if !unchanged.isEmpty {
            bullets.append("No change (\(unchanged.count)): " + unchanged.map(\.name).joined(separator: ", ") + ".")
        }
        blocks.append(.bullets(bullets))
        let cooperativeOf = Dictionary(
            scenario.cooperatives.flatMap { cooperative in cooperative.members.map { ($0, cooperative.name) } },
            uniquingKeysWith: { first, _ in first })
        blocks.append(
            .table(
                ReportTable(
                    id: "gainers-and-losers", caption: "Each authority from \(from) to \(to) commissioning",
                    columns: [
                        .init("Name", key: "name", numeric: false), .init("Code", key: "code", numeric: false),
                        .init("Co-operative", key: "cooperative", numeric: false),
                        .init("Verdict", key: "verdict", numeric: false), .init("M2 change", key: "m2_change"),
                        .init("Miles change", key: "mean_miles_change"),
                        .init("Unplaced change", key: "unplaced_change"), .init("M1 own change", key: "m1_own_change"),
                        .init("Weekly cost change", key: "weekly_cost_change"),
                    ],
                    rows: changes.map { change in
                        [
                            .text(change.name), .text(change.id), .text(cooperativeOf[change.id] ?? ""),
                            .text(change.verdict.rawValue), .number(change.m2Change, .shareChange),
                            .number(change.milesChange, .milesChange),
                            .number(Double(change.unplacedChange), .countChange),
                            .number(change.m1OwnChange, .shareChange),
                            .number(change.weeklyCostChange, .poundsChange),
                        ]
                    })))
        return ReportSection("Who gains and who loses under \(to) commissioning", blocks)
    }

    private var maps: ReportSection {
        var blocks: [ReportBlock] = [
            .paragraph(
                "Each authority is drawn at its centroid. A circle's area shows the children placed inside their own "
                    + "authority; each line, children placed from one authority into another, its width growing with "
                    + "their number. Solid green lines are places run by a council, dashed orange lines external "
                    + "providers; arrows point from home to placement.")
        ]
        for index in Set([baseline, alternative]).sorted() {
            let result = results[index]
            let flows = PlacementFlows(result)
            var caption = "Where children are placed under \(result.mode.rawValue) commissioning"
            if flows.flowsLeftOff > 0 {
                caption +=
                    " (the \(flows.flows.count) largest flows; \(flows.flowsLeftOff) smaller ones, "
                    + "\(flows.childrenLeftOff) children, are not drawn)"
            }
            let map = FlowMap(
                title: caption, id: "map-\(result.mode.rawValue)", authorities: scenario.authorities,
                highlighted: Set(scenario.authorities.map(\.id)), flows: flows.flows,
                childrenInArea: flows.childrenInArea)
            blocks.append(.figure(caption: caption, svg: map.svg))
        }
        return ReportSection("Where children are placed", blocks)
    }

    /// Every value with a saving, largest first.
    private var rankedPlaceValues: [InHousePlaceValue] {
        PlaceValueTable.ranked(placeValues.filter { ($0.weeklySaving ?? 0) > 0.005 })
    }

    private var placesWorthMost: ReportSection {
        let ranked = rankedPlaceValues.prefix(Self.placeValueRows)
        var blocks: [ReportBlock] = [
            .paragraph(PlaceValueTable.explanation(mode: to, penalty: scenario.policy.unplacedPenalty))
        ]
        if ranked.isEmpty {
            blocks.append(
                .paragraph(
                    "No extra in-house place would save anything: every child is placed as well as the model allows."))
        } else {
            blocks.append(
                .table(
                    PlaceValueTable.table(
                        Array(ranked), names: authorityNames, id: "in-house-place-values",
                        caption: "Where one more in-house place saves most (\(ranked.count) largest)")))
        }
        let withoutDuals = Set(placeValues.filter { $0.weeklySaving == nil }.map(\.placementType)).sorted()
        if !withoutDuals.isEmpty {
            blocks.append(
                .paragraph(
                    "No value for " + withoutDuals.map { $0.label.lowercased() }.joined(separator: ", ")
                        + ": sibling groups make those models integer (or a time limit stopped them), so they have no duals."
                ))
        }
        return ReportSection("Where one more in-house place would help most", blocks)
    }

    private var method: ReportSection {
        let policy = scenario.policy
        return ReportSection(
            "Method and assumptions",
            [
                .bullets([
                    "Each mode is solved as a linear programme (mixed-integer where sibling groups must stay together) "
                        + "with GLPK. The objective weighs each placement's weekly price, £"
                        + "\(NumberText.decimal(policy.costPerMile, places: 0)) a mile from home, £"
                        + "\(NumberText.decimal(policy.outOfAreaPenalty, places: 0)) for leaving the home area, less £"
                        + "\(NumberText.decimal(policy.localAuthorityPreference, places: 0)) for council provision, and "
                        + "\(NumberText.pounds(policy.unplacedPenalty)) for a child left unplaced.",
                    "council: each council alone, buying from the market in a seeded order; council-coordinated: the "
                        + "same access solved jointly; regional: co-operative members share in-house places and buy "
                        + "together; national: every in-house place open to every child (a bound, not a proposal).",
                    "Distances are straight lines, as DfE measures placement distance: between authority centroids "
                        + "(inside one authority, the mean distance within a disc of its area) unless the scenario "
                        + "gives the distance between two authorities.",
                    "Every place in the scenario is treated as free for the scenario's children, so modelled M2 "
                        + "and distance are better than any real year: read the differences between modes more than "
                        + "the levels.",
                    "Estimated provider profit is external spend times the policy's operating margin per placement "
                        + "type: "
                        + policy.marketMargins.sorted { $0.key < $1.key }
                        .map { "\($0.key.label.lowercased()) \(NumberText.percent($0.value))" }.joined(separator: ", ")
                        + ", other types \(NumberText.percent(policy.defaultMarketMargin)) (the CMA found 22.6% for "
                        + "the largest children's-home providers).",
                ])
            ])
    }
}
