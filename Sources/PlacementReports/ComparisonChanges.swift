import PlacementOptimisation
import PlacementScenarios

/// The comparison's section on who gains and who loses going from one mode to the other.
extension ComparisonReport {
    var authorityChanges: [AuthorityChange] {
        zip(metrics[baseline].authorities, metrics[alternative].authorities).map { before, after in
            AuthorityChange(id: before.members[0], name: before.name, before: before.metrics, after: after.metrics)
        }
    }

    var gainersAndLosers: ReportSection {
        let changes = authorityChanges
        var blocks: [ReportBlock] = [
            .paragraph(
                "Going from \(from) to \(to) commissioning, an authority with more of its children left without a "
                    + "placement loses and one with fewer gains, whatever else moves (M2 and distance are of the "
                    + "children placed, so leaving children unplaced can raise them). With as many unplaced, it "
                    + "gains when more of its children are placed in its area (M2) or nearer home on average and "
                    + "neither gets worse, loses when one gets worse and neither better, and is mixed otherwise. "
                    + "Changes under 0.05 percentage points or 0.05 miles count as none. M1 and cost are shown but "
                    + "do not decide the verdict.")
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
                            .text(change.name), .text(change.id.rawValue), .text(cooperativeOf[change.id] ?? ""),
                            // As the tables by authority print them: the difference of the printed figures.
                            .text(change.verdict.rawValue),
                            .shareChange(from: change.before.m2InAreaShare, to: change.after.m2InAreaShare),
                            .change(
                                from: change.before.meanDistanceMiles, to: change.after.meanDistanceMiles,
                                .milesChange),
                            .number(Double(change.unplacedChange), .countChange),
                            .shareChange(
                                from: change.before.m1OwnAuthorityRunShare, to: change.after.m1OwnAuthorityRunShare),
                            .number(change.weeklyCostChange, .poundsChange),
                        ]
                    })))
        return ReportSection("Who gains and who loses under \(to) commissioning", blocks)
    }
}
