import PlacementOptimisation
import PlacementScenarios
import PlacementSimulation

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
    let authorityNames: [AuthorityCode: String]
    /// Today's placements beside the modes, or why they are not shown; `nil`: nothing said.
    let asIs: AsIsComparison?
    /// Whether shocks struck the scenario first (its name says which): as-is is then today's
    /// placements in the shocked market, and the summary says so.
    public var shocked = false
    /// `compare --sensitivity`: the modes at each end of each policy weight's range.
    public var sensitivity: PolicyWeightSensitivity?
    /// `compare --sensitivity` in today's market: as-is and the modes at each end of each market assumption's range.
    public var marketSensitivity: MarketAssumptionSensitivity?

    /// Rows in the table of places worth most.
    static let placeValueRows = 15
    /// Beyond this many authorities, charts show co-operatives instead.
    static let chartedAuthorityLimit = 40

    /// The comparison of `solved` modes of one scenario (at least one mode), with today's placements
    /// beside them when `asIs` shows them.
    public init(_ solved: [SolvedMode], scenario: Scenario, asIs: AsIsComparison? = nil) {
        self.scenario = scenario
        self.asIs = asIs
        results = solved.map(\.result)
        // Authorities with no children (most of an imported council's scenario, there for their
        // places) have no figures to compare: they are left out of every table, count and chart.
        metrics = solved.map { solvedMode in
            var metrics = solvedMode.metrics
            metrics.authorities = metrics.authoritiesWithChildren(in: scenario)
            return metrics
        }
        baseline = results.firstIndex { $0.mode == .council } ?? 0
        alternative = results.firstIndex { $0.mode == .regional } ?? results.count - 1
        placeValues =
            solved.indices.contains(alternative)
            // Councils with children in the scenario: a council's import lists every authority for its
            // places, and had been shown other councils' new places, valued by its own children alone.
            ? solved[alternative].inHousePlaceValues(
                for: scenario.authorities.map(\.id).filter(scenario.homeAuthorities.contains)) : []
        let latest = PublishedSummary.years(in: scenario.actuals).last
        // Of the authorities whose children the scenario models, as the modelled figures are: a council's
        // import lists every authority for its places, whose figures would be "missing" otherwise.
        let homes = scenario.homeAuthorities
        published = latest.map {
            PublishedSummary(
                year: $0, authorities: scenario.authorities.map(\.id).filter(homes.contains), actuals: scenario.actuals)
        }
        authorityNames = scenario.authorityNames
    }

    /// `report.html`, `report.md`, `report.json` and a CSV per table.
    public var files: [(name: String, text: String)] { ReportFiles.files(document, stem: "report") }

    public var document: ReportDocument {
        // What a director reads first (summary, headline, where places help, maps, method), then
        // the tables by co-operative and authority, each on a new printed page.
        var sections = [summary, headline, placesWorthMost, maps, method]
        if let sensitivity { sections.insert(sensitivity.section, at: 2) }
        if let marketSensitivity { sections.insert(marketSensitivity.section, at: sensitivity == nil ? 2 : 3) }
        var details: [ReportSection] = []
        if !scenario.cooperatives.isEmpty {
            details.append(scopeSection("Co-operatives", kind: "cooperative", scopes: metrics.map(\.cooperatives)))
        }
        if results.count > 1 { details.append(gainersAndLosers) }
        details.append(scopeSection("Authorities", kind: "authority", scopes: metrics.map(\.authorities)))
        for index in details.indices { details[index].startsOnNewPage = true }
        sections += details
        return ReportDocument(
            title: "\(scenario.name): "
                + (results.count > 2 || from == to
                    ? "commissioning modes compared" : "\(from) and \(to) commissioning compared"),
            subtitle: "Scenario \(scenario.name): "
                + ReportNumbers.counted(scenario.authorities.count, "authority", "authorities") + ", "
                + ReportNumbers.counted(scenario.cooperatives.count, "co-operative", "co-operatives") + ", "
                + ReportNumbers.counted(metrics[0].total.children, "child", "children")
                + " needing a placement. Modes: \(results.map(\.mode.rawValue).joined(separator: ", ")).",
            sections: sections)
    }

    /// One column per solved mode, keyed `council_coordinated` and so on.
    var modeColumns: [ReportTable.Column] {
        results.map { .init($0.mode.rawValue, key: $0.mode.rawValue.replacingOccurrences(of: "-", with: "_")) }
    }

    var from: String { results[baseline].mode.rawValue }
    var to: String { results[alternative].mode.rawValue }

    // MARK: Sections

    var summary: ReportSection {
        let before = metrics[baseline].total
        let after = metrics[alternative].total
        // Today's placements first, when shown: every mode's figure then reads as a change from them.
        let today = asIs?.asIs?.metrics.total
        var bullets: [String] = []
        if let asIsToday = asIs?.asIs, let today {
            bullets.append(
                AsIsComparison.todayOpening(asIsToday, shocked: shocked)
                    + "M2 \(ReportValue.share(today.m2InAreaShare).display), "
                    + "M1 (own council) \(ReportValue.share(today.m1OwnAuthorityRunShare).display), within 20 miles "
                    + "\(ReportValue.share(today.within20MilesShare).display), weekly cost "
                    + "\(NumberText.pounds(today.weeklyCost)), \(today.unplaced) unplaced"
                    + (today.unplaced > 0 ? " (the cost and shares are of the children placed)" : "") + ". Below, a "
                    + "mode's M2, M1 and weekly cost carry their change from today in brackets (the table \"each "
                    + "mode as a change from as-is\" has every measure). Each mode has "
                    + AsIsComparison.modePlacing(scenario.policy) + ".")
            if shocked, let effect = asIsToday.shockDisplacement {
                bullets.append(AsIsComparison.shockSentence(effect, policy: scenario.policy, market: asIs?.market))
            }
        } else if case .notShown(let reason) = asIs {
            bullets.append(AsIsComparison.sentence(reason))
        }
        // A mode's share, with its change from today in points when today is shown.
        func share(_ metrics: ScopeMetrics, _ measure: KeyPath<ScopeMetrics, Double?>) -> String {
            let value = ReportValue.share(metrics[keyPath: measure]).display
            guard let today, let now = metrics[keyPath: measure], let then = today[keyPath: measure] else {
                return value
            }
            return "\(value) (\(ReportValue.shareChange(from: then, to: now).display) on today)"
        }
        func shares(
            _ label: String, _ measure: KeyPath<ScopeMetrics, Double?>, published value: Double?, modelled: String
        ) -> String {
            var sentence =
                "\(label): \(share(after, measure)) under \(to) commissioning, against \(share(before, measure)) "
                + "under \(from)"
            if let value, let year = published?.year {
                // DfE's shares are of all children looked after; the modes' of those needing a
                // commissioned placement (M1: of those in foster and residential care): said, since
                // one label over two denominators reads as one measure.
                sentence +=
                    " and \(ReportValue.share(value).display) published for \(year) (DfE, of all children looked after; "
                    + "the modelled shares are of \(modelled), so the two differ by denominator as well)"
            }
            return sentence + "."
        }
        // A mode's weekly cost, with its change from today when today is shown.
        func cost(_ metrics: ScopeMetrics) -> String {
            NumberText.pounds(metrics.weeklyCost)
                + (today.map {
                    " (\(ReportValue.number(metrics.weeklyCost - $0.weeklyCost, .poundsChange).display) on today)"
                } ?? "")
        }
        if results.count > 1 {
            bullets.append(
                shares(
                    "In-area placement (M2)", \.m2InAreaShare, published: published?.insideBoundaryShare,
                    modelled: "children in a commissioned placement"))
            bullets.append(
                shares(
                    "Provision run by the child's own council (M1)", \.m1OwnAuthorityRunShare,
                    published: published?.ownProvisionShare, modelled: "children placed in foster and residential care")
            )
            if let today, let note = Self.ownCouncilFallNote(after, today: today, mode: to) { bullets.append(note) }
            bullets.append(
                "Mean distance from home: \(ReportValue.miles(after.meanDistanceMiles).display) miles under \(to), "
                    + "\(ReportValue.miles(before.meanDistanceMiles).display) under \(from).")
            let costChange = after.weeklyCost - before.weeklyCost
            bullets.append(
                "Weekly cost: \(cost(after)) under \(to), \(cost(before)) "
                    + "under \(from): \(to) against \(from), \(ReportValue.number(costChange, .poundsChange).display) a week, "
                    + "\(ReportValue.number(costChange * 52, .poundsChange).display) a year"
                    + (after.placed == before.placed
                        ? "."
                        : " (\(ReportNumbers.counted(after.placed, "child", "children")) placed against "
                            + "\(ReportNumbers.grouped(before.placed)): a child left unplaced adds to the "
                            + "need, not to the cost)."))
            bullets.append(
                "Children left without a placement: \(after.unplaced) under \(to), \(before.unplaced) under \(from)"
                    + (today.map { " (\($0.unplaced) today)." } ?? "."))
            let changes = authorityChanges
            let gains = changes.filter { $0.verdict == .gains }
            let losses = changes.filter { $0.verdict == .loses }
            let mixed = changes.filter { $0.verdict == .mixed }
            // "1 gains", "2 gain": the verb agrees with each count.
            func agreeing(_ count: Int, _ one: String, _ many: String) -> String {
                "\(count) \(count == 1 ? one : many)"
            }
            // M1 is not in the verdict, so say how it moves under the gainers: own provision is what
            // a council gives up to a co-operative.
            let gainsLosingM1 = gains.filter { ($0.m1OwnChange ?? 0) < -1e-9 }.count
            let m1Note =
                gains.isEmpty
                ? ""
                : gainsLosingM1 == 0
                    ? " M1 is not in the verdict; no authority that gains has less of its own council's provision "
                        + "under \(to)."
                    : gains.count == 1
                        ? " M1 is not in the verdict: the authority that gains has less of its own council's "
                            + "provision (own-council M1) under \(to)."
                        : " M1 is not in the verdict: \(gainsLosingM1) of the \(gains.count) that gain "
                            + "\(gainsLosingM1 == 1 ? "has" : "have") less of their own council's provision "
                            + "(own-council M1) under \(to)."
            bullets.append(
                "Against \(from) commissioning, of \(ReportNumbers.counted(changes.count, "authority", "authorities"))"
                    + (changes.count < scenario.ownAuthorities.count ? " with children" : "") + ", "
                    + "\(agreeing(gains.count, "gains", "gain")) under \(to) commissioning, "
                    + "\(agreeing(losses.count, "loses", "lose")), "
                    + "\(agreeing(mixed.count, "gains on one measure and loses", "gain on one measure and lose")) on "
                    + "another, and \(agreeing(changes.count - gains.count - losses.count - mixed.count, "sees", "see")) "
                    + "no change (children left unplaced first, then M2 and distance)" + outsideCooperativesNote + "."
                    + m1Note)
            // The worst first: the most more unplaced, then the largest fall in M2, then the largest rise in distance.
            let worst = (losses + mixed).sorted {
                (-$0.unplacedChange, $0.m2Change ?? 0, -($0.milesChange ?? 0), $0.id)
                    < (-$1.unplacedChange, $1.m2Change ?? 0, -($1.milesChange ?? 0), $1.id)
            }
            for change in worst.prefix(5) {
                bullets.append("\(change.name) \(change.verdict == .loses ? "loses" : "is mixed"): \(change.summary).")
            }
        } else {
            bullets.append(
                "\(to): M2 \(share(after, \.m2InAreaShare)), M1 (own council) "
                    + "\(share(after, \.m1OwnAuthorityRunShare)), mean distance "
                    + "\(ReportValue.miles(after.meanDistanceMiles).display) miles, weekly cost \(cost(after)), "
                    + "\(after.unplaced) unplaced.")
        }
        if let best = rankedPlaceValues.first {
            bullets.append(PlaceValueTable.sentence(best, names: authorityNames, mode: to))
        }
        if let order = AsIsComparison.buyingOrderNote(scenario.policy, modes: results.map(\.mode)) {
            bullets.append(order)
        }
        if let below = BelowFloorNote.sentence(results, policy: scenario.policy) { bullets.append(below) }
        // Who is left without a place is the less sure part of a shortfall, and the cost leaves them out.
        if metrics.contains(where: { $0.total.unplaced > 0 }) {
            bullets.append(ShortfallNotes.whoseChildren)
            bullets.append(ShortfallNotes.costOfPlaced)
        }
        return ReportSection("Summary", [.bullets(bullets)])
    }

    /// Why a pooling mode's own-council M1 can fall below today's while M2 rises: placed again, children
    /// move into other councils' in-house places, which M1 (own council) does not count. Said where M1
    /// falls more than half a point and the any-council share stands above it.
    static func ownCouncilFallNote(_ metrics: ScopeMetrics, today: ScopeMetrics, mode label: String) -> String? {
        guard let own = metrics.m1OwnAuthorityRunShare, let ownToday = today.m1OwnAuthorityRunShare,
            own < ownToday - 0.005, let any = metrics.m1LocalAuthorityRunShare, any > own + 0.005
        else { return nil }
        return "Own-council M1 falls below today's under \(label) because, placing every child again, it puts "
            + "children in other councils' in-house places, which M1 (own council) does not count: M1 (any council) "
            + "is \(ReportValue.share(any).display) under \(label), "
            + "\(ReportValue.share(today.m1LocalAuthorityRunShare).display) today."
    }

    /// Under regional commissioning a council in no co-operative is commissioned as under
    /// council-coordinated: its change in a comparison with `council` is coordination's, not pooling's.
    var outsideCooperativesNote: String {
        guard results[alternative].mode == .regional, !scenario.cooperatives.isEmpty else { return "" }
        let members = Set(scenario.cooperatives.flatMap(\.members))
        let homes = scenario.homeAuthorities
        let outside = scenario.ownAuthorities.filter { !members.contains($0.id) && homes.contains($0.id) }
        guard !outside.isEmpty, outside.count < homes.count else { return "" }
        return "; " + NumberText.listed(outside.map(\.name)) + (outside.count == 1 ? " is" : " are")
            + " in no co-operative, so "
            + (outside.count == 1 ? "its" : "their") + " change is coordination's, not pooling's"
    }

    var headline: ReportSection {
        var columns = [ReportTable.Column("Measure", key: "measure", numeric: false)]
        if let published {
            columns.append(.init("Published \(published.year)", key: "published_\(published.year)"))
        }
        let today = asIs?.asIs
        if today != nil { columns.append(.init(AsIsComparison.label, key: "as_is")) }
        columns += modeColumns
        func row(_ label: String, published value: ReportValue?, _ measure: (ScopeMetrics) -> ReportValue)
            -> [ReportValue]
        {
            [.text(label)] + (published == nil ? [] : [value ?? .number(nil, .count)])
                + (today.map { [measure($0.metrics.total)] } ?? []) + metrics.map { measure($0.total) }
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
                + "each authority's children looked after (the distance by those with a known distance, where the "
                + "scenario gives them). DfE's own-provision and in-area shares are of all "
                + "children looked after, its distance share of those with a known distance; the modelled M1 is of "
                + "children in foster and residential care, and M2 and distance of children placed."
            if published.authoritiesMissing > 0 {
                // Named, with the scenario's children there, so the gap in children looked after is explained.
                let missing = Set(published.missingAuthorities)
                let theirChildren = scenario.cohorts.filter { missing.contains($0.homeAuthority) }.reduce(0) {
                    $0 + $1.count
                }
                let names = published.missingAuthorities.compactMap { code in
                    scenario.authorities.first { $0.id == code }?.name
                }
                let one = published.authoritiesMissing == 1
                note +=
                    " " + ReportNumbers.counted(published.authoritiesMissing, "authority has", "authorities have")
                    + " no published figure"
                    + (names.count <= 5 ? " (\(NumberText.listed(names)))" : "")
                    + " and " + (one ? "is" : "are") + " left out, so the published children looked after are "
                    + "the other authorities' sum; the scenario holds "
                    + ReportNumbers.counted(theirChildren, "child", "children") + " for " + (one ? "it" : "them") + "."
            }
            if published.ownProvisionSuppressed > 0 {
                note +=
                    " " + ReportNumbers.counted(published.ownProvisionSuppressed, "authority's", "authorities'")
                    + " own-provision count DfE suppresses (a handful of children, or a children's trust's "
                    + "provision, which is not the council's own) and counts as none (DfE's England total counts their handful of children)."
            }
            // A calibrated as-is matches its own year's figures by construction: said beside them.
            if let today, !shocked, today.childrenAsRecorded == 0, today.year == published.year {
                note +=
                    " As-is is calibrated on these \(published.year) figures, authority by authority, so its match "
                    + "with them is a fit, not evidence: `placement baseline SCENARIO --calibrate-on "
                    + "\(published.year - 1) --predict \(published.year)` checks the model on a year it never saw."
            }
            blocks.append(.paragraph(note))
        }
        if let today { blocks.append(.table(changesFromAsIs(today))) }
        let statuses = results.filter { $0.status != .optimal }
        if !statuses.isEmpty {
            blocks.append(
                .paragraph(
                    "Stopped by the time limit, so not proven optimal: "
                        + statuses.map(\.mode.rawValue).joined(separator: ", ") + "."))
        }
        return ReportSection("Headline measures", blocks)
    }
}

extension ComparisonReport {
    /// Each mode's total as a change from today's placements.
    func changesFromAsIs(_ today: TodaysPlacements) -> ReportTable {
        let changes = metrics.map { AsIsComparison.Change(from: today.metrics.total, to: $0.total) }
        func row(_ label: String, _ value: (AsIsComparison.Change) -> ReportValue) -> [ReportValue] {
            [.text(label)] + changes.map(value)
        }
        return ReportTable(
            id: "change-from-as-is", caption: "\(scenario.name): each mode as a change from as-is (today's placements)",
            columns: [.init("Measure", key: "measure", numeric: false)] + modeColumns,
            rows: [
                // Read as the headline's figures print, so that each change is their difference.
                row("M1: own council's provision") { $0.shareChange(\.m1OwnAuthorityRunShare) },
                row("M1: any council's provision") { $0.shareChange(\.m1LocalAuthorityRunShare) },
                row("M2: in area") { $0.shareChange(\.m2InAreaShare) },
                row("Within 20 miles") { $0.shareChange(\.within20MilesShare) },
                row("Mean distance (miles)") {
                    .change(from: $0.before.meanDistanceMiles, to: $0.after.meanDistanceMiles, .milesChange)
                },
                row("Weekly cost") { .number($0.weeklyCost, .poundsChange) },
                row("Placed") { .number(Double($0.placed), .countChange) },
                row("Unplaced") { .number(Double($0.unplaced), .countChange) },
            ])
    }
}
