import PlacementOptimisation
import PlacementScenarios

/// Markdown summaries of results for a terminal or a wiki page.
public enum ResultMarkdown {
    /// Placements tables longer than this are left to the CSV.
    static let placementRowLimit = 200

    public static func mode(_ solved: SolvedMode) -> String {
        let (result, scenario, metrics) = (solved.result, solved.scenario, solved.metrics)
        var lines = [
            "# \(scenario.name): \(result.mode.rawValue) commissioning", "",
            statusLine(result), "",
            // `solve` and `compare` can differ on one scenario: say which market this is.
            "_The scenario's files as they are: every place empty and free for its children, distances between "
                + "area centres. `compare` and `sufficiency` solve today's market instead (places held by children "
                + "from outside, occupancy, carers where they live, distances as DfE's bands have them) when "
                + "DfE's figures are at hand._", "",
            "| scope | children | placed | unplaced | M1 own LA | M1 any LA | M2 in area | ≤ 20 miles | mean miles | weekly cost |",
            "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
        ]
        lines.append(scopeRow("**\(scenario.name)**", metrics.total))
        for scoped in metrics.cooperatives { lines.append(scopeRow("\(scoped.name) (co-operative)", scoped.metrics)) }
        for scoped in metrics.authoritiesWithChildren(in: scenario) {
            lines.append(scopeRow("\(scoped.name) (\(scoped.id))", scoped.metrics))
        }
        let unplaced = result.decisions.filter { !$0.isPlaced }
        if !unplaced.isEmpty {
            lines += [
                "", "## Unplaced children", "", "| unit | home | type | children | reason |", "|---|---|---|--:|---|",
            ]
            for decision in unplaced {
                lines.append(
                    "| \(decision.unitID) | \(decision.homeAuthority) | \(decision.placementType.label) | "
                        + "\(decision.children) | \(decision.unplacedReason ?? "") |")
            }
        }
        let placed = result.decisions.filter(\.isPlaced)
        lines += ["", "## Placements", ""]
        if placed.count > placementRowLimit {
            lines.append("\(placed.count) rows: see the placements CSV (`--format csv`, or `--out DIR`).")
        } else {
            lines += [
                "| unit | home | type | children | provider | sector | miles | £ a week | in area | LA-run |",
                "|---|---|---|--:|---|---|--:|--:|---|---|",
            ]
            for decision in placed {
                let provider = decision.provider!
                lines.append(
                    "| \(decision.unitID) | \(decision.homeAuthority) | \(decision.placementType.label) | "
                        + "\(decision.children) | \(provider.name) (\(provider.id)) | \(provider.sector.label) | "
                        + "\(NumberText.decimal(decision.miles, places: 1)) | "
                        + "\(NumberText.pounds(decision.weeklyPrice ?? 0)) | \(decision.isInArea ? "yes" : "no") | "
                        + "\(decision.isOwnAuthorityRun ? "own" : decision.isLocalAuthorityRun ? "other" : "no") |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func comparison(
        _ solved: [SolvedMode], scenario: Scenario, asIs: AsIsComparison? = nil,
        sensitivity: PolicyWeightSensitivity? = nil, marketSensitivity: MarketAssumptionSensitivity? = nil
    ) -> String {
        let results = solved.map(\.result)
        let today = asIs?.asIs
        // As-is, when shown, is the first column; each mode's change from it follows the measures.
        let labels = (today == nil ? [] : [AsIsComparison.label]) + results.map(\.mode.rawValue)
        let metrics = (today.map { [$0.metrics] } ?? []) + solved.map(\.metrics)
        let header = "| measure | " + labels.joined(separator: " | ") + " |"
        let rule = "|---|" + String(repeating: "--:|", count: labels.count)
        var lines = ["# \(scenario.name): commissioning modes compared", "", header, rule]
        func row(_ label: String, _ value: (Int) -> String) {
            lines.append("| \(label) | " + labels.indices.map(value).joined(separator: " | ") + " |")
        }
        let offset = labels.count - results.count
        row("status") { $0 < offset ? "today" : results[$0 - offset].status.label }
        row("objective (£ a week, weighted)") {
            NumberText.pounds(
                $0 < offset
                    ? (today?.decisions.reduce(0) { $0 + $1.objectiveCostPerChild * Double($1.children) } ?? 0)
                    : results[$0 - offset].objective)
        }
        for (label, value) in headlineMeasures { row(label) { value(metrics[$0].total) } }
        if metrics.contains(where: { $0.total.unplaced > 0 }) { lines += ["", ShortfallNotes.costOfPlaced] }
        if let today {
            lines += ["", "## Each mode as a change from as-is", ""]
            lines.append("| mode | change from as-is (whole scenario) |")
            lines.append("|---|---|")
            for solvedMode in solved {
                lines.append(
                    "| \(solvedMode.mode.rawValue) | "
                        + AsIsComparison.Change(from: today.metrics.total, to: solvedMode.metrics.total).summary + " |")
            }
            lines += ["", "Each mode has " + AsIsComparison.modePlacing(scenario.policy) + "."]
        }
        if let order = AsIsComparison.buyingOrderNote(scenario.policy, modes: solved.map(\.mode)) {
            lines += ["", order]
        }
        if let below = BelowFloorNote.sentence(solved.map(\.result), policy: scenario.policy) { lines += ["", below] }
        for (title, scopes) in [
            ("By co-operative", metrics.map(\.cooperatives)),
            ("By authority", metrics.map { $0.authoritiesWithChildren(in: scenario) }),
        ] where !(scopes.first ?? []).isEmpty {
            lines += ["", "## \(title)", ""]
            lines.append(
                "| scope | " + labels.map { "M1 own · M2 · miles (\($0))" }.joined(separator: " | ")
                    + " |")
            lines.append(rule)
            for index in scopes[0].indices {
                let cells = scopes.map { modeScopes in
                    let m = modeScopes[index].metrics
                    return "\(NumberText.percent(m.m1OwnAuthorityRunShare)) · \(NumberText.percent(m.m2InAreaShare)) · "
                        + NumberText.shown(m.meanDistanceMiles, places: 1)
                }
                lines.append("| \(scopes[0][index].name) | " + cells.joined(separator: " | ") + " |")
            }
        }
        if let sensitivity { lines += MarkdownReport.lines(of: sensitivity.section) }
        if let marketSensitivity { lines += MarkdownReport.lines(of: marketSensitivity.section) }
        if let asIs, !asIs.notes.isEmpty {
            lines += ["", "## As-is and today's market", ""]
            lines += asIs.notes.map { "- \($0)" }
            if let effect = asIs.asIs?.shockDisplacement {
                lines.append("- " + AsIsComparison.shockSentence(effect, policy: scenario.policy, market: asIs.market))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let headlineMeasures: [(String, @Sendable (ScopeMetrics) -> String)] = [
        ("children needing a placement", { NumberText.grouped($0.children) }),
        ("placed", { NumberText.grouped($0.placed) }),
        ("unplaced", { NumberText.grouped($0.unplaced) }),
        ("M1: own-authority run", { NumberText.percent($0.m1OwnAuthorityRunShare) }),
        ("M1: any-authority run", { NumberText.percent($0.m1LocalAuthorityRunShare) }),
        ("M2: in area", { NumberText.percent($0.m2InAreaShare) }),
        ("within 20 miles", { NumberText.percent($0.within20MilesShare) }),
        ("mean distance (miles)", { NumberText.shown($0.meanDistanceMiles, places: 1) }),
        ("weekly cost", { NumberText.pounds($0.weeklyCost) }),
        ("annual cost", { NumberText.pounds($0.annualCost) }),
        ("estimated provider profit a week", { NumberText.pounds($0.estimatedWeeklyProfit) }),
    ]

    private static func statusLine(_ result: ModeResult) -> String {
        var line = "Status: **\(result.status.label)**"
        if case .timeLimit(let gap) = result.status {
            line +=
                gap.map { " (stopped by the time limit; within \(NumberText.percent($0)) of the optimum)" }
                ?? " (stopped by the time limit; no bound on the gap)"
        }
        line += ". Objective: \(NumberText.pounds(result.objective)) a week (weighted, penalties included)."
        if !result.councilOrder.isEmpty {
            line +=
                " Councils bought from the market in this order: \(result.councilOrder.map(\.rawValue).joined(separator: ", "))."
        }
        return line
    }

    private static func scopeRow(_ label: String, _ m: ScopeMetrics) -> String {
        "| \(label) | \(NumberText.grouped(m.children)) | \(NumberText.grouped(m.placed)) | \(NumberText.grouped(m.unplaced)) | \(NumberText.percent(m.m1OwnAuthorityRunShare)) | "
            + "\(NumberText.percent(m.m1LocalAuthorityRunShare)) | \(NumberText.percent(m.m2InAreaShare)) | "
            + "\(NumberText.percent(m.within20MilesShare)) | \(NumberText.shown(m.meanDistanceMiles, places: 1)) | "
            + "\(NumberText.pounds(m.weeklyCost)) |"
    }
}
