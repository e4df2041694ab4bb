import Foundation
import PlacementOptimisation
import PlacementScenarios

/// A capacity plan as Markdown: the proof of optimality, what to build where and when, what each
/// build saves and how soon it pays back, the budgets, and the measures with and without the plan.
public enum PlanMarkdown {
    /// `marketNotes`: sentences on the market the plan was made in, ending the document when given.
    /// `today`: every child's measures today (as-is), when fitted, printed beside the plan's;
    /// `todayShocked`: shocks closed places first (today is today's placements in what they leave).
    public static func plan(
        _ plan: CapacityPlan, scenario: Scenario, marketNotes: [String] = [], today: ScopeMetrics? = nil,
        todayShocked: Bool = false
    ) -> String {
        let names = scenario.authorityNames
        // Years, children and miles to one decimal, as the other reports print them.
        func tenths(_ value: Double) -> String { NumberText.decimal(value, places: 1) }
        var lines: [String] = []
        lines.append("# Capacity plan: \(scenario.name), \(pounds(plan.budget)) \(plan.heldBy)")
        lines.append("")
        let gap = plan.savingGap.map { ", \(percent($0)) of the possible saving not proven reached" } ?? ""
        // "Optimal" with a gap is optimal to --gap's tolerance, not proven: say which.
        let status =
            plan.status == .optimal && plan.relativeGap > 0
            ? "**optimal** (to within --gap)" : "**\(plan.status.rawValue)**"
        lines.append(
            "Status \(status) in \(String(format: "%.1f", plan.seconds)) s: weekly objective "
                + "\(pounds(plan.objective)) against \(pounds(plan.baselineObjective)) with no new capacity; best bound "
                + "\(pounds(plan.bestBound)) (LP relaxation \(pounds(plan.lpBound))), gap \(percent(plan.relativeGap))\(gap). "
                + NumberText.counted(plan.candidatesConsidered, "candidate", "candidates")
                + " (\(plan.candidateSource.rawValue)); \(plan.mode.rawValue) access."
        )
        lines.append("")
        lines.append(
            "Builds \(NumberText.counted(plan.homes.reduce(0) { $0 + $1.units }, "home", "homes")) and recruits "
                + NumberText.counted(plan.carers.reduce(0) { $0 + $1.units }, "foster household", "foster households")
                + (plan.blockContracts.isEmpty
                    ? ""
                    : ", with \(NumberText.counted(plan.blockContracts.reduce(0) { $0 + $1.units }, "block contract", "block contracts")) with the market,")
                + " for \(pounds(plan.capitalSpent)): weekly spend \(pounds(plan.weeklySpend))"
                + PlanReport.contractsWithin(plan.weeklySpend, of: plan, emptyPlacesToo: true) + " against "
                + "\(pounds(plan.baselineWeeklySpend)) (capital charges of \(pounds(plan.weeklyCapitalCharge)) a week aside). "
                + "At the margin, budget saves \(pounds(plan.marginalValueOfBudget * 1_000_000)) a week of objective "
                + "per £1m " + PlanReport.marginalValueCaveat(plan, unplacedPenalty: scenario.policy.unplacedPenalty)
                + "." + PlanReport.spendingByKind(plan))
        for note in PlanReport.notes(plan) {
            lines.append("")
            lines.append(note)
        }
        lines.append("")
        lines +=
            MarkdownTable(
                [
                    "candidate", "authority", "type", "units", "places", "cost to the budget", "opens in (years)",
                    "children placed", "weekly saving (weighted objective)", "weekly spend saving", "payback (years)",
                ], align: "lllrrrrrrrr",
                rows: plan.builds.map { build in
                    let candidate = build.candidate
                    return [
                        candidate.id.rawValue, names[candidate.authority] ?? candidate.authority.rawValue,
                        candidate.placementType.rawValue, String(build.units), String(build.places),
                        pounds(build.capital), tenths(candidate.yearsToOpen), tenths(build.childrenPlaced),
                        pounds(build.weeklySaving), pounds(build.weeklySpendSaving),
                        build.paybackYears.map(tenths) ?? (candidate.kind == .blockContract ? "n/a" : "never"),
                    ]
                }
            ).lines
        lines.append("")
        lines +=
            MarkdownTable(
                ["budget holder", "budget", "spent"], align: "lrr",
                rows: plan.spending.filter { $0.spent > 0 || plan.spending.count <= 30 }.map {
                    [$0.share.name, pounds($0.share.budget), pounds($0.spent)]
                }
            ).lines
        lines.append("")
        let before = plan.withoutPlan.metrics.total
        let after = plan.withPlan.metrics.total
        let share = { (value: Double?) in NumberText.percent(value) }
        let miles = { (value: Double?) in value.map(tenths) ?? "–" }
        let rows: [(String, (ScopeMetrics) -> String)] = [
            ("M1 own council", { share($0.m1OwnAuthorityRunShare) }),
            ("M1 any council", { share($0.m1LocalAuthorityRunShare) }),
            ("M2 in area", { share($0.m2InAreaShare) }),
            ("mean distance (miles)", { miles($0.meanDistanceMiles) }),
            ("weekly cost (prices paid)", { pounds($0.weeklyCost) }),
            ("unplaced", { String($0.unplaced) }),
        ]
        let columns = (today.map { [$0] } ?? []) + [before, after]
        lines +=
            MarkdownTable(
                ["measure"] + (today == nil ? [] : [PlanReport.todayHeading(shocked: todayShocked).lowercased()])
                    + ["without plan", "with plan"],
                align: "l" + String(repeating: "r", count: columns.count),
                rows: rows.map { label, value in [label] + columns.map(value) }
            ).lines
        if let today {
            lines.append("")
            lines.append(PlanReport.todaySentence(today, plan: plan, shocked: todayShocked))
        }
        lines.append("")
        if !marketNotes.isEmpty {
            lines.append("## Market")
            lines.append("")
            lines += marketNotes.map { "- \($0)" }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// As every report prints pounds: `£1,234`, `-£56`, and `£0` for anything that rounds to zero.
    static func pounds(_ value: Double) -> String { NumberText.pounds(value) }

    static func percent(_ value: Double) -> String { String(format: "%.3f%%", value * 100) }
}
