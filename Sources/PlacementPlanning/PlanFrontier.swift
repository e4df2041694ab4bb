import PlacementOptimisation
import PlacementScenarios

/// The same plan at several budgets: what each buys in M1, M2, weekly cost and unmet need.
public struct PlanFrontier: Sendable {
    /// One plan per budget, in increasing order of budget.
    public var plans: [CapacityPlan]

    /// The budgets a report traces by default: none, half, the budget and twice it.
    public static func defaultBudgets(around budget: Double) -> [Double] {
        // Half of an odd budget is taken to the pound below: budgets are whole pounds.
        Array(Set([0, (budget / 2).rounded(.down), budget, budget * 2])).sorted()
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

    /// Each step from one budget to the next at which own-council M1 falls, with M1 before and after.
    public var ownCouncilM1Falls: [(from: CapacityPlan, to: CapacityPlan, before: Double, after: Double)] {
        zip(plans, plans.dropFirst()).compactMap { previous, next in
            let before = previous.withPlan.metrics.total.m1OwnAuthorityRunShare ?? 0
            let after = next.withPlan.metrics.total.m1OwnAuthorityRunShare ?? 0
            return after + 1e-9 < before ? (previous, next, before, after) : nil
        }
    }
}
