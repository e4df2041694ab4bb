import PlacementOptimisation
import PlacementReports
import PlacementScenarios

extension AdoptedPlan {
    /// What the plan does to a scenario under one mode, for a report on `members`: the mode solved
    /// with the plan's places (those open by `openBy`), and each build in `members`' areas measured
    /// by solving again without it, the rest of the plan kept — its weekly saving in pounds paid and
    /// its payback, replacing the figures the file carries (measured under the plan's own mode).
    /// `solve` solves a scenario under the report's mode.
    ///
    /// A build no child uses in the optimal solve with the plan is not solved again: that solve's
    /// placements are all still open without it, at the same cost, so they are optimal without it too,
    /// and it saves minus its running cost. Solving again for every build cost a solve of the whole
    /// plan per build, quadratic in a scope's builds (`Scripts/benchmark-sufficiency-plan.sh`); now
    /// only the builds children use are solved again, and `AdoptedPlanEffectTests` checks the two
    /// ways agree.
    public func effect(
        on scenario: Scenario, members: Set<AuthorityCode>, openBy: Int? = nil,
        solve: (Scenario) throws -> SolvedMode
    ) throws -> PlanEffect {
        let known = Set(scenario.authorities.map(\.id))
        let open = builds.filter { build in
            known.contains(build.candidate.authority) && (openBy.map(build.isOpen(in:)) ?? true)
        }
        let withPlan = try solve(scenario.applying(AdoptedPlan(builds: open, file: file)))
        let used = Self.childrenPlaced(withPlan)
        let spendWith = Self.weeklySpend(withPlan, builds: open, used: used)
        var measured: [PlannedBuild] = []
        for (index, build) in open.enumerated() where members.contains(build.candidate.authority) {
            let saving: Double
            // Unused in a proven optimum (a solve stopped at the time limit is solved again, as before).
            // `0 -`: a build that costs nothing to run saves +0, not -0.
            if withPlan.status == .optimal, used[Scenario.plannedProviderID(build.candidate), default: 0] == 0 {
                saving = 0 - Double(build.places) * build.candidate.weeklyCostPerPlace
            } else {
                var others = open
                others.remove(at: index)
                let lacking = try solve(scenario.applying(AdoptedPlan(builds: others, file: file)))
                saving = Self.weeklySpend(lacking, builds: others, used: Self.childrenPlaced(lacking)) - spendWith
            }
            measured.append(Self.measured(build, saving: saving))
        }
        return PlanEffect(file: file, builds: measured, withPlan: withPlan, openBy: openBy)
    }

    /// `build` with its weekly saving in pounds paid, and its payback where it saves money: none
    /// for a block contract, whose price over the term is no one-off cost (as the plan has it).
    static func measured(_ build: PlannedBuild, saving: Double) -> PlannedBuild {
        var result = build
        result.weeklySaving = nil
        result.weeklySpendSaving = saving
        result.paybackYears =
            build.candidate.kind == .blockContract
            ? nil : Payback.years(capital: Double(build.units) * build.candidate.budgetCost, weeklySaving: saving)
        return result
    }

    /// The children each provider takes in `solved`.
    static func childrenPlaced(_ solved: SolvedMode) -> [ProviderID: Int] {
        var used: [ProviderID: Int] = [:]
        for decision in solved.result.decisions {
            if let provider = decision.provider { used[provider.id, default: 0] += decision.children }
        }
        return used
    }

    /// Pounds paid a week: the prices of every placement, plus the running cost of the plan's places
    /// no child uses (paid whether full or not), never the unplaced penalty. `used`: the children
    /// each provider takes in `solved` (``childrenPlaced(_:)``).
    static func weeklySpend(_ solved: SolvedMode, builds: [PlannedBuild], used: [ProviderID: Int]) -> Double {
        builds.reduce(solved.metrics.total.weeklyCost) { total, build in
            let empty = max(0, build.places - (used[Scenario.plannedProviderID(build.candidate)] ?? 0))
            return total + Double(empty) * build.candidate.weeklyCostPerPlace
        }
    }
}
