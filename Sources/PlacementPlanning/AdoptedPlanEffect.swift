import PlacementOptimisation
import PlacementReports
import PlacementScenarios

extension AdoptedPlan {
    /// What the plan does to a scenario under one mode, for a report on `members`: the mode solved
    /// with the plan's places (those open by `openBy`), and each build in `members`' areas measured
    /// by solving again without it, the rest of the plan kept — its weekly saving in pounds paid and
    /// its payback, replacing the figures the file carries (measured under the plan's own mode).
    /// `solve` solves a scenario under the report's mode.
    public func effect(
        on scenario: Scenario, members: Set<AuthorityCode>, openBy: Int? = nil,
        solve: (Scenario) throws -> SolvedMode
    ) throws -> PlanEffect {
        let known = Set(scenario.authorities.map(\.id))
        let open = builds.filter { build in
            known.contains(build.candidate.authority) && (openBy.map { build.openingYear <= $0 } ?? true)
        }
        let withPlan = try solve(scenario.applying(AdoptedPlan(builds: open, file: file)))
        let spendWith = Self.weeklySpend(withPlan, builds: open)
        var measured: [PlannedBuild] = []
        for (index, build) in open.enumerated() where members.contains(build.candidate.authority) {
            var others = open
            others.remove(at: index)
            let lacking = try solve(scenario.applying(AdoptedPlan(builds: others, file: file)))
            let saving = Self.weeklySpend(lacking, builds: others) - spendWith
            var result = build
            result.weeklySaving = nil
            result.weeklySpendSaving = saving
            result.paybackYears =
                saving > 0
                ? Double(build.units) * build.candidate.budgetCost / (saving * CapitalCharge.weeksPerYear) : nil
            measured.append(result)
        }
        return PlanEffect(file: file, builds: measured, withPlan: withPlan, openBy: openBy)
    }

    /// Pounds paid a week: the prices of every placement, plus the running cost of the plan's places
    /// no child uses (paid whether full or not), never the unplaced penalty.
    static func weeklySpend(_ solved: SolvedMode, builds: [PlannedBuild]) -> Double {
        var used: [ProviderID: Int] = [:]
        for decision in solved.result.decisions {
            if let provider = decision.provider { used[provider.id, default: 0] += decision.children }
        }
        return builds.reduce(solved.metrics.total.weeklyCost) { total, build in
            let empty = max(0, build.places - (used[Scenario.plannedProviderID(build.candidate)] ?? 0))
            return total + Double(empty) * build.candidate.weeklyCostPerPlace
        }
    }
}
