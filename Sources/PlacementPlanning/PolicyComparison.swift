import Foundation
import PlacementOptimisation
import PlacementReports
import PlacementScenarios

/// The same budget spent three ways — shared among councils each planning alone, by each
/// co-operative for its members, or in one national plan (a bound) — against no new capacity, on
/// M1, M2, distance, cost and unmet need: the policy question of capital grants to councils against
/// regional co-operatives, answered with one model.
public struct PolicyComparison: Sendable {
    public var budget: Double
    /// One plan per scope, in `BudgetScope` order.
    public var plans: [CapacityPlan]

    /// Plans the budget under every scope.
    public static func compare(_ scenario: Scenario, budget: Double, options: PlanningOptions) throws(PlanningError)
        -> PolicyComparison
    {
        var options = options
        // The comparison reports totals; each build's own saving is not needed.
        options.measuresEachBuild = false
        // Every scope shares the budget as it does: one holder's plan is not a policy to compare.
        options.budgetHolder = nil
        var plans: [CapacityPlan] = []
        for scope in BudgetScope.allCases {
            plans.append(try CapacityPlanner.plan(scenario, budget: budget, scope: scope, options: options))
        }
        return PolicyComparison(budget: budget, plans: plans)
    }

    /// Where a policy's spend includes block contracts (revenue a capital grant cannot pay, and which
    /// councils planning alone may not buy), the comparison is not of capital alone: said, with how
    /// to compare without contracts and on capital alone. Nil when no policy buys one.
    public var contractsNote: String? {
        let buying = plans.filter { $0.spent(on: .blockContract) > 0 }
        guard !buying.isEmpty else { return nil }
        let spends = buying.map {
            "\(NumberText.pounds($0.spent(on: .blockContract))) under \(Self.label($0.scope))"
        }
        return "Block contracts take " + NumberText.listed(spends) + " of the budget spent: revenue over their "
            + "terms, which a capital grant cannot pay, and which councils planning alone may not buy. So the "
            + "policies do not spend the same kind of money; `--kinds home,foster_carers` compares them without "
            + "contracts, and `--kinds home` on capital alone (recruiting carers is a one-off revenue cost)."
    }

    /// A measure of a solved mode, for the table and the sentences.
    struct Measure: Sendable {
        var label: String
        var value: @Sendable (ScopeMetrics) -> Double?
        var isShare: Bool
        /// How a value that is not a share reads.
        var style: ReportValue.NumberStyle = .count
        /// Whether more is better (for naming the policy that does best).
        var higherIsBetter: Bool
    }

    static let measures = [
        Measure(
            label: "M1: own council's provision", value: { $0.m1OwnAuthorityRunShare }, isShare: true,
            higherIsBetter: true),
        Measure(label: "M2: placed in area", value: { $0.m2InAreaShare }, isShare: true, higherIsBetter: true),
        Measure(label: "within 20 miles", value: { $0.within20MilesShare }, isShare: true, higherIsBetter: true),
        Measure(
            label: "mean miles from home", value: { $0.meanDistanceMiles }, isShare: false, style: .miles,
            higherIsBetter: false),
        Measure(
            label: "weekly cost (£)", value: { $0.weeklyCost }, isShare: false, style: .pounds, higherIsBetter: false),
        Measure(label: "unplaced children", value: { Double($0.unplaced) }, isShare: false, higherIsBetter: false),
    ]

    static func label(_ scope: BudgetScope) -> String {
        switch scope {
        case .council: "grant shared among councils"
        case .cooperative: "co-operatives plan for members"
        case .national: "one national plan (bound)"
        }
    }

    /// A measure's value rounded as the table shows it: shares to a tenth of a point, miles to a tenth,
    /// pounds and children whole.
    static func shown(_ value: Double, _ measure: Measure) -> Double {
        // The same formatting as the table's, so that halves round as it rounds them.
        guard measure.isShare else {
            return Double(NumberText.decimal(value, places: measure.style == .miles ? 1 : 0)) ?? value
        }
        return (Double(NumberText.decimal(value * 100, places: 1)) ?? value * 100) / 100
    }

    /// `scopes` said by their changes, those alike together: "no change under A and B, and +1.5
    /// points under C".
    static func grouped(_ scopes: [BudgetScope], by change: (BudgetScope) -> String) -> String {
        var order: [String] = []
        var members: [String: [BudgetScope]] = [:]
        for scope in scopes {
            let text = change(scope)
            if members[text] == nil { order.append(text) }
            members[text, default: []].append(scope)
        }
        return NumberText.listed(order.map { "\($0) under " + NumberText.listed((members[$0] ?? []).map(label)) })
    }

    /// A change of a measure as the reports write changes (+4.8 pts, -0.2 miles, -£1,234, -2
    /// children), or "no change".
    static func change(_ value: Double, _ measure: Measure) -> String {
        guard value != 0 else { return "no change" }
        if measure.isShare { return ReportValue.number(value, .shareChange).display }
        switch measure.style {
        case .miles: return ReportValue.number(value, .milesChange).display + " miles"
        case .pounds: return ReportValue.number(value, .poundsChange).display
        default:
            return ReportValue.number(value, .countChange).display + (abs(value) == 1 ? " child" : " children")
        }
    }

    /// A measure's value as the table and the sentences show it.
    static func text(_ value: Double?, _ measure: Measure) -> String {
        guard let value, value.isFinite else { return "–" }
        return (measure.isShare ? ReportValue.share(value) : ReportValue.number(value, measure.style)).display
    }

    /// The comparison as Markdown: a table (each policy without and with its plan) and one
    /// sentence per measure whose every level is in the table (and every change between two of them).
    public var markdown: String {
        var table = MarkdownTable(
            ["measure"] + plans.flatMap { ["\(Self.label($0.scope)): without", "with"] },
            numeric: [false] + plans.flatMap { _ in [true, true] })
        for measure in Self.measures {
            table.append(
                [measure.label]
                    + plans.flatMap { plan in
                        [plan.withoutPlan.metrics.total, plan.withPlan.metrics.total].map {
                            Self.text(measure.value($0), measure)
                        }
                    })
        }
        table.append(["budget spent (£)"] + plans.flatMap { ["–", ReportValue.pounds($0.capitalSpent).display] })
        var lines = [
            "# The same budget, three ways", "",
            "Budget \(NumberText.pounds(budget)). Each policy is compared with no new capacity under "
                + "the same commissioning (council-coordinated, regional, national).", "",
        ]
        lines += table.lines
        if let note = contractsNote { lines += ["", note] }
        lines += ["", "## In one sentence per measure", ""]
        for measure in Self.measures { lines.append("- " + sentence(measure)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Which policy moves the measure most in the right direction, and, where another ends best, that
    /// one too (a policy starting lower can gain more and still end below): every level from the
    /// table, every change the difference of two levels as the table shows them.
    /// `table`: the id of the report table the figures are quoted from, named at the end.
    func sentence(_ measure: Measure, table: String? = nil) -> String {
        let changes = plans.map { plan -> (BudgetScope, Double?, Double?) in
            (
                plan.scope, measure.value(plan.withoutPlan.metrics.total),
                measure.value(plan.withPlan.metrics.total)
            )
        }
        let parts = changes.map { scope, without, with in
            "\(Self.label(scope)) \(Self.text(without, measure)) → \(Self.text(with, measure))"
        }
        // Better means higher, or lower where less is better; compared as the table shows them, so that
        // figures the table prints alike tie.
        func better(_ value: Double) -> Double {
            let shown = Self.shown(value, measure)
            return measure.higherIsBetter ? shown : -shown
        }
        func leaders(_ scored: [(BudgetScope, Double)]) -> (scopes: [BudgetScope], score: Double)? {
            guard let best = scored.map(\.1).max() else { return nil }
            return (scored.filter { best - $0.1 <= 1e-9 * max(1, abs(best)) }.map(\.0), best)
        }
        // Each policy's change between the levels the table shows, so that a reader subtracting them
        // gets the figure said (the unrounded changes can differ where these tie: 66.6% → 71.4% is
        // +4.74 points, 56.1% → 60.9% +4.82, both +4.8 as shown).
        let moves = changes.compactMap { scope, without, with -> (BudgetScope, Double)? in
            guard let without, let with else { return nil }
            return (scope, Self.shown(Self.shown(with, measure) - Self.shown(without, measure), measure))
        }
        let gains = moves.map { ($0.0, measure.higherIsBetter ? $0.1 : -$0.1) }
        let ends = changes.compactMap { scope, _, with in with.map { (scope, better($0)) } }
        func named(_ scopes: [BudgetScope]) -> String { NumberText.listed(scopes.map(Self.label)) }
        func moved(_ scope: BudgetScope) -> String {
            moves.first { $0.0 == scope }.map { Self.change($0.1, measure) } ?? "–"
        }
        var verdict: String
        if let gain = leaders(gains), gain.score > 0 {
            let others = moves.map(\.0).filter { !gain.scopes.contains($0) }
            verdict =
                gain.scopes.count == plans.count && plans.count > 1
                ? "every policy improves it equally (\(moved(gain.scopes[0])) each)"
                : "the largest improvement is under \(named(gain.scopes)) (\(moved(gain.scopes[0]))"
                    + (others.isEmpty
                        ? ")" : ", against " + Self.grouped(others, by: moved) + ")")
            // Said where another policy ends best, unless every policy ends alike.
            if let end = leaders(ends), Set(end.scopes) != Set(gain.scopes), end.scopes.count < plans.count {
                let level = Self.text(measure.higherIsBetter ? end.score : -end.score, measure)
                verdict += "; the best with the plan is under \(named(end.scopes)) (\(level))"
            }
        } else {
            verdict = "no policy improves it"
        }
        return "\(measure.label): " + parts.joined(separator: "; ") + "; \(verdict)"
            + (table.map { " (table \($0))" } ?? "")
            + "."
    }
}
