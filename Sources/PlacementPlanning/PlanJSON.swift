import Foundation
import PlacementOptimisation
import PlacementScenarios

/// The JSON form of a capacity plan (documented in the README; checks read these keys). Keys are
/// sorted and the same input gives the same bytes, but for `seconds`.
public enum PlanJSON {
    /// `focus`: one council's view (`plan --authority`), as `"authority"`.
    public static func plan(
        _ plan: CapacityPlan, scenario: Scenario, focus: PlanFocus? = nil
    ) throws(PlanningError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        do {
            var object = PlanObject(plan, scenario: scenario)
            object.authority = focus.map(FocusObject.init)
            return String(decoding: try encoder.encode(object), as: UTF8.self) + "\n"
        } catch {
            throw PlanningError(error)
        }
    }

    struct PlanObject: Encodable {
        var scenario: String
        var by: String
        /// `plan --cooperative`: the one holder of the whole budget (its id); null when shared.
        var budgetHolder: OrNull<String>
        var mode: String
        var budget: Double
        var status: String
        var objective: Double
        var bestBound: Double
        var relativeGap: Double
        var savingGap: OrNull<Double>
        var lpBound: Double
        var startObjective: OrNull<Double>
        var seconds: Double
        var baselineObjective: Double
        var weeklySaving: Double
        var baselineWeeklySpend: Double
        var weeklySpend: Double
        var weeklyCapitalCharge: Double
        var capitalSpent: Double
        /// What `capital_spent` buys, by kind (`home`, `foster_carers`, `block_contract`): only a home's
        /// is capital; recruitment is a one-off revenue cost, a contract's its price over the term.
        var spentByKind: [String: Double]
        var valueOfBudgetPerMillion: Double
        var candidatesConsidered: Int
        /// Candidates in authorities no budget holder covers: never built.
        var candidatesNoBudgetHolder: [String]
        /// The scenario's block contracts the scope may not buy.
        var contractsNotOffered: [String]
        var candidateSource: String
        var homes: [BuildObject]
        var carers: [BuildObject]
        var blockContracts: [BuildObject]
        var budgets: [BudgetObject]
        var withoutPlan: Measures
        var withPlan: Measures
        var statistics: StatisticsObject
        /// With `--authority` only.
        var authority: FocusObject?

        init(_ plan: CapacityPlan, scenario: Scenario) {
            self.scenario = scenario.name
            by = plan.scope.rawValue
            budgetHolder = OrNull(plan.holder?.id)
            mode = plan.mode.rawValue
            budget = plan.budget
            status = plan.status.rawValue
            objective = plan.objective
            bestBound = plan.bestBound
            relativeGap = plan.relativeGap
            savingGap = OrNull(plan.savingGap)
            lpBound = plan.lpBound
            startObjective = OrNull(plan.startObjective)
            seconds = plan.seconds
            baselineObjective = plan.baselineObjective
            weeklySaving = plan.weeklySaving
            baselineWeeklySpend = plan.baselineWeeklySpend
            weeklySpend = plan.weeklySpend
            weeklyCapitalCharge = plan.weeklyCapitalCharge
            capitalSpent = plan.capitalSpent
            spentByKind = Dictionary(
                uniqueKeysWithValues: CapacityCandidate.Kind.allCases.map { ($0.rawValue, plan.spent(on: $0)) })
            valueOfBudgetPerMillion = plan.marginalValueOfBudget * 1_000_000
            candidatesConsidered = plan.candidatesConsidered
            candidatesNoBudgetHolder = plan.candidatesNoOneHolds.map(\.rawValue)
            contractsNotOffered = plan.contractsNotOffered.map(\.rawValue)
            candidateSource = plan.candidateSource.rawValue
            let names = scenario.authorityNames
            homes = plan.homes.map { BuildObject($0, names: names) }
            carers = plan.carers.map { BuildObject($0, names: names) }
            blockContracts = plan.blockContracts.map { BuildObject($0, names: names) }
            budgets = plan.spending.map {
                BudgetObject(id: $0.share.id, name: $0.share.name, budget: $0.share.budget, spent: $0.spent)
            }
            withoutPlan = Measures(plan.withoutPlan)
            withPlan = Measures(plan.withPlan)
            statistics = StatisticsObject(
                rows: plan.statistics.rows, columns: plan.statistics.columns,
                integerColumns: plan.statistics.integerColumns, nonzeros: plan.statistics.nonzeros,
                iterations: plan.statistics.iterations)
        }
    }

    struct BuildObject: Encodable {
        var candidate: String
        var kind: String
        var authority: String
        var authorityName: String
        var placementType: String
        var units: Int
        var places: Int
        var capital: Double
        var yearsToOpen: Double
        var weeklyRunningCost: Double
        var weeklyCapitalCharge: Double
        var childrenPlaced: Double
        var weeklySaving: Double
        var weeklySpendSaving: Double
        var paybackYears: OrNull<Double>
        var childrenNoLongerUnplaced: Double

        init(_ build: CapacityPlan.Build, names: [AuthorityCode: String]) {
            let candidate = build.candidate
            self.candidate = candidate.id.rawValue
            kind = candidate.kind.rawValue
            authority = candidate.authority.rawValue
            authorityName = names[candidate.authority] ?? candidate.authority.rawValue
            placementType = candidate.placementType.rawValue
            units = build.units
            places = build.places
            capital = build.capital
            yearsToOpen = candidate.yearsToOpen
            weeklyRunningCost = build.weeklyRunningCost
            weeklyCapitalCharge = build.weeklyCapitalCharge
            // LP values: 4,999.9999999 children is 5,000 to any reader.
            childrenPlaced = (build.childrenPlaced * 1e6).rounded() / 1e6
            weeklySaving = build.weeklySaving
            weeklySpendSaving = build.weeklySpendSaving
            paybackYears = OrNull(build.paybackYears)
            childrenNoLongerUnplaced = (build.childrenNoLongerUnplaced * 1e6).rounded() / 1e6
        }
    }

    /// One council's view: `{"code", "name", "builds": [candidate], "children_in_new_places":
    /// {code: children}, "budget": {…} or absent, "today": measures or null, "without_plan",
    /// "with_plan"}` (measures of its children, as the plan's but without `objective`).
    struct FocusObject: Encodable {
        var code: String
        var name: String
        var builds: [String]
        var childrenInNewPlaces: [String: Int]
        var budget: BudgetObject?
        var today: OrNull<Measures>
        var withoutPlan: OrNull<Measures>
        var withPlan: OrNull<Measures>

        init(_ focus: PlanFocus) {
            code = focus.authority.rawValue
            name = focus.name
            builds = focus.builds.map(\.candidate.id.rawValue)
            childrenInNewPlaces = Dictionary(
                focus.inNewPlaces.map { ($0.code.rawValue, $0.children) }, uniquingKeysWith: +)
            budget = focus.spending.map {
                BudgetObject(id: $0.share.id, name: $0.share.name, budget: $0.share.budget, spent: $0.spent)
            }
            today = OrNull(focus.today.map { Measures($0, objective: nil) })
            withoutPlan = OrNull(focus.without.map { Measures($0, objective: nil) })
            withPlan = OrNull(focus.with.map { Measures($0, objective: nil) })
        }
    }

    struct BudgetObject: Encodable {
        var id: String
        var name: String
        var budget: Double
        var spent: Double
    }

    /// The scenario's measures from a solved placement model.
    struct Measures: Encodable {
        /// The solved model's; absent for one authority's children.
        var objective: Double?
        var children: Int
        var placed: Int
        var unplaced: Int
        var m1LaRunShare: Double?
        var m1OwnLaRunShare: Double?
        var m2InAreaShare: Double?
        var within20MilesShare: Double?
        var meanDistanceMiles: Double?
        var weeklyCost: Double

        init(_ solved: SolvedMode) { self.init(solved.metrics.total, objective: solved.result.objective) }

        init(_ total: ScopeMetrics, objective: Double?) {
            self.objective = objective
            children = total.children
            placed = total.placed
            unplaced = total.unplaced
            m1LaRunShare = total.m1LocalAuthorityRunShare
            m1OwnLaRunShare = total.m1OwnAuthorityRunShare
            m2InAreaShare = total.m2InAreaShare
            within20MilesShare = total.within20MilesShare
            meanDistanceMiles = total.meanDistanceMiles
            weeklyCost = total.weeklyCost
        }

        enum CodingKeys: String, CodingKey {
            case objective, children, placed, unplaced
            case m1LaRunShare = "m1_la_run_share"
            case m1OwnLaRunShare = "m1_own_la_run_share"
            case m2InAreaShare = "m2_in_area_share"
            case within20MilesShare = "within_20_miles_share"
            case meanDistanceMiles = "mean_distance_miles"
            case weeklyCost = "weekly_cost"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(objective, forKey: .objective)
            try container.encode(children, forKey: .children)
            try container.encode(placed, forKey: .placed)
            try container.encode(unplaced, forKey: .unplaced)
            // Measures with no denominator are null, never missing.
            try container.encode(m1LaRunShare, forKey: .m1LaRunShare)
            try container.encode(m1OwnLaRunShare, forKey: .m1OwnLaRunShare)
            try container.encode(m2InAreaShare, forKey: .m2InAreaShare)
            try container.encode(within20MilesShare, forKey: .within20MilesShare)
            try container.encode(meanDistanceMiles, forKey: .meanDistanceMiles)
            try container.encode(weeklyCost, forKey: .weeklyCost)
        }
    }

    struct StatisticsObject: Encodable {
        var rows: Int
        var columns: Int
        var integerColumns: Int
        var nonzeros: Int
        var iterations: Int
    }
}

/// An optional encoded as `null` when absent, so that every documented key is always present.
struct OrNull<Wrapped: Encodable>: Encodable {
    var value: Wrapped?

    init(_ value: Wrapped?) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}
