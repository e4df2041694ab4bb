import PlacementOptimisation
import PlacementScenarios

/// The same plan at several budgets: what each buys in M1, M2, weekly cost and unmet need.
public struct PlanFrontier: Sendable {
    /// One plan per budget, in increasing order of budget.
    public var plans: [CapacityPlan]

    /// The budgets a report traces by default: none, half, the budget and twice it.
    public static func defaultBudgets(around budget: Double) -> [Double] {
        Array(Set([0, budget / 2, budget, budget * 2])).sorted()
    }

    /// Plans each budget under `scope` (builds' savings not measured: the frontier reports totals).
    /// `base`: a plan of the same scenario and scope already solved, whose no-new-capacity placements
    /// are reused.
    public static func trace(
        _ scenario: Scenario, budgets: [Double], scope: BudgetScope, options: PlanningOptions,
        base: CapacityPlan? = nil
    ) throws(PlanningError) -> PlanFrontier {
        var options = options
        options.measuresEachBuild = false
        if let base, base.scope == scope { options.solvedWithoutPlan = base.withoutPlan }
        var plans: [CapacityPlan] = []
        for budget in Array(Set(budgets)).sorted() {
            let plan = try CapacityPlanner.plan(scenario, budget: budget, scope: scope, options: options)
            options.solvedWithoutPlan = plan.withoutPlan
            plans.append(plan)
        }
        return PlanFrontier(plans: plans)
    }

    /// Budgets at which own-council M1 is lower than at a smaller budget (none, when it never falls).
    public var budgetsWhereOwnCouncilM1Falls: [Double] {
        var falls: [Double] = []
        var best = -Double.infinity
        for plan in plans {
            let m1 = plan.withPlan.metrics.total.m1OwnAuthorityRunShare ?? 0
            if m1 + 1e-9 < best { falls.append(plan.budget) }
            best = max(best, m1)
        }
        return falls
    }
}
