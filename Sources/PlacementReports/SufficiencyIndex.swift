import PlacementOptimisation
import PlacementScenarios

/// The front page of `sufficiency --all`: one row per authority with its headline gaps, pointing to
/// the folder holding its report.
public enum SufficiencyIndex {
    /// `folderOf` names the folder holding an authority's report (by default its code).
    public static func document(
        _ context: SufficiencyReport.Context, folderOf: (String) -> String = { $0 }
    ) -> ReportDocument {
        let scenario = context.scenario
        let metrics = context.metrics
        let mode = context.result.mode.rawValue
        // The authorities with a report: those with children (``SufficiencyReport/authoritiesWithChildren(in:)``).
        let rows = metrics.authoritiesWithChildren(in: scenario).map { scoped -> [ReportValue] in
            let m = scoped.metrics
            let best = PlaceValueTable.ranked(context.placeValuesByAuthority[scoped.members[0]] ?? []).first
            let hasSaving = (best?.weeklySaving ?? 0) > 0.005
            return [
                .text(scoped.name), .text(scoped.id), .count(m.children), .count(m.unplaced),
                .share(m.m2InAreaShare), .share(m.m1OwnAuthorityRunShare), .miles(m.meanDistanceMiles),
                .text(hasSaving ? best!.placementType.label : ""),
                .text(hasSaving ? PlaceValueTable.effect(best!) : ""), .text("\(folderOf(scoped.id))/sufficiency.html"),
            ]
        }
        let table = ReportTable(
            id: "authorities", caption: "Every authority with children under \(mode) commissioning",
            columns: [
                .init("Authority", key: "name", numeric: false), .init("Code", key: "code", numeric: false),
                .init("Children", key: "children"), .init("Unplaced", key: "unplaced"),
                .init("M2", key: "m2_in_area_share"), .init("M1 own", key: "m1_own_la_run_share"),
                .init("Mean miles", key: "mean_distance_miles"),
                .init("Most valuable new in-house place", key: "best_place_type", numeric: false),
                .init("Its effect", key: "best_place_effect", numeric: false),
                .init("Report", key: "report", numeric: false),
            ], rows: rows)
        return ReportDocument(
            title: "\(scenario.name): placement sufficiency of every authority",
            subtitle: "\(ReportNumbers.counted(rows.count, "authority", "authorities")) solved together under \(mode) "
                + "commissioning; each has its own report in the folder named by its code.",
            sections: [ReportSection("Authorities", [.table(table)])])
    }
}
