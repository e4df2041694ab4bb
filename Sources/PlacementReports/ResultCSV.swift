import PlacementOptimisation
import PlacementScenarios
import PlacementSimulation

/// CSV tables of results: placements of one mode, and metrics of one or more modes. Text cells from
/// the scenario are made safe for spreadsheets (``CSVWriter/spreadsheetText(_:)``).
public enum ResultCSV {
    /// One row per unit and provider (or unplaced), in the scenario's order.
    public static func placements(_ result: ModeResult) -> String {
        placements(result.decisions, mode: result.mode.rawValue)
    }

    /// The same for any decisions (today's placements: mode `as-is`).
    public static func placements(_ decisions: [PlacementDecision], mode: String) -> String {
        var csv = CSVWriter(header: [
            "mode", "unit_id", "cohort_ids", "home_authority", "placement_type", "children", "provider_id",
            "provider_name", "sector", "operating_authority", "provider_authority", "miles", "weekly_price",
            "in_area", "la_run", "own_la_run", "origin", "unplaced_reason",
        ])
        for decision in decisions {
            let provider = decision.provider
            let text = CSVWriter.spreadsheetText
            csv.append([
                mode, text(decision.unitID.description),
                text(decision.cohortIDs.map(\.rawValue).joined(separator: ";")), text(decision.homeAuthority.rawValue),
                decision.placementType.rawValue, String(decision.children), text(provider?.id.rawValue ?? ""),
                text(provider?.name ?? ""), provider?.sector.rawValue ?? "",
                text(provider?.operatingAuthority?.rawValue ?? ""), text(provider?.authority.rawValue ?? ""),
                NumberText.decimal(decision.miles, places: 2), NumberText.decimal(decision.weeklyPrice, places: 2),
                flag(decision, decision.isInArea), flag(decision, decision.isLocalAuthorityRun),
                flag(decision, decision.isOwnAuthorityRun), decision.origin.rawValue,
                text(decision.unplacedReason ?? ""),
            ])
        }
        return csv.text
    }

    /// One row per mode and scope (total, each co-operative, each authority); with today's
    /// placements, their rows first, mode `as-is`, status `today`.
    public static func metrics(_ solved: [SolvedMode], scenario: Scenario, asIs: TodaysPlacements? = nil) -> String {
        var csv = CSVWriter(header: [
            "mode", "scope", "id", "name", "children", "placed", "unplaced", "not_commissioned", "m1_la_run_share",
            "m1_own_la_run_share", "m2_in_area_share", "within_20_miles_share", "mean_distance_miles",
            "weekly_cost", "external_weekly_spend", "estimated_weekly_profit", "status", "gap",
        ])
        let columns =
            (asIs.map { [(AsIsComparison.label, $0.metrics, "today", "")] } ?? [])
            + solved.map { solvedMode in
                // Empty when optimal or when no bound is known.
                var gap = ""
                if case .timeLimit(let known?) = solvedMode.status { gap = NumberText.decimal(known, places: 6) }
                return (solvedMode.mode.rawValue, solvedMode.metrics, solvedMode.status.label, gap)
            }
        for (mode, metrics, status, gap) in columns {
            let rows =
                [("total", "", scenario.name, metrics.total)]
                + metrics.cooperatives.map { ("cooperative", $0.id, $0.name, $0.metrics) }
                + metrics.authorities.map { ("authority", $0.id, $0.name, $0.metrics) }
            for (scope, id, name, m) in rows {
                csv.append([
                    mode, scope, CSVWriter.spreadsheetText(id), CSVWriter.spreadsheetText(name),
                    String(m.children), String(m.placed), String(m.unplaced),
                    String(m.notCommissioned), NumberText.decimal(m.m1LocalAuthorityRunShare, places: 6),
                    NumberText.decimal(m.m1OwnAuthorityRunShare, places: 6),
                    NumberText.decimal(m.m2InAreaShare, places: 6), NumberText.decimal(m.within20MilesShare, places: 6),
                    NumberText.decimal(m.meanDistanceMiles, places: 3), NumberText.decimal(m.weeklyCost, places: 2),
                    NumberText.decimal(m.externalWeeklySpend, places: 2),
                    NumberText.decimal(m.estimatedWeeklyProfit, places: 2), status, gap,
                ])
            }
        }
        return csv.text
    }

    private static func flag(_ decision: PlacementDecision, _ value: Bool) -> String {
        decision.isPlaced ? (value ? "yes" : "no") : ""
    }
}
