import PlacementOptimisation
import PlacementReports
import PlacementScenarios

/// How a plan moves across each planning assumption's range: the plan re-solved with one
/// assumption at its low end, then its high end, the others at their values, reporting objective,
/// homes and households chosen, capital spent, own-council M1 and M2.
public struct PlanSensitivity: Sendable {
    /// One end of one assumption's range, solved.
    public struct Point: Sendable {
        public var label: String
        /// `low` or `high`.
        public var end: String
        public var value: Double
        public var plan: CapacityPlan
    }

    public var base: CapacityPlan
    public var points: [Point]
    /// Whether the candidates came from the scenario's file, which fixes every assumption but the
    /// discount rate.
    public var fromScenarioFile: Bool
    /// Assumptions not varied because only a kind of build this plan cannot buy reads them.
    public var leftOut: [String] = []

    static var reportedOnly: Set<WritableKeyPath<PlanningAssumptions, Assumption>> {
        [\.homeYearsToOpen, \.fosterYearsToOpen]
    }

    /// The assumptions only one kind of build reads.
    static var onlyFor: [WritableKeyPath<PlanningAssumptions, Assumption>: CapacityCandidate.Kind] {
        [
            \.capitalPerHomePlace: .home, \.placesPerHome: .home, \.newHomeRunningCostFactor: .home,
            \.homeLifeYears: .home, \.fosterRecruitmentCost: .fosterCarers,
            \.childrenPerFosterHousehold: .fosterCarers, \.fosterRecruitmentPerChild: .fosterCarers,
            \.fosterTenureYears: .fosterCarers, \.blockContractDiscount: .blockContract,
            \.blockContractTermYears: .blockContract, \.blockContractPlaces: .blockContract,
        ]
    }

    /// Re-solves the plan at each end of each assumption's range (each build's own saving not
    /// measured); an end equal to the value is not re-solved.
    public static func trace(
        _ scenario: Scenario, base: CapacityPlan, budget: Double, scope: BudgetScope, options: PlanningOptions
    ) throws(PlanningError) -> PlanSensitivity {
        var points: [Point] = []
        var leftOut: [String] = []
        let fromFile = !scenario.candidates.isEmpty
        for entry in options.assumptions.listed {
            // A scenario's own candidates carry their costs; only the discount rate still applies.
            if fromFile, entry.keyPath != \PlanningAssumptions.discountRate { continue }
            // Years to open are reported, not modelled: the plan is the same at either end.
            if Self.reportedOnly.contains(entry.keyPath) { continue }
            // An assumption only a kind of build the plan cannot buy reads cannot move it: councils
            // planning alone buy no block contract, and `--kinds` can leave out any kind.
            if let kind = Self.onlyFor[entry.keyPath],
                !options.kinds.contains(kind) || (kind == .blockContract && scope == .council)
            {
                leftOut.append(entry.label)
                continue
            }
            for (end, value) in [
                ("low", entry.assumption.range.lowerBound), ("high", entry.assumption.range.upperBound),
            ]
            where value != entry.assumption.value {
                var varied = options
                varied.measuresEachBuild = false
                varied.solvedWithoutPlan = base.withoutPlan
                varied.assumptions[keyPath: entry.keyPath].value = value
                let plan = try CapacityPlanner.plan(scenario, budget: budget, scope: scope, options: varied)
                points.append(Point(label: entry.label, end: end, value: value, plan: plan))
            }
        }
        return PlanSensitivity(base: base, points: points, fromScenarioFile: fromFile, leftOut: leftOut)
    }

    /// A section with one row per range end: the plan's figures there and their change from the base.
    public var section: ReportSection {
        func row(_ label: String, _ end: String, _ value: Double?, _ plan: CapacityPlan) -> [ReportValue] {
            let total = plan.withPlan.metrics.total
            let baseTotal = base.withPlan.metrics.total
            return [
                .text(label), .text(end), .text(value.map(PlanReport.plain) ?? ""), .pounds(plan.objective),
                .poundsChange(plan.objective - base.objective), .count(plan.homes.reduce(0) { $0 + $1.units }),
                .count(plan.carers.reduce(0) { $0 + $1.units }),
                .count(plan.blockContracts.reduce(0) { $0 + $1.units }), .pounds(plan.capitalSpent),
                .share(total.m1OwnAuthorityRunShare),
                .shareChange(from: baseTotal.m1OwnAuthorityRunShare, to: total.m1OwnAuthorityRunShare),
                .share(total.m2InAreaShare),
                .shareChange(from: baseTotal.m2InAreaShare, to: total.m2InAreaShare),
            ]
        }
        let table = ReportTable(
            id: "sensitivity", caption: "The plan at each end of each assumption's range",
            columns: [
                .init("Assumption", key: "assumption", numeric: false), .init("End", key: "end", numeric: false),
                .init("Value", key: "value"), .init("Objective", key: "objective"),
                .init("Objective change", key: "objective_change"), .init("Homes", key: "homes"),
                .init("Foster households", key: "foster_households"), .init("Block contracts", key: "block_contracts"),
                .init("Budget spent", key: "capital_spent"),
                .init("M1 own council", key: "m1_own_la_run_share"), .init("M1 change", key: "m1_change"),
                .init("M2", key: "m2_in_area_share"), .init("M2 change", key: "m2_change"),
            ],
            rows: [row("(as assumed)", "", nil, base)] + points.map { row($0.label, $0.end, $0.value, $0.plan) })
        var notes: [String] = []
        if let widest = points.max(by: {
            abs($0.plan.objective - base.objective) < abs($1.plan.objective - base.objective)
        }) {
            notes.append(
                "The objective moves most with \(widest.label) at its \(widest.end) end "
                    + "(\(PlanReport.plain(widest.value))): "
                    + "\(ReportValue.poundsChange(widest.plan.objective - base.objective).display) a week (table sensitivity)."
            )
        }
        let homes = base.homes.reduce(0) { $0 + $1.units }
        let changed = points.filter { $0.plan.homes.reduce(0) { $0 + $1.units } != homes }
        notes.append(
            changed.isEmpty
                ? "The number of homes chosen (\(homes)) is the same at every end (table sensitivity)."
                : "The number of homes chosen (\(homes) as assumed) changes with "
                    + Array(Set(changed.map(\.label))).sorted().joined(separator: ", ") + " (table sensitivity).")
        notes.append(
            "Years to open are reported, not modelled (the plan is one steady-state week): they are not varied.")
        if !leftOut.isEmpty {
            notes.append(
                "Not varied, as only builds this plan cannot buy read them (block contracts under --by council, "
                    + "or a kind --kinds leaves out): " + NumberText.listed(leftOut) + ".")
        }
        if fromScenarioFile {
            notes.append(
                "The candidates come from the scenario's file, which gives their costs: only the discount rate is varied."
            )
        }
        return ReportSection("Sensitivity to the assumptions", [.table(table), .bullets(notes)])
    }
}

extension ReportValue {
    fileprivate static func poundsChange(_ value: Double) -> ReportValue { .number(value, .poundsChange) }
}
