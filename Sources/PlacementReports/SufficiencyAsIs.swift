import PlacementOptimisation
import PlacementScenarios
import PlacementSimulation

/// The sufficiency report's as-is figures: the scope's own children today beside the report's mode.
extension SufficiencyReport {
    /// The scope's children's measures today (as-is), counted as the mode's are.
    func asIsMetrics(_ today: TodaysPlacements) -> ScopeMetrics {
        let scope = Set(members)
        var tally = MetricsTally()
        for decision in today.decisions where scope.contains(decision.homeAuthority) {
            tally.add(decision, policy: scenario.policy)
        }
        return tally.metrics
    }

    /// The summary's sentence on today's placements, or why there is none.
    var asIsBullets: [String] {
        switch asIs {
        case .none: return []
        case .notShown(let reason): return [AsIsComparison.sentence(reason)]
        case .shown(let today, _):
            let before = asIsMetrics(today)
            let change = AsIsComparison.Change(from: before, to: metrics)
            // Under shocks, children whose place went are left without one today: said first, as their
            // cost drops out of the week's and M2 is of the children placed.
            let unplaced =
                before.unplaced == 0
                ? ""
                : "\(NumberText.counted(before.unplaced, "child", "children")) without a place (M2, M1, distance "
                    + "and cost are of the children placed), "
            return [
                AsIsComparison.todayOpening(today, shocked: shocked) + unplaced
                    + "M2 \(ReportValue.share(before.m2InAreaShare).display), "
                    + "M1 (own council) \(ReportValue.share(before.m1OwnAuthorityRunShare).display), "
                    + "\(ReportValue.share(before.within20MilesShare.map { 1 - $0 }).display) more than 20 miles from "
                    + "home, weekly cost \(NumberText.pounds(before.weeklyCost)). Under \(mode) commissioning, with "
                    + AsIsComparison.modePlacing(scenario.policy) + ": \(change.summary)."
            ]
                + (shocked
                    ? today.shockDisplacement.map {
                        [
                            AsIsComparison.shockSentence(
                                $0.of(Set(members), withoutPlace: before.unplaced), policy: scenario.policy,
                                market: asIs?.market, whose: "\(scopeName)'s")
                        ]
                    } ?? [] : [])
        }
    }

    /// The table of the scope's measures as-is and under the mode, with the change.
    var asIsBlocks: [ReportBlock] {
        guard let today = asIs?.asIs else { return [] }
        let before = asIsMetrics(today)
        let after = metrics
        func over20(_ m: ScopeMetrics) -> Double? { m.within20MilesShare.map { 1 - $0 } }
        func row(
            _ label: String, _ a: Double?, _ b: Double?, _ style: ReportValue.NumberStyle,
            change: ReportValue.NumberStyle
        ) -> [ReportValue] {
            [.text(label), .number(a, style), .number(b, style), .change(from: a, to: b, change)]
        }
        return [
            .table(
                ReportTable(
                    id: "as-is-and-mode",
                    caption: "\(scopeName)'s children today (as-is) and under \(mode) commissioning",
                    columns: [
                        .init("Measure", key: "measure", numeric: false), .init(AsIsComparison.label, key: "as_is"),
                        .init(mode, key: "mode"), .init("Change", key: "change"),
                    ],
                    rows: [
                        row(
                            "M1: own council's provision", before.m1OwnAuthorityRunShare, after.m1OwnAuthorityRunShare,
                            .share, change: .shareChange),
                        row("M2: in area", before.m2InAreaShare, after.m2InAreaShare, .share, change: .shareChange),
                        row("Over 20 miles", over20(before), over20(after), .share, change: .shareChange),
                        row(
                            "Mean distance (miles)", before.meanDistanceMiles, after.meanDistanceMiles, .miles,
                            change: .milesChange),
                        row("Weekly cost", before.weeklyCost, after.weeklyCost, .pounds, change: .poundsChange),
                        row("Unplaced", Double(before.unplaced), Double(after.unplaced), .count, change: .countChange),
                    ]))
        ]
    }
}
