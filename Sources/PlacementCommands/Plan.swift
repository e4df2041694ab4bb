import ArgumentParser
import Foundation
import LinearProgramming
import PlacementPlanning
import PlacementReports
import PlacementScenarios

extension BudgetScope: ExpressibleByArgument {}

extension PlacementCommand {
    /// `placement plan SCENARIO --budget POUNDS`: where new council-run homes and foster carers do
    /// most good under a budget.
    public struct Plan: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Plan new council-run homes and foster carers under a capital budget (a mixed-integer programme)."
        )

        @Argument(help: "The scenario folder (with scenario.yaml; candidates.csv is optional).")
        var scenario: String

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "Pounds to spend: a home's capital, a foster household's one-off recruitment and a block contract's "
                    + "price over its term all draw on it (--kinds home spends capital alone)."),
            transform: DecimalOption.parse)
        var budget: Double

        @Option(
            help: ArgumentHelp(
                "Who plans: council (shares by children looked after), cooperative, or national (one plan, a bound; the default)."
            ))
        var by: BudgetScope?

        @Option(
            help:
                "Only these kinds of candidate, comma-separated: home, foster_carers, block_contract (default: all; block contracts only --by cooperative or national)."
        )
        var kinds: String?

        @Option(help: "How the plan is printed: markdown or json.")
        var format: ReportFormat = .markdown

        @Option(
            name: .customLong("export-model"),
            help: ArgumentHelp("Also write the mixed-integer programme to FILE.mps or FILE.lp.", valueName: "FILE"))
        var exportModel: String?

        @Option(
            help: ArgumentHelp(
                "Also write plan.json, plan.md, the plan file plan.csv (for compare, sufficiency and simulate --plan) and "
                    + "the plan report (report.html, with Markdown, JSON and CSV tables) into this folder. The report "
                    + "solves the plan again at each budget of its frontier (--frontier) and under each scope for the "
                    + "policy comparison: on England a minute or more beyond the plan itself."
            ))
        var out: String?

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "The year the plan is decided; plan.csv's opening years count from it (default: the scenario's latest published year).",
                valueName: "YEAR"))
        var year: Int?

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "Stop a plan's search after this many seconds from its start (model, relaxation, branch-and-cut), "
                    + "with the best plan found; each budget of the frontier, each policy and each --sensitivity "
                    + "re-solve has its own, and loading and the placements solved with and without the plan come "
                    + "on top. (default: 60)"),
            transform: DecimalOption.parse)
        var timeLimit: Double = 60

        @Option(
            parsing: .unconditional,
            help:
                "Stop branch-and-cut at this relative gap, a fraction of the objective (0.01 is 1%). (default: 0.0001)",
            transform: DecimalOption.parse)
        var gap: Double = 1e-4

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "With --out: the budgets of the report's frontier, comma-separated pounds (default: 0, half the budget, the budget, twice it).",
                valueName: "POUNDS,…"))
        var frontier: String?

        @Flag(
            help:
                "Re-solve the plan at each end of each planning assumption's range and show how objective, homes, M1 and M2 move (in the report with --out, else printed after the plan)."
        )
        var sensitivity = false

        @Flag(help: "Print GLPK's messages to standard error.")
        var verbose = false

        @OptionGroup var shockOptions: ShockOptions

        @OptionGroup var market: MarketOptions

        @Option(
            help: "The folder with the official CSV files (default: the scenario's ../../data, else Fixtures/data).")
        var data: String?

        @Option(
            help: ArgumentHelp(
                "One council's view first (GSS code or name): what the plan builds there, which new places its children take, and its children's measures today, without and with the plan.",
                valueName: "CODE|NAME"))
        var authority: String?

        @Option(
            help: ArgumentHelp(
                "Plan one co-operative's budget (its id or name): the whole --budget is its own and builds go "
                    + "in its members alone; the other councils' children still compete for places. Implies --by "
                    + "cooperative.",
                valueName: "ID|NAME"))
        var cooperative: String?

        @Flag(
            help:
                "Plan the budget under every scope (councils, co-operatives, national) and print them beside no new capacity, in Markdown (plan --out writes the same in its report)."
        )
        var comparePolicies = false

        @OptionGroup var quietOption: QuietOption

        public init() {}

        public func validate() throws {
            guard Self.budgets.contains(budget) else {
                throw ValidationError("--budget must be a number of pounds from 0 to \(Self.largestBudgetText)")
            }
            // Shares are whole pounds adding up to the budget, as a grant is allocated.
            guard budget == budget.rounded() else {
                throw ValidationError("--budget is whole pounds (\(DecimalNumber.format(budget)) has pence)")
            }
            try TimeLimit.validate(timeLimit)
            guard gap.isFinite, gap >= 0 else { throw ValidationError("--gap must be ≥ 0") }
            // A gap past 1 is almost surely a percentage typed as one (2 for 2%).
            guard gap <= 1 else {
                throw ValidationError("--gap is a fraction of the objective, at most 1 (0.02 is 2%)")
            }
            // Block contracts are let by co-operatives or nationally: named alone with --by council,
            // the plan would have no candidate and still read "optimal".
            if try candidateKinds() == [.blockContract], by == .council {
                throw ValidationError(
                    "--kinds block_contract needs --by cooperative or national: a council's share buys homes and "
                        + "foster carers, block contracts are let by co-operatives or nationally")
            }
            _ = try frontierBudgets()
            // The comparison plans under every scope and prints Markdown only; `plan --out` writes it
            // in the plan's report, beside the plan file it would otherwise replace.
            if comparePolicies {
                let ignored = [
                    by.map { _ in "--by" }, out.map { _ in "--out" }, sensitivity ? "--sensitivity" : nil,
                    authority.map { _ in "--authority" }, cooperative.map { _ in "--cooperative" },
                    format == .json ? "--format json" : nil, frontier.map { _ in "--frontier" },
                    exportModel.map { _ in "--export-model" }, year.map { _ in "--year" },
                ].compactMap { $0 }
                if !ignored.isEmpty {
                    throw ValidationError(
                        "--compare-policies plans under every scope and prints Markdown; it takes no "
                            + ignored.joined(separator: ", ")
                            + " (plan --out writes the same comparison in its report, with the plan file)")
                }
            }
            if cooperative != nil, let by, by != .cooperative {
                throw ValidationError(
                    "--cooperative plans one co-operative's budget: it goes with --by cooperative only")
            }
            // The frontier is drawn in the report --out writes; without it the budgets would go unused.
            if frontier != nil, out == nil {
                throw ValidationError("--frontier needs --out: the frontier is drawn in the report written there")
            }
            if let year, !(1900...2999).contains(year) { throw ValidationError("--year must be a calendar year") }
            if let exportModel, ModelFileFormat(path: exportModel) == nil {
                throw ValidationError("--export-model needs a file name ending in .mps or .lp")
            }
        }

        /// Who plans: national unless `--by` says otherwise.
        private var scope: BudgetScope { cooperative != nil ? .cooperative : by ?? .national }

        /// Budgets a plan takes: a trillion pounds is far beyond any capital programme, and keeps the
        /// default frontier's twice the budget finite.
        static let budgets: ClosedRange<Double> = 0...1e12
        static let largestBudgetText = "1,000,000,000,000"

        private func candidateKinds() throws -> Set<CapacityCandidate.Kind> {
            guard let kinds else { return Set(CapacityCandidate.Kind.allCases) }
            return Set(
                try CommaList.choices(
                    kinds, option: "--kinds", what: "kind",
                    from: CapacityCandidate.Kind.allCases.map { ($0.rawValue, $0) }))
        }

        private func frontierBudgets() throws -> [Double] {
            guard let frontier else { return PlanFrontier.defaultBudgets(around: budget) }
            return try CommaList.items(frontier, option: "--frontier", what: "budget", example: "0,500000,1000000").map
            {
                trimmed in
                guard let pounds = DecimalNumber.parse(trimmed), Self.budgets.contains(pounds),
                    pounds == pounds.rounded()
                else {
                    throw ValidationError(
                        "--frontier: '\(trimmed)' is not a whole number of pounds from 0 to \(Self.largestBudgetText)")
                }
                return pounds
            }
        }

        public func run() throws {
            quietOption.apply()
            try ModeRunner.prepareOutput(
                out, command: Self._commandName, reading: [scenario, data, shockOptions.shocks])
            // The model is written before the plan is made: never inside --out, which the set replaces.
            if let exportModel {
                _ = try ModelExport.check(
                    exportModel, out: out,
                    reading: [scenario, data ?? Baseline.defaultData(for: scenario), shockOptions.shocks],
                    mayJoinOut: false)
            }
            // The plan competes for the places free today, as `compare`'s modes do.
            let marketData = MarketData(named: data, scenario: self.scenario, options: market)
            let loaded = try loadScenario(scenario)
            let shocked = try shockOptions.apply(to: loaded)
            let shocks = shockOptions.shocks != nil
            ModeRunner.sayRegionalWithoutCooperatives(shocked, modes: [scope.mode])
            // Today's market is before the shocks; they strike it as they strike each draw's, and the
            // plan is made in (and the report describes) what they leave.
            let todays = try marketData.baseline(for: loaded)
            let baseline = shocks ? todays.afterShocks(shocked) : todays
            let scenario = baseline.scenario(or: shocked)
            var marketNotes = baseline.marketNotes(solvedBy: "The plan is made in")
            var focused: AuthorityCode?
            if let authority {
                do {
                    // A council with no children of its own may still be where the plan builds.
                    focused = try SufficiencyReport.resolve(
                        .authority(authority), in: scenario, requiringChildren: false
                    ).members.first
                } catch {
                    throw UsageFailure.report("\(self.scenario): \(error.description)", in: Self.self)
                }
            }
            var holder: String?
            if let cooperative {
                let lookup = NameLookup.cooperatives(scenario.cooperatives)
                guard let index = lookup.index(of: cooperative) else {
                    throw UsageFailure.report("--cooperative: \(lookup.missing(cooperative))", in: Self.self)
                }
                holder = scenario.cooperatives[index].id.rawValue
            }
            // Today's placements (half a second on England), beside the plan's "without", which is not today.
            let todaysPlacements =
                comparePolicies ? nil : shocks ? todays.todaysPlacements(after: shocked) : todays.todaysPlacements()
            let todaysMetrics = todaysPlacements?.metrics
            // What the shocks did to today's placements, said with the market they leave.
            if let effect = todaysPlacements?.shockDisplacement {
                marketNotes.append(
                    AsIsComparison.shockSentence(effect, policy: scenario.policy, market: baseline.market))
            }
            let today = todaysMetrics?.total
            let latest = scenario.actuals.map(\.year).max()
            // The plan is made in today's market, so it cannot be decided before the latest published year.
            if let year, let latest, year < latest {
                throw UsageFailure.report(
                    "--year \(year): the plan is made in today's market, the scenario's latest published year "
                        + "\(latest); give \(latest) or later",
                    in: Self.self)
            }
            let decided = year ?? latest
            if out != nil, !comparePolicies, decided == nil {
                throw UsageFailure.report(
                    "\(scenario.name) publishes no year: give --year, from which plan.csv's opening years count",
                    in: Self.self)
            }
            var options = PlanningOptions()
            options.timeLimit = .milliseconds(Int64((timeLimit * 1000).rounded(.up)))
            options.relativeMIPGap = gap
            options.kinds = try candidateKinds()
            options.budgetHolder = holder
            if verbose { options.messageHandler = { printToStandardError($0, terminator: "") } }
            if let exportModel {
                do {
                    try CapacityPlanner.model(of: scenario, budget: budget, scope: scope, options: options)
                        .write(to: exportModel)
                } catch {
                    printToStandardError(error.description)
                    throw failureExitCode
                }
            }
            if comparePolicies {
                try runPolicyComparison(scenario, options: options)
                return
            }
            let json: String
            let markdown: String
            let plan: CapacityPlan
            let focus: PlanFocus?
            do {
                plan = try CapacityPlanner.plan(scenario, budget: budget, scope: scope, options: options)
                focus = focused.map { code in
                    PlanFocus(
                        plan, authority: code, scenario: scenario,
                        today: todaysMetrics?.authority(code),
                        todayShocked: shocks)
                }
                json = try PlanJSON.plan(plan, scenario: scenario, focus: focus)
                markdown =
                    (focus?.markdown ?? "")
                    + PlanMarkdown.plan(
                        plan, scenario: scenario, marketNotes: marketNotes, today: today, todayShocked: shocks)
            } catch {
                printToStandardError("\(scenario.name), plan: \(error.description)")
                throw failureExitCode
            }
            var sensitivityTrace: PlanSensitivity?
            if sensitivity {
                do {
                    sensitivityTrace = try PlanSensitivity.trace(
                        scenario, base: plan, budget: budget, scope: scope, options: options)
                } catch {
                    printToStandardError("\(scenario.name), sensitivity: \(error.description)")
                    throw failureExitCode
                }
            }
            if let out, let decided {
                var report: PlanReport
                let reportStarted = Date()
                do {
                    report = PlanReport(
                        plan: plan,
                        frontier: try PlanFrontier.trace(
                            scenario, budgets: try frontierBudgets(), scope: scope, options: options, base: plan),
                        comparison: try PolicyComparison.compare(scenario, budget: budget, options: options),
                        assumptions: options.assumptions, sensitivity: sensitivityTrace, scenario: scenario)
                    report.marketNotes = marketNotes
                    report.today = today
                    report.todayShocked = shocks
                    report.focus = focus
                } catch let error as PlanningError {
                    printToStandardError("\(scenario.name), plan report: \(error.description)")
                    throw failureExitCode
                }
                let file = AdoptedPlan(plan, decidedIn: decided).csv
                try ModeRunner.write(
                    [("plan.json", json), ("plan.md", markdown), ("plan.csv", file)] + report.files, into: out,
                    command: Self._commandName)
                // The plan's own time is in its status line; the report's re-solves can take longer.
                let budgets = try frontierBudgets().count
                printToStandardError(
                    "the plan report is \(TerminalSafeText.escaping(out))/report.html (its frontier of "
                        + "\(NumberText.counted(budgets, "budget", "budgets")) and the policy comparison re-solved the "
                        + "plan in \(Elapsed.seconds(from: reportStarted)) s)")
            } else if let sensitivityTrace, format == .markdown {
                let document = ReportDocument(
                    title: "Sensitivity", subtitle: scenario.name, sections: [sensitivityTrace.section])
                try printToStandardOutput(
                    markdown + "\n" + MarkdownReport.render(document), terminator: "")
                return
            }
            try printToStandardOutput(format == .json ? json : markdown, terminator: "")
        }

        private func runPolicyComparison(_ scenario: Scenario, options: PlanningOptions) throws {
            let comparison: PolicyComparison
            do {
                comparison = try PolicyComparison.compare(scenario, budget: budget, options: options)
            } catch {
                printToStandardError("\(scenario.name), plan: \(error.description)")
                throw failureExitCode
            }
            try printToStandardOutput(comparison.markdown, terminator: "")
        }
    }
}
