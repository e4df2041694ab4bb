import LinearProgramming
import PlacementOptimisation
import PlacementScenarios

/// Solves capacity plans: which candidates to build under a budget, minimising the weekly cost of
/// placing every child including the new places' running costs and capital charges.
///
/// The LP relaxation is solved first (from everyone unplaced and nothing built); rounded down, then
/// up in order of fractional part while budgets allow, with placements re-optimised around it, it is
/// branch-and-cut's first incumbent. Each build's saving is measured by re-solving the placements
/// without it, the other builds kept.
public enum CapacityPlanner {
    /// The candidates a plan considers: the scenario's own, or the documented defaults.
    public static func candidates(
        of scenario: Scenario, assumptions: PlanningAssumptions,
        kinds: Set<CapacityCandidate.Kind> = Set(CapacityCandidate.Kind.allCases)
    ) -> [CapacityCandidate] {
        let all =
            scenario.candidates.isEmpty
            ? DefaultCandidates.candidates(for: scenario, assumptions: assumptions) : scenario.candidates
        return all.filter { kinds.contains($0.kind) }
    }

    /// Whether `scope`'s budget holders may buy `candidate`: a block contract is commissioned by a
    /// co-operative (for an authority in one) or nationally, never by a single council.
    static func offered(_ candidate: CapacityCandidate, scope: BudgetScope, scenario: Scenario) -> Bool {
        guard candidate.kind == .blockContract else { return true }
        switch scope {
        case .council: return false
        case .cooperative: return scenario.cooperatives.contains { $0.members.contains(candidate.authority) }
        case .national: return true
        }
    }

    /// The mixed-integer programme a plan solves, for export.
    public static func model(
        of scenario: Scenario, budget: Double, scope: BudgetScope, options: PlanningOptions = PlanningOptions()
    ) -> Model {
        planModel(scenario, budget: budget, scope: scope, options: options).model
    }

    public static func plan(
        _ scenario: Scenario, budget: Double, scope: BudgetScope, options: PlanningOptions = PlanningOptions()
    ) throws(PlanningError) -> CapacityPlan {
        do {
            return try solve(scenario, budget: budget, scope: scope, options: options)
        } catch let error as PlanningError {
            throw error
        } catch {
            throw PlanningError(error)
        }
    }

    private static func planModel(
        _ scenario: Scenario, budget: Double, scope: BudgetScope, options: PlanningOptions
    ) -> CapacityPlanModel {
        CapacityPlanModel(
            network: PlanningNetwork(scenario: scenario, mode: scope.mode),
            candidates: candidates(of: scenario, assumptions: options.assumptions, kinds: options.kinds)
                .filter { offered($0, scope: scope, scenario: scenario) },
            shares: BudgetShare.shares(of: budget, scope: scope, scenario: scenario, holder: options.budgetHolder),
            discountRate: options.assumptions.discountRate.value)
    }

    private static func solve(
        _ scenario: Scenario, budget: Double, scope: BudgetScope, options: PlanningOptions
    ) throws -> CapacityPlan {
        let clock = ContinuousClock()
        let started = clock.now
        let plan = planModel(scenario, budget: budget, scope: scope, options: options)
        let columns = plan.buildColumns
        let maximum = columns.map { plan.model.columnUpperBounds[$0.index] }
        var simplex = SolveOptions(method: .primalSimplex)
        simplex.messageHandler = options.messageHandler
        if options.messageHandler != nil { simplex.messageLevel = .normal }

        // The relaxation: nothing built (the baseline), then the budget's best fractional use.
        let lp = try Solver(plan.relaxation)
        try lp.setBasis(plan.startingBasis)
        try lp.setBounds(columns.map { ($0, 0.0, 0.0) })
        let baseline = try lp.solve(simplex)
        try lp.setBounds(columns.indices.map { (columns[$0], 0.0, maximum[$0]) })
        let relaxed = try lp.solve(simplex)
        guard baseline.status == .optimal, relaxed.status == .optimal else {
            throw PlanningError("the plan's relaxation ended with status \(relaxed.status)")
        }
        let relaxedBasis = try lp.basis()
        // One holder's plan (`plan --cooperative`) reports and prices its own budget alone: the others'
        // rows hold no money, and their duals price money they do not have.
        func isReported(_ share: BudgetShare) -> Bool { options.budgetHolder.map { $0 == share.id } ?? true }
        let marginal =
            plan.budgetRows.filter { isReported(plan.shares[$0.share]) }
            .map { -(relaxed.dual($0.row) ?? 0) }.max().map { $0 == 0 ? 0 : $0 } ?? 0  // never −0 in the JSON

        // The first incumbent: the relaxation rounded within every budget.
        let startUnits = rounded(relaxed.values, plan)
        var reoptimise = SolveOptions(method: .dualThenPrimal)
        reoptimise.messageHandler = options.messageHandler
        let start = try solve(lp, plan, units: startUnits, reoptimise)
        let startIsInteger = plan.model.columnKinds.indices.allSatisfy {
            plan.model.columnKinds[$0] == .continuous || abs(start.values[$0] - start.values[$0].rounded()) < 1e-6
        }

        // Branch-and-cut from the relaxation's basis.
        let mip = try Solver(plan.model)
        try mip.setBasis(relaxedBasis)
        var search = simplex
        search.relativeMIPGap = options.relativeMIPGap
        // At most a hundredth of a place taken from a build GLPK reads as none (its 1e-5 default, on a
        // candidate of 100,000 places, had placed a child in a home it never built).
        let largestUnit = plan.candidates.map(\.placesPerUnit).max() ?? 1
        search.integralityTolerance = min(1e-5, 0.01 / Double(max(1, largestUnit)))
        let elapsed = clock.now - started
        search.timeLimit = max(.milliseconds(1), options.timeLimit - elapsed)
        if start.status == .optimal, startIsInteger {
            search.mipStart = start.values.indices.map {
                plan.model.columnKinds[$0] == .continuous ? start.values[$0] : start.values[$0].rounded()
            }
        }
        let solution = try mip.solve(search)
        let searched = solution.status.hasFeasibleValues ? solution.values : start.values
        let found = columns.map { Int(searched[$0.index].rounded()) }
        // GLPK takes a value within 1e-5 of a whole number as whole, so a budget a pound short of a
        // costly build can come back with it "built"; such builds are taken down until every budget holds.
        let units = withinBudgets(found, plan)
        let searchSeconds = (clock.now - started).seconds

        // Each build's worth: the placements re-solved without it, the other builds kept. The plan's
        // figures are those of its whole builds, not of the search's values within GLPK's tolerance.
        let withAll = try solve(lp, plan, units: units, reoptimise)
        let values = withAll.values
        let objective = withAll.objective
        let bestBound = min(objective, max(solution.bestBound ?? relaxed.objective, relaxed.objective))
        var builds: [CapacityPlan.Build] = []
        for (index, built) in units.enumerated() where built > 0 {
            let placed = plan.arcColumns[index].reduce(0.0) {
                $0 + withAll.values[$1.column.index] * Double(plan.network.units[$1.unit].groupSize)
            }
            var build = CapacityPlan.Build(
                candidate: plan.candidates[index], units: built,
                weeklyCapitalCharge: Double(built) * plan.capitalCharges[index], childrenPlaced: placed,
                weeklySaving: 0, weeklySpendSaving: 0, childrenNoLongerUnplaced: 0)
            if options.measuresEachBuild {
                var without = units
                without[index] = 0
                let lacking = try solve(lp, plan, units: without, reoptimise)
                build.weeklySaving = lacking.objective - withAll.objective
                build.weeklySpendSaving = plan.weeklySpend(lacking.values) - plan.weeklySpend(withAll.values)
                build.childrenNoLongerUnplaced = unplaced(lacking.values, plan) - unplaced(withAll.values, plan)
            }
            builds.append(build)
        }
        let spending = plan.shares.enumerated().map { shareIndex, share in
            let members = Set(share.members)
            let spent = plan.candidates.indices.reduce(0.0) { sum, index in
                members.contains(plan.candidates[index].authority)
                    ? sum + Double(units[index]) * plan.candidates[index].budgetCost : sum
            }
            let homes = plan.candidates.indices.filter {
                plan.candidates[$0].kind == .home && members.contains(plan.candidates[$0].authority)
            }
            let left = homes.filter { units[$0] < plan.candidates[$0].maximumUnits }
            return CapacityPlan.Spending(
                share: share, spent: spent, cheapestHome: homes.map { plan.candidates[$0].budgetCost }.min(),
                cheapestHomeLeft: left.map { plan.candidates[$0].budgetCost }.min())
        }
        let withoutPlan: SolvedMode
        if let known = options.solvedWithoutPlan, known.mode == scope.mode {
            withoutPlan = known
        } else {
            withoutPlan = try PlacementOptimiser.solve(scenario, mode: scope.mode)
        }
        let withPlan = try PlacementOptimiser.solve(scenario.adding(builds), mode: scope.mode)
        // GLPK reports a search stopped at the requested gap as feasible, not optimal.
        let provenWithinGap =
            solution.status == .optimal || (solution.status.hasFeasibleValues && solution.termination == .gapReached)
        let gap = objective - bestBound
        let possible = baseline.objective - bestBound
        let held = Set(plan.shares.flatMap(\.members))
        var result = CapacityPlan(
            scope: scope, mode: scope.mode, budget: budget,
            status: provenWithinGap ? .optimal : .timeLimit, objective: objective, bestBound: bestBound,
            relativeGap: gap / max(abs(objective), Double.ulpOfOne),
            savingGap: possible > 1e-6 ? gap / possible : nil, lpBound: relaxed.objective,
            baselineObjective: baseline.objective, baselineWeeklySpend: plan.weeklySpend(baseline.values),
            weeklySpend: plan.weeklySpend(values),
            weeklyCapitalCharge: builds.reduce(0) { $0 + $1.weeklyCapitalCharge }, builds: builds,
            spending: spending.filter { isReported($0.share) },
            marginalValueOfBudget: marginal,
            startObjective: search.mipStart == nil ? nil : start.objective,
            candidatesConsidered: plan.candidates.count,
            candidateSource: scenario.candidates.isEmpty ? .default : .scenario, withPlan: withPlan,
            withoutPlan: withoutPlan, seconds: searchSeconds,
            statistics: CapacityPlan.Statistics(
                rows: plan.model.constraintCount, columns: plan.model.variableCount,
                integerColumns: plan.model.columnKinds.filter { $0 != .continuous }.count,
                nonzeros: plan.model.nonzeroCount,
                iterations: baseline.iterations + relaxed.iterations + start.iterations + solution.iterations))
        result.candidatesNoOneHolds = plan.candidates.filter { !held.contains($0.authority) }.map(\.id)
        result.holder = options.budgetHolder.flatMap { holder in plan.shares.first { $0.id == holder } }
        // Only the scenario's own: the default candidates offer contracts to co-operatives and
        // national plans by design, and every council has one.
        if !scenario.candidates.isEmpty {
            result.contractsNotOffered = candidates(
                of: scenario, assumptions: options.assumptions, kinds: options.kinds
            )
            .filter { !offered($0, scope: scope, scenario: scenario) }.map(\.id)
        }
        return result
    }

    /// The relaxation's units rounded down, then rounded up in order of fractional part (largest
    /// first) wherever the holder's budget still allows.
    private static func rounded(_ values: [Double], _ plan: CapacityPlanModel) -> [Int] {
        let columns = plan.buildColumns
        var units = columns.map { Int((values[$0.index] + 1e-6).rounded(.down)) }
        var left = plan.budgetRows.map { plan.shares[$0.share].budget }
        var rowOf: [AuthorityCode: Int] = [:]
        for (position, budget) in plan.budgetRows.enumerated() {
            for member in plan.shares[budget.share].members where rowOf[member] == nil { rowOf[member] = position }
        }
        for (index, candidate) in plan.candidates.enumerated() {
            if let row = rowOf[candidate.authority] { left[row] -= Double(units[index]) * candidate.budgetCost }
        }
        let fractions = columns.indices.map { values[columns[$0].index] - Double(units[$0]) }
        for index in columns.indices.sorted(by: {
            fractions[$0] > fractions[$1] || (fractions[$0] == fractions[$1] && $0 < $1)
        })
        where fractions[index] > 1e-6 {
            let candidate = plan.candidates[index]
            guard let row = rowOf[candidate.authority], left[row] >= candidate.budgetCost,
                Double(units[index]) < plan.model.columnUpperBounds[columns[index].index]
            else { continue }
            units[index] += 1
            left[row] -= candidate.budgetCost
        }
        return units
    }

    /// `units` with, for each budget they overspend, one unit of its costliest build taken down at a
    /// time until the budget holds (GLPK reports such a build as exactly whole, so the costliest,
    /// whose tolerance is worth the most pounds, is taken first; the gap then says how good the rest is).
    private static func withinBudgets(_ units: [Int], _ plan: CapacityPlanModel) -> [Int] {
        var units = units
        var holder: [AuthorityCode: Int] = [:]
        for (index, share) in plan.shares.enumerated() {
            for member in share.members where holder[member] == nil { holder[member] = index }
        }
        for (shareIndex, share) in plan.shares.enumerated() {
            let held = plan.candidates.indices.filter { holder[plan.candidates[$0].authority] == shareIndex }
                .sorted { plan.candidates[$0].budgetCost > plan.candidates[$1].budgetCost }
            var spent = held.reduce(0.0) { $0 + Double(units[$1]) * plan.candidates[$1].budgetCost }
            // Sums of pounds in floating point: a millionth of a penny per pound is rounding, not spending.
            let limit = share.budget * (1 + 1e-9)
            for index in held {
                while spent > limit, units[index] > 0 {
                    units[index] -= 1
                    spent -= plan.candidates[index].budgetCost
                }
            }
        }
        return units
    }

    /// The relaxation with the builds fixed at `units`, re-solved from the current basis.
    private static func solve(_ lp: Solver, _ plan: CapacityPlanModel, units: [Int], _ options: SolveOptions) throws
        -> Solution
    {
        try lp.setBounds(
            plan.buildColumns.indices.map { (plan.buildColumns[$0], Double(units[$0]), Double(units[$0])) })
        return try lp.solve(options)
    }

    private static func unplaced(_ values: [Double], _ plan: CapacityPlanModel) -> Double {
        plan.network.units.indices.reduce(0) {
            $0 + values[plan.network.unplacedColumn(ofUnit: $1).index] * Double(plan.network.units[$1].groupSize)
        }
    }
}

extension PlanningError {
    init(_ message: String) { description = message }
}

extension Scenario {
    /// The scenario with a plan's new places as council-run providers in their authorities, each at
    /// its running cost, rated good.
    public func adding(_ builds: [CapacityPlan.Build]) -> Scenario {
        adding(builds.map { (candidate: $0.candidate, places: $0.places) })
    }

    /// The provider a plan's build becomes: `plan-` and the candidate's id.
    public static func plannedProviderID(_ candidate: CapacityCandidate) -> ProviderID {
        ProviderID(rawValue: Provider.plannedIDPrefix + candidate.id.rawValue)
    }

    /// Each candidate's places as a provider `plan-ID` of the candidate's sector in its authority.
    func adding(_ builds: [(candidate: CapacityCandidate, places: Int)]) -> Scenario {
        var scenario = self
        for (candidate, places) in builds {
            let sector = candidate.kind.sector
            scenario.providers.append(
                Provider(
                    id: Self.plannedProviderID(candidate), name: "Planned: \(candidate.id)",
                    sector: sector, operatingAuthority: sector == .localAuthority ? candidate.authority : nil,
                    owner: "", authority: candidate.authority,
                    offers: [
                        candidate.placementType: Provider.Offer(
                            places: places, weeklyPrice: candidate.weeklyCostPerPlace)
                    ], rating: .good, specialisms: candidate.specialisms, ageRange: candidate.ageRange))
        }
        return scenario
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
