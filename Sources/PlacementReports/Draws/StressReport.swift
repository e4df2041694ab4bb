import PlacementOptimisation
import PlacementScenarios
import PlacementShocks
import PlacementSimulation

/// Which commissioning arrangement is more resilient to the market leaving: for the scenario as it
/// is and under each shock, by mode, the children left unplaced, placed out of area or over 20
/// miles away, M1, M2, cost and profit — for the scenario, each co-operative and each authority,
/// each as mean and 10th–90th percentiles over draws.
public struct StressReport {
    /// One scenario solved over draws: the baseline, a shock alone, or all shocks together.
    public struct Case: Sendable {
        public var label: String
        public var applied: [AppliedShock]
        public var results: DrawResults
        /// Today's placements in what the case's shocks (their first draw) leave of today's market:
        /// children whose places closed and who find no free one count as unplaced. Nil without a
        /// fitted today (the empty market, or no published figures).
        public var asIs: ModeMetrics?
        /// What the case's shocks did to today's placements (nil without shocks or without a fitted today).
        public var asIsDisplacement: TodaysPlacements.ShockDisplacement?

        public init(
            label: String, applied: [AppliedShock], results: DrawResults, asIs: ModeMetrics? = nil,
            asIsDisplacement: TodaysPlacements.ShockDisplacement? = nil
        ) {
            self.label = label
            self.applied = applied
            self.results = results
            self.asIs = asIs
            self.asIsDisplacement = asIsDisplacement
        }
    }

    let scenario: Scenario
    let cases: [Case]
    /// The shocks file's `description`, shown under the title when there is one.
    let shocks: String
    let seed: UInt64
    let market: DrawMarket?
    /// Authorities the report is for (`stress --authority`): the summary gives their children's
    /// figures case by case, and the tables by authority and co-operative keep theirs alone.
    public var focus: [AuthorityCode] = []

    /// `market`: the market the cases solve
    /// (today's before the shocks, or every place empty), stated in every format.
    public init(
        scenario: Scenario, cases: [Case], shocks: String, seed: UInt64,
        market: DrawMarket? = nil
    ) {
        self.scenario = scenario
        self.cases = cases
        // A folded YAML description may hold line breaks: the subtitle is one line.
        self.shocks = shocks.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        self.seed = seed
        self.market = market
    }

    /// `stress.html`, `stress.md`, `stress.json`, `stress-TABLE.csv` per table, `stress-draws.json`
    /// with every measure of every scope, mode and case summarised over draws, and `stress-draws.csv`
    /// with every draw's.
    public var files: [(name: String, text: String)] {
        ReportFiles.files(document, stem: "stress") + [
            ("stress-draws.json", json),
            ("stress-draws.csv", DrawsCSV.csv(cases.map { .init(label: $0.label, results: $0.results) }, focus: focus)),
        ]
    }

    /// Every case's draws in the JSON form of `compare --draws`: `{"scenario", "market", "cases":
    /// [{"label", …}]}`, the market stated once for all cases.
    public var json: String {
        struct CaseObject: Encodable {
            var label: String
            var results: DrawsJSON.Object
            /// Today's placements after the case's shocks: the scenario's, and the focus authorities'.
            var asIs: AsIsObject?

            enum CodingKeys: String, CodingKey {
                case label, results
                case asIs = "as_is"
            }
        }
        struct AsIsObject: Encodable {
            var total: [String: Double?]
            var authorities: [String: [String: Double?]]
            /// Today's placements the shocks took, the children placed again, those without a place.
            var displaced: Int?
            var placedAgain: Int?
            var withoutPlace: Int?

            enum CodingKeys: String, CodingKey {
                case total, authorities, displaced
                case placedAgain = "placed_again"
                case withoutPlace = "without_place"
            }
        }
        let measures: [DrawMeasure] = [.unplaced, .over20Miles, .m1OwnShare, .m2Share]
        func values(_ metrics: ScopeMetrics) -> [String: Double?] {
            Dictionary(uniqueKeysWithValues: measures.map { ($0.rawValue, $0.value(metrics)) })
        }
        func asIs(_ metrics: ModeMetrics, _ effect: TodaysPlacements.ShockDisplacement?) -> AsIsObject {
            AsIsObject(
                total: values(metrics.total),
                authorities: Dictionary(
                    metrics.authorities.filter { focus.contains(AuthorityCode(rawValue: $0.id)) }.map {
                        ($0.id, values($0.metrics))
                    }, uniquingKeysWith: { first, _ in first }),
                displaced: effect?.displaced, placedAgain: effect?.placedAgain, withoutPlace: effect?.withoutPlace)
        }
        struct Object: Encodable {
            var scenario: String
            /// With `--authority`: its code; the scopes are then its own and its co-operative's.
            var authority: String?
            var market: DrawMarket.Object?
            var cases: [CaseObject]
        }
        return ResultJSON.encode(
            Object(
                scenario: scenario.name, authority: focus.first?.rawValue,
                market: market.map { DrawMarket.Object(market: $0) },
                cases: cases.map { entry in
                    CaseObject(
                        label: entry.label,
                        results: DrawsJSON.Object(
                            entry.results, scenario: scenario, seed: seed, shocks: entry.applied, focus: focus),
                        asIs: entry.asIs.map { asIs($0, entry.asIsDisplacement) })
                }))
    }

    public var document: ReportDocument {
        let draws = cases.first?.results.draws ?? 0
        return ReportDocument(
            title: "\(scenario.name): stress test of commissioning arrangements",
            subtitle: (shocks.isEmpty ? "" : "Shocks: \(shocks). ")
                + "Scenario \(scenario.name); \(cases.count) cases, \(NumberText.counted(draws, "draw", "draws")) each from seed \(seed); modes "
                + (cases.first?.results.modes.map(\.rawValue).joined(separator: ", ") ?? "") + ".",
            sections: [summary, totals, scopes(cooperatives: true), scopes(cooperatives: false), method])
    }

    /// A case's mean over draws of a measure of the whole scenario, one mode (0 where it has none).
    static func mean(_ entry: Case, _ measure: DrawMeasure, mode: Int) -> Double {
        entry.results.spread(measure, mode: mode) { $0.total }.mean ?? 0
    }

    /// A shocked case against the scenario as it is (the first case, no shock), mode by mode, in means
    /// over draws: what the shock does, which the two bullets side by side leave to subtraction.
    /// "…, against no shock (means): council +29 unplaced and +191 over 20 miles; regional +29 unplaced
    /// and +186 over 20 miles."
    func changeFromNoShock(_ entry: Case) -> String? {
        guard let plain = cases.first, plain.applied.isEmpty, !entry.applied.isEmpty,
            plain.results.modes == entry.results.modes
        else { return nil }
        let signed = { (value: Double) in Self.signed(value) }
        let parts = entry.results.modes.indices.map { mode in
            let unplaced = Self.mean(entry, .unplaced, mode: mode) - Self.mean(plain, .unplaced, mode: mode)
            let far = Self.mean(entry, .over20Miles, mode: mode) - Self.mean(plain, .over20Miles, mode: mode)
            return "\(entry.results.modes[mode].rawValue) \(signed(unplaced)) unplaced and \(signed(far)) over 20 miles"
        }
        var asIs: [String] = []
        if let shocked = entry.asIs?.total, let today = plain.asIs?.total {
            asIs.append(
                "\(asIsLabel(entry)) \(signed(Self.count(.unplaced, shocked) - Self.count(.unplaced, today))) unplaced and "
                    + "\(signed(Self.count(.over20Miles, shocked) - Self.count(.over20Miles, today))) over 20 miles")
        }
        return "\(entry.label), against no shock (means): " + (asIs + parts).joined(separator: "; ") + "."
    }

    /// A count of today's placements (as-is: whole children, no draws).
    static func count(_ measure: DrawMeasure, _ metrics: ScopeMetrics) -> Double { measure.value(metrics) ?? 0 }

    /// As-is is one figure, on the first draw's shocks: whether that differs from the modes' means,
    /// there being several draws and the case's shocks differing between them (a random closure).
    func asIsIsFirstDrawOnly(_ entry: Case) -> Bool {
        entry.results.draws > 1 && entry.applied.contains(where: \.isRandom)
    }

    /// As-is's name in the summary: "as-is (first draw)" where it is the first draw's alone.
    func asIsLabel(_ entry: Case) -> String { asIsIsFirstDrawOnly(entry) ? "as-is (first draw)" : "as-is" }

    /// Said in the captions of the tables with as-is's rows, where any case's as-is is a random closure's
    /// first draw beside the modes' means.
    var asIsCaption: String {
        cases.contains { $0.asIs != nil && asIsIsFirstDrawOnly($0) }
            ? " (as-is: today's placements after a random closure's first draw, beside the modes' means; one "
                + "draw has no percentiles, so its p10 and p90 are left empty)" : ""
    }

    /// Today's placements in what the case's shocks leave: "as-is 12 unplaced and 340 over 20 miles".
    func asIsPart(_ metrics: ScopeMetrics, of entry: Case) -> String {
        "\(asIsLabel(entry)) \(Self.signed(Self.count(.unplaced, metrics), sign: false)) unplaced and "
            + "\(Self.signed(Self.count(.over20Miles, metrics), sign: false)) over 20 miles"
    }

    /// For each authority of ``focus``, its children in a case, mode by mode (means over draws), and
    /// against no shock: "Rutland's children, 10 largest … leave: council 0 unplaced and 5 over 20
    /// miles (against no shock: 0 and +2); …".
    func focusLines(_ entry: Case) -> [String] {
        guard let first = entry.results.metrics.first?.first else { return [] }
        let plain = cases.first.flatMap { $0.applied.isEmpty && !entry.applied.isEmpty ? $0 : nil }
        return focus.compactMap { code in
            guard let index = first.authorities.firstIndex(where: { $0.id == code.rawValue }) else { return nil }
            func mean(_ of: Case, _ measure: DrawMeasure, _ mode: Int) -> Double {
                of.results.spread(measure, mode: mode) { $0.authorities[index].metrics }.mean ?? 0
            }
            var asIs: [String] = []
            if let today = entry.asIs?.authority(code) {
                var text = asIsPart(today, of: entry)
                if let before = plain?.asIs?.authority(code) {
                    text +=
                        " (against no shock: "
                        + "\(Self.signed(Self.count(.unplaced, today) - Self.count(.unplaced, before))) and "
                        + "\(Self.signed(Self.count(.over20Miles, today) - Self.count(.over20Miles, before))))"
                }
                asIs.append(text)
            }
            let parts = entry.results.modes.indices.map { mode in
                var text =
                    "\(entry.results.modes[mode].rawValue) \(Self.signed(mean(entry, .unplaced, mode), sign: false)) "
                    + "unplaced and \(Self.signed(mean(entry, .over20Miles, mode), sign: false)) over 20 miles"
                if let plain, plain.results.modes == entry.results.modes {
                    text +=
                        " (against no shock: \(Self.signed(mean(entry, .unplaced, mode) - mean(plain, .unplaced, mode))) "
                        + "and \(Self.signed(mean(entry, .over20Miles, mode) - mean(plain, .over20Miles, mode))))"
                }
                return text
            }
            return "\(first.authorities[index].name)'s children, \(entry.label) (means): "
                + (asIs + parts).joined(separator: "; ")
                + "."
        }
    }

    /// A mean to a tenth, whole where it is whole, signed when `sign`.
    static func signed(_ value: Double, sign: Bool = true) -> String {
        let text = ReportNumbers.tenths(value)
        return sign ? ReportNumbers.signed(text) : text
    }

    var summary: ReportSection {
        let draws = cases.first?.results.draws ?? 0
        var bullets: [String] = []
        for entry in cases {
            let results = entry.results
            let parts = results.modes.indices.map { mode in
                let unplaced = results.spread(.unplaced, mode: mode) { $0.total }
                let far = results.spread(.over20Miles, mode: mode) { $0.total }
                return "\(results.modes[mode].rawValue) \(unplaced.display(.meanCount)) unplaced and "
                    + "\(far.display(.meanCount)) over 20 miles"
            }
            let asIs = entry.asIs.map { [asIsPart($0.total, of: entry)] } ?? []
            bullets.append("\(entry.label): " + (asIs + parts).joined(separator: "; ") + ".")
            if let change = changeFromNoShock(entry) { bullets.append(change) }
            if let effect = entry.asIsDisplacement {
                bullets.append(
                    "\(entry.label), as-is: "
                        + AsIsComparison.shockSentence(effect, policy: scenario.policy, market: market?.today))
            }
            bullets += focusLines(entry)
            for shock in entry.applied {
                bullets.append(
                    entry.applied.count == 1
                        ? "\(entry.label): \(shock.detail)." : "\(entry.label), \(shock.label): \(shock.detail).")
            }
        }
        // As-is places children where today's children are, which the modes' rules may rule out.
        if cases.contains(where: { entry in
            guard let asIs = entry.asIs?.total.unplaced else { return false }
            return entry.results.modes.indices.contains { Self.mean(entry, .unplaced, mode: $0) > Double(asIs) + 0.05 }
        }) {
            bullets.append(
                "As-is can leave fewer children without a place than a mode: today's placements stand where today's "
                    + "children are, in places the modes' rules may rule out (homes below the policy's Ofsted "
                    + "floor, places beyond its distance limits or without a specialism a child needs).")
        }
        if cases.contains(where: { $0.asIs != nil }) {
            bullets.append(
                "As-is is today's placements after each case's shocks, in what is left of today's market (a "
                    + "random closure's first draw): every child keeps today's placement while its place remains; "
                    + "the children whose places closed, and any the shocks add, are placed again as councils "
                    + "place children today (today's calibrated pattern over the places left), a child finding "
                    + "none counted as unplaced; one figure, not a mean over draws. The modes re-place every "
                    + "child by their commissioning.")
        }
        // M1 and M2 are shares of the children placed: a case leaving children without a place can raise them.
        if cases.dropFirst().contains(where: { entry in
            entry.results.modes.indices.contains {
                Self.mean(entry, .unplaced, mode: $0) > Self.mean(cases[0], .unplaced, mode: $0) + 0.05
            }
        }) {
            bullets.append(
                "M1 and M2 are shares of the children placed, so a case that leaves children without a place can "
                    + "raise them (those who lose a place are often those placed out of area, or with the market): "
                    + "read them beside the change in unplaced children, never alone.")
        }
        if let modes = cases.first?.results.modes {
            if modes.contains(.council) {
                bullets.append(DrawComparison.councilOrderNote(scenario))
                if draws == 1 {
                    bullets.append(
                        "One draw: under council commissioning which council a shortfall falls on depends on its "
                            + "place in the buying order, drawn once here; run with --draws 20 to see how it varies.")
                }
            }
            // Council commissioning buys council by council: a shock that changes what earlier councils
            // take can leave later ones more places, so fewer unplaced is not a gain from the shock.
            if let council = modes.firstIndex(of: .council),
                cases.dropFirst().contains(where: {
                    Self.mean($0, .unplaced, mode: council) < Self.mean(cases[0], .unplaced, mode: council) - 0.05
                })
            {
                bullets.append(
                    "Under council commissioning a shock can leave fewer children unplaced: councils buy one after "
                        + "another at the prices and places they find, so a shock that changes what earlier councils "
                        + "take can leave places to later ones. It is an effect of buying in turn, not a benefit of "
                        + "the shock; the joint modes show the shock's own effect.")
            }
            // Weekly cost counts placed children: an exit that leaves children unplaced "saves" their price.
            let leavesMoreUnplaced = cases.dropFirst().contains { entry in
                modes.indices.contains {
                    Self.mean(entry, .unplaced, mode: $0) > Self.mean(cases[0], .unplaced, mode: $0)
                }
            }
            if leavesMoreUnplaced {
                bullets.append(ShortfallNotes.whoseChildren)
                bullets.append(ShortfallNotes.costOfPlaced)
                let repriced = cases.contains { $0.applied.contains(where: \.setsPricesApart) }
                if let prices = PriceNotes.uniformAcrossSectors(scenario, shocksChangePrices: repriced) {
                    bullets.append(prices)
                }
            }
        }
        var blocks: [ReportBlock] = [.bullets(bullets)] + (market?.notes ?? []).map { .paragraph($0) }
        // Apart: a child with no placement is not a child placed far away.
        if let modes = cases.first?.results.modes {
            for (measure, what) in [
                (DrawMeasure.unplaced, "left unplaced"), (.over20Miles, "placed over 20 miles away"),
            ] {
                blocks.append(
                    .figure(
                        caption: "Children \(what), mean over draws, by case and mode",
                        svg: DrawTables.chart(
                            title: "Children \(what) (mean over draws)", categories: cases.map(\.label),
                            series: modes.indices.map { mode in
                                (
                                    modes[mode].rawValue,
                                    cases.map { Self.mean($0, measure, mode: mode) }
                                )
                            }, style: .count)))
            }
        }
        return ReportSection("Summary", blocks)
    }

    var totals: ReportSection {
        var rows: [[ReportValue]] = []
        for entry in cases {
            // Today's placements under the case first, as the summary gives them: one figure, whose
            // percentiles are itself, or empty where it is a random closure's first draw (as the caption
            // says). The mode cell is `as-is` in every case, for those who filter on it.
            if let asIs = entry.asIs {
                rows.append(
                    [.text(entry.label), .text("as-is")]
                        + DrawTables.resilienceCells(asIs.total, percentiles: !asIsIsFirstDrawOnly(entry)))
            }
            for mode in entry.results.modes.indices {
                rows.append(
                    [.text(entry.label), .text(entry.results.modes[mode].rawValue)]
                        + DrawTables.resilienceCells(entry.results, mode: mode) { $0.total })
            }
        }
        var every: [[ReportValue]] = []
        for entry in cases {
            if let asIs = entry.asIs {
                every += DrawTables.headline(
                    asIs.total, prefix: [.text(entry.label)], percentiles: !asIsIsFirstDrawOnly(entry))
            }
            every += DrawTables.headline(entry.results, prefix: [.text(entry.label)])
        }
        return ReportSection(
            "\(scenario.name) as a whole",
            [
                .table(
                    ReportTable(
                        id: "total", caption: "Each case and mode for \(scenario.name)" + asIsCaption,
                        columns: [
                            .init("Case", key: "case", numeric: false), .init("Mode", key: "mode", numeric: false),
                        ] + DrawTables.resilienceColumns, rows: rows)),
                .table(
                    ReportTable(
                        id: "measures", caption: "Every measure for \(scenario.name), each case and mode" + asIsCaption,
                        columns: [.init("Case", key: "case", numeric: false)] + DrawTables.headlineColumns,
                        rows: every)),
            ] + (unplacedByType.map { [.table($0)] } ?? []))
    }

    /// Children left without a place by placement type, each case and mode (means over draws): which
    /// need a shortfall falls on. `nil` when no case leaves any child without a place.
    var unplacedByType: ReportTable? {
        func types(_ metrics: ScopeMetrics) -> Set<PlacementType> {
            Set(metrics.unplacedByType.filter { $0.value > 0 }.keys)
        }
        var shown = Set<PlacementType>()
        for entry in cases {
            if let asIs = entry.asIs { shown.formUnion(types(asIs.total)) }
            for draws in entry.results.metrics { for metrics in draws { shown.formUnion(types(metrics.total)) } }
        }
        guard !shown.isEmpty else { return nil }
        let columns = shown.sorted()
        var rows: [[ReportValue]] = []
        for entry in cases {
            if let asIs = entry.asIs {
                rows.append(
                    [.text(entry.label), .text("as-is")]
                        + columns.map { .number(Double(asIs.total.unplacedByType[$0] ?? 0), .meanCount) })
            }
            for (mode, draws) in zip(entry.results.modes, entry.results.metrics) {
                rows.append(
                    [.text(entry.label), .text(mode.rawValue)]
                        + columns.map { type in
                            .number(
                                DrawSpread(draws.map { Double($0.total.unplacedByType[type] ?? 0) }).mean,
                                .meanCount)
                        })
            }
        }
        return ReportTable(
            id: "unplaced-by-type",
            caption:
                "Children without a place in \(scenario.name) by placement type, each case and mode (mean over draws)"
                + (cases.contains { $0.asIs != nil && asIsIsFirstDrawOnly($0) }
                    ? " (as-is: today's placements after a random closure's first draw)" : ""),
            columns: [.init("Case", key: "case", numeric: false), .init("Mode", key: "mode", numeric: false)]
                + columns.map { .init($0.label, key: "unplaced_\($0.rawValue)") },
            rows: rows)
    }

    func scopes(cooperatives: Bool) -> ReportSection {
        var rows: [[ReportValue]] = []
        for entry in cases {
            let first = entry.results.metrics[0][0]
            let scopes = cooperatives ? first.cooperatives : first.authorities
            let asIsScopes = entry.asIs.map { cooperatives ? $0.cooperatives : $0.authorities } ?? []
            let listed = cooperatives ? Array(scopes.indices) : entry.results.authoritiesWithChildren
            for scope in listed where scopes[scope].isShown(focus: focus) {
                if let asIs = asIsScopes.first(where: { $0.id == scopes[scope].id }) {
                    rows.append(
                        [
                            .text(entry.label), .text(scopes[scope].name), .text(scopes[scope].id),
                            .text("as-is"),
                        ] + DrawTables.resilienceCells(asIs.metrics, percentiles: !asIsIsFirstDrawOnly(entry)))
                }
                for mode in entry.results.modes.indices {
                    rows.append(
                        [
                            .text(entry.label), .text(scopes[scope].name), .text(scopes[scope].id),
                            .text(entry.results.modes[mode].rawValue),
                        ]
                            + DrawTables.resilienceCells(entry.results, mode: mode) {
                                cooperatives ? $0.cooperatives[scope].metrics : $0.authorities[scope].metrics
                            })
                }
            }
        }
        let kind = cooperatives ? "co-operative" : "authority"
        return ReportSection(
            cooperatives ? "Co-operatives" : "Authorities",
            rows.isEmpty
                ? [
                    .paragraph(
                        focus.isEmpty
                            ? "The scenario has no \(kind)."
                            : "\(NumberText.listed(focus.map { scenario.authorityNames[$0] ?? $0.rawValue })) belongs to "
                                + "no \(kind).")
                ]
                : [
                    .table(
                        ReportTable(
                            id: cooperatives ? "cooperatives" : "authorities",
                            caption: "Each \(kind), case and mode" + asIsCaption,
                            columns: [
                                .init("Case", key: "case", numeric: false), .init("Name", key: "name", numeric: false),
                                .init(cooperatives ? "Id" : "Code", key: cooperatives ? "id" : "code", numeric: false),
                                .init("Mode", key: "mode", numeric: false),
                            ] + DrawTables.resilienceColumns, rows: rows))
                ])
    }

    var method: ReportSection {
        ReportSection(
            "Method",
            [
                .paragraph(
                    "Each case is the scenario with its shocks applied in file order, solved under every mode in "
                        + "each draw. Draw d takes numbers 2d and 2d + 1 of the SplitMix64 stream seeded with \(seed): "
                        + "the councils' buying order in council mode, and the random shocks. A mode with nothing "
                        + "random in it is solved once and counts in every draw. Out of area and over 20 miles count "
                        + "placed children; unplaced children are counted apart.")
            ])
    }
}
