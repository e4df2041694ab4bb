import PlacementOptimisation
import PlacementReports
import PlacementScenarios

/// The capacity plan as a report (`report.html`, `.md`, `.json`, `report-TABLE.csv`): the plan and
/// its proof, a map of where the new places go, tables by authority and co-operative, the frontier
/// (budget → M1, M2, weekly cost, unplaced) and the policy comparison in one sentence per measure,
/// each naming the table it quotes.
public struct PlanReport: Sendable {
    public var plan: CapacityPlan
    public var frontier: PlanFrontier
    public var comparison: PolicyComparison
    /// The assumptions behind the default candidates, listed with their sources and ranges.
    public var assumptions: PlanningAssumptions
    /// How the answer moves across each assumption's range, when it was traced.
    public var sensitivity: PlanSensitivity?
    /// Sentences on the market the plan was made in (today's, or the empty market and why).
    public var marketNotes: [String] = []
    /// Every child's measures today (as-is), when today's placements were fitted: the plan's
    /// "without" is every child placed afresh with no new capacity, which is not today.
    public var today: ScopeMetrics?
    /// Whether shocks closed places first: today is then today's placements in what they leave.
    public var todayShocked = false
    /// One council's view, first in the report (`plan --authority`).
    public var focus: PlanFocus?
    let scenario: Scenario

    public init(
        plan: CapacityPlan, frontier: PlanFrontier, comparison: PolicyComparison, assumptions: PlanningAssumptions,
        sensitivity: PlanSensitivity? = nil, scenario: Scenario
    ) {
        self.plan = plan
        self.frontier = frontier
        self.comparison = comparison
        self.assumptions = assumptions
        self.sensitivity = sensitivity
        self.scenario = scenario
    }

    /// The report's files, stem `report`.
    public var files: [(name: String, text: String)] { ReportFiles.files(document, stem: "report") }

    public var document: ReportDocument {
        var sections =
            (focus.map { [$0.section] } ?? []) + [summary, whereSection, byCooperative, frontierSection, policies]
        if let sensitivity { sections.append(sensitivity.section) }
        sections.append(method)
        return ReportDocument(
            title:
                "\(scenario.name): capacity plan, \(FrontierChart.budgetLabel(plan.budget)) \(plan.heldBy)",
            subtitle: "New council-run homes and foster carers"
                + (plan.blockContracts.isEmpty ? "" : ", and block contracts with the market,")
                + " under a capital budget, from scenario \(scenario.name), "
                + "\(plan.mode.rawValue) access.", sections: sections)
    }

    private var names: [AuthorityCode: String] { scenario.authorityNames }

    private static func pounds(_ value: Double) -> String { ReportValue.pounds(value).display }
    /// An assumption's value as written: 265000, 0.035, 0.25.
    static func plain(_ value: Double) -> String { ReportNumbers.trimmed(value, places: 4) }
    private static func share(_ value: Double?) -> String { ReportValue.share(value).display }

    // MARK: Sections

    private var summary: ReportSection {
        let before = plan.withoutPlan.metrics.total
        let after = plan.withPlan.metrics.total
        let homes = plan.homes.reduce(0) { $0 + $1.units }
        let households = plan.carers.reduce(0) { $0 + $1.units }
        var bullets = [
            "Status \(plan.status.rawValue): weekly objective \(Self.pounds(plan.objective)) against "
                + "\(Self.pounds(plan.baselineObjective)) with no new capacity; best bound \(Self.pounds(plan.bestBound)), "
                + "relative gap \(NumberText.decimal(plan.relativeGap * 100, places: 4))%"
                + (plan.savingGap.map { ", saving gap \(NumberText.decimal($0 * 100, places: 2))%" } ?? "")
                + "; LP relaxation \(Self.pounds(plan.lpBound)).",
            "Builds \(NumberText.counted(homes, "home", "homes")) and recruits "
                + NumberText.counted(households, "foster household", "foster households")
                + (plan.blockContracts.isEmpty
                    ? ""
                    : ", with "
                        + NumberText.counted(
                            plan.blockContracts.reduce(0) { $0 + $1.units }, "block contract", "block contracts")
                        + " with the market,")
                + " for \(Self.pounds(plan.capitalSpent)) "
                + "of \(Self.pounds(plan.budget)) (table plan-builds); at the margin, budget saves "
                + "\(Self.pounds(plan.marginalValueOfBudget * 1_000_000)) a week of objective per £1m "
                + Self.marginalValueCaveat(plan, unplacedPenalty: scenario.policy.unplacedPenalty) + "."
                + Self.spendingByKind(plan),
            "Own-council M1 \(Self.share(before.m1OwnAuthorityRunShare)) → \(Self.share(after.m1OwnAuthorityRunShare)), "
                + "M2 \(Self.share(before.m2InAreaShare)) → \(Self.share(after.m2InAreaShare)), weekly prices paid "
                + "\(Self.pounds(before.weeklyCost)) → \(Self.pounds(after.weeklyCost))"
                + Self.contractsWithin(after.weeklyCost, of: plan, emptyPlacesToo: false)
                + ", unplaced \(before.unplaced) → "
                + "\(after.unplaced) (table plan-measures).",
        ]
        if let today {
            bullets.append(Self.todaySentence(today, plan: plan, shocked: todayShocked))
        }
        bullets += Self.notes(plan)
        let builds = ReportTable(
            id: "plan-builds", caption: "What the plan builds, where and when",
            columns: [
                .init("Build", key: "candidate", numeric: false), .init("Authority", key: "authority", numeric: false),
                .init("Kind", key: "kind", numeric: false),
                .init("Placement type", key: "placement_type", numeric: false),
                .init("Units", key: "units"), .init("Places", key: "places"),
                .init("Cost to the budget", key: "capital"),
                .init("Opens in (years)", key: "years_to_open"), .init("Children placed", key: "children_placed"),
                .init("Weekly saving (weighted objective)", key: "weekly_saving"),
                .init("Weekly saving (£ paid)", key: "weekly_spend_saving"),
                .init("Payback (years)", key: "payback_years"),
            ],
            rows: plan.builds.map { build in
                let candidate = build.candidate
                return [
                    .text(candidate.id.rawValue), .text(names[candidate.authority] ?? candidate.authority.rawValue),
                    .text(candidate.kind.rawValue), .text(candidate.placementType.label), .count(build.units),
                    .count(build.places), .pounds(build.capital), .miles(candidate.yearsToOpen),
                    .miles(build.childrenPlaced), .pounds(build.weeklySaving), .pounds(build.weeklySpendSaving),
                    .miles(build.paybackYears),
                ]
            })
        let measures = ReportTable(
            id: "plan-measures", caption: "Every child in the scenario without and with the plan",
            columns: [.init("Measure", key: "measure", numeric: false)]
                + (today == nil ? [] : [.init(Self.todayHeading(shocked: todayShocked), key: "as_is")])
                + [.init("Without", key: "without"), .init("With", key: "with")],
            rows: PolicyComparison.measures.map { measure in
                [.text(measure.label)] + (today.map { [Self.value(measure, $0)] } ?? [])
                    + [
                        Self.value(measure, plan.withoutPlan.metrics.total),
                        Self.value(measure, plan.withPlan.metrics.total),
                    ]
            })
        return ReportSection("The plan", [.bullets(bullets), .table(builds), .table(measures)])
    }

    /// Today's column: after the shocks when shocks closed places first.
    static func todayHeading(shocked: Bool) -> String { shocked ? "Today after the shocks (as-is)" : "Today (as-is)" }

    /// That the plan's "without" is not today, with today's own-council M1 and M2 beside it.
    static func todaySentence(_ today: ScopeMetrics, plan: CapacityPlan, shocked: Bool) -> String {
        let without = plan.withoutPlan.metrics.total
        return "\"Without\" is every child placed afresh under \(plan.mode.rawValue) access with no new capacity "
            + "(what commissioning could reach were every placement made again), not today: today (as-is"
            + (shocked ? ", today's placements in what the shocks leave of today's market" : "") + ") "
            + "own-council M1 is \(share(today.m1OwnAuthorityRunShare)) and M2 \(share(today.m2InAreaShare)), "
            + "against \(share(without.m1OwnAuthorityRunShare)) and \(share(without.m2InAreaShare)) without the plan."
    }

    /// What the budget's dual is, in brackets: a rate in the objective's pounds, not cash; where it
    /// reaches the penalty on a child left unplaced, that penalty, which then drives it.
    static func marginalValueCaveat(_ plan: CapacityPlan, unplacedPenalty: Double) -> String {
        // A rate of a child's penalty or more per £1m comes from placing children left unplaced.
        "(the LP relaxation's budget dual: a rate for small changes around this budget, not for a whole £1m more"
            + (plan.withoutPlan.metrics.total.unplaced > 0 && plan.marginalValueOfBudget * 1_000_000 >= unplacedPenalty
                ? "; the objective counts \(NumberText.pounds(unplacedPenalty)) a week for each child left unplaced, "
                    + "which capacity that places one saves"
                : "")
            // The relaxation builds fractions: money the whole builds leave over still has a rate there.
            + (plan.spending.contains { $0.share.budget - $0.spent >= wholePound } && plan.marginalValueOfBudget > 0
                ? "; the relaxation may build a fraction of a home or household, so it prices money that the "
                    + "whole builds below leave unspent"
                : "")
            + ")"
    }

    /// What the money is spent on, where it is more than homes: the budget is one pot, but only a
    /// home's cost is capital; recruiting carers is a one-off revenue cost, and a block contract's
    /// budget cost is its places' price over the term, revenue a capital grant cannot pay.
    static func spendingByKind(_ plan: CapacityPlan) -> String {
        let homes = plan.spent(on: .home)
        let carers = plan.spent(on: .fosterCarers)
        let contracts = plan.spent(on: .blockContract)
        guard carers > 0 || contracts > 0 else { return "" }
        var parts: [String] = []
        if homes > 0 { parts.append("\(pounds(homes)) is capital in homes") }
        if carers > 0 { parts.append("\(pounds(carers)) recruits foster carers (a one-off revenue cost)") }
        if contracts > 0 {
            parts.append(
                "\(pounds(contracts)) pays block contracts' prices over their terms (revenue, which a capital grant "
                    + "cannot pay; --kinds home,foster_carers plans without them)")
        }
        return " Of the money spent, " + NumberText.listed(parts) + "."
    }

    /// The block contracts' places within a weekly figure with the plan (`total`): the budget pays
    /// them over the contracts' terms, so a reader adding the budget to the week's figure would count
    /// them twice (a finance trial did). `emptyPlacesToo`: the figure counts empty places' costs as
    /// well as the prices of the children placed.
    static func contractsWithin(_ total: Double, of plan: CapacityPlan, emptyPlacesToo: Bool) -> String {
        let weekly = plan.blockContracts.reduce(0) { sum, build in
            sum + (emptyPlacesToo ? build.weeklyRunningCost : build.childrenPlaced * build.candidate.weeklyCostPerPlace)
        }
        guard weekly > 0.005 else { return "" }
        return " (\(pounds(weekly)) a week of it block contracts' places, which the budget pays over the contracts' "
            + "terms: \(pounds(total - weekly)) a week besides)"
    }

    /// What the plan's summary says beside its figures, in the report and the Markdown alike.
    static func notes(_ plan: CapacityPlan) -> [String] {
        [
            shortOfAHomeNote(plan), unspentNote(plan), leftUnderAHomeNote(plan), unheldCandidatesNote(plan),
            contractsNotOfferedNote(plan), contractTermNote(plan),
            savingNothingNote(plan),
            commissioningNote(plan),
        ].compactMap { $0 }
    }

    /// Budget holders whose share cannot buy one home, said with the cheapest home open to them: a
    /// plan that builds no home there is the share's size, not a judgement on homes.
    static func shortOfAHomeNote(_ plan: CapacityPlan) -> String? {
        let short = plan.holdersShortOfAHome
        guard !short.isEmpty else { return nil }
        let cheapest = short.compactMap(\.cheapestHome).min() ?? 0
        let from = "(from \(pounds(cheapest)))"
        let unspent = short.reduce(0) { $0 + $1.share.budget - $1.spent }
        let elsewhere =
            plan.carers.isEmpty
            ? "" : unspent < wholePound ? " (the money recruits carers)" : " (\(pounds(unspent)) of it is left unspent)"
        guard plan.spending.count > 1 else {
            return "The budget does not reach the cheapest home \(from), so the plan builds none\(elsewhere)."
        }
        let names = short.count <= 5 ? " (" + NumberText.listed(short.map(\.share.name)) + ")" : ""
        let pooled =
            plan.budget + pennyTolerance < cheapest
            ? "; even pooled, the whole budget would not reach one."
            : "; pooled (" + (plan.scope == .council ? "--by cooperative or --by national" : "--by national")
                + ", --compare-policies), the money could buy homes."
        if short.count == plan.spending.count {
            return "No budget holder's share\(names) reaches the cheapest home open to it \(from), so none builds "
                + "one\(elsewhere)" + pooled
        }
        let one = short.count == 1
        return "\(short.count) of the \(plan.spending.count) budget holders' shares\(names) "
            + (one ? "does" : "do") + " not reach the cheapest home open to " + (one ? "it" : "them")
            + " \(from), so " + (one ? "it builds" : "they build") + " none\(elsewhere)" + pooled
    }

    /// Budget holders that leave enough unspent for another of their homes (one with units still
    /// unbuilt): no such build lowers the weighted objective any further (or the search stopped at
    /// its time limit), which a reader seeing money left would otherwise not know.
    static func unspentNote(_ plan: CapacityPlan) -> String? {
        let left = plan.spending.filter { holder in
            holder.cheapestHomeLeft.map { holder.share.budget - holder.spent + pennyTolerance >= $0 } ?? false
        }
        guard !left.isEmpty else { return nil }
        let total = left.reduce(0) { $0 + $1.share.budget - $1.spent }
        let names = left.count <= 5 ? " (" + NumberText.listed(left.map(\.share.name)) + ")" : ""
        let who = left.count == 1 ? "1 budget holder" : "\(left.count) budget holders"
        let why =
            plan.status == .optimal
            ? "a further home would cost more a week, its capital charge included, than it saves of the weighted "
                + "objective"
            : "the search stopped at its time limit before proving that a further home would not pay"
        return "\(who)\(names) \(left.count == 1 ? "leaves" : "leave") \(pounds(total)) unspent, enough for "
            + "another of \(left.count == 1 ? "its" : "their") homes: \(why)."
    }

    /// Money below a pound is rounding, not money left; a penny's difference is the budget's arithmetic.
    static let wholePound = 0.5
    static let pennyTolerance = 0.005

    /// Budget holders who leave money that neither the note on shares short of a home nor the one on
    /// money enough for another home speaks of: less than their cheapest home left once their other
    /// builds are paid for, or with no home left to build at all (none a candidate, or every one built
    /// to its most). Every unspent pound is then in a note.
    static func leftUnderAHomeNote(_ plan: CapacityPlan) -> String? {
        let short = Set(plan.holdersShortOfAHome.map(\.share.id))
        let unspent = { (holder: CapacityPlan.Spending) in holder.share.budget - holder.spent }
        let others = plan.spending.filter { !short.contains($0.share.id) && unspent($0) >= wholePound }
        let underAHome = others.filter { holder in
            holder.cheapestHomeLeft.map { unspent(holder) + pennyTolerance < $0 } ?? false
        }
        let noHomeLeft = others.filter { $0.cheapestHomeLeft == nil }
        let optimal = plan.status == .optimal
        func holders(_ group: [CapacityPlan.Spending]) -> String {
            let total = pounds(group.reduce(0) { $0 + unspent($1) })
            guard plan.spending.count > 1 else { return "The plan leaves \(total) unspent" }
            let names = group.count <= 5 ? " (" + NumberText.listed(group.map(\.share.name)) + ")" : ""
            return (group.count == 1 ? "1 budget holder" : "\(group.count) budget holders") + names
                + (group.count == 1 ? " leaves " : " leave ") + total + " unspent"
        }
        var sentences: [String] = []
        if !underAHome.isEmpty {
            let their = plan.spending.count == 1 ? "the" : underAHome.count == 1 ? "its" : "their"
            sentences.append(
                holders(underAHome) + ", less than \(their) cheapest home once \(their) other builds are paid for: "
                    + (optimal
                        ? "no other build within what is left lowers the weighted objective"
                        : "the search stopped at its time limit before proving that no other build within what is "
                            + "left would pay") + ".")
        }
        if !noHomeLeft.isEmpty {
            sentences.append(
                holders(noHomeLeft) + " with no home left to build (none a candidate, or every one built): "
                    + (optimal
                        ? "no other candidate lowers the weighted objective"
                        : "the search stopped at its time limit before proving that no other candidate would pay")
                    + ".")
        }
        return sentences.isEmpty ? nil : sentences.joined(separator: " ")
    }

    /// What the plan's gains assume: every child placed afresh under the plan's commissioning. Under
    /// today's (`simulate --plan`, as-is), new places fill only as councils' habits send children there.
    static func commissioningNote(_ plan: CapacityPlan) -> String {
        "The plan's figures are of every child placed afresh under \(plan.mode.rawValue) commissioning; "
            + "commissioning as today, new places fill only as councils' present habits send children to them "
            + "(`simulate --plan` with as-is shows how many, and what the empty ones cost)."
    }

    /// Candidates no budget holder may pay for: in an authority with no children of its own in the
    /// scenario, which gets no share of the budget.
    static func unheldCandidatesNote(_ plan: CapacityPlan) -> String? {
        let unheld = plan.candidatesNoOneHolds
        guard !unheld.isEmpty else { return nil }
        let named = unheld.count <= 5 ? " (" + NumberText.listed(unheld.map(\.rawValue)) + ")" : ""
        return NumberText.counted(unheld.count, "candidate", "candidates") + named
            + (unheld.count == 1 ? " lies" : " lie")
            + " in an authority with no children of its own in the scenario, which no budget holder covers: "
            + (unheld.count == 1 ? "it is" : "they are") + " never built."
    }

    /// The scenario's block contracts the scope may not buy: a trial's council plan had dropped its
    /// contract from the candidates' count without a word.
    static func contractsNotOfferedNote(_ plan: CapacityPlan) -> String? {
        let left = plan.contractsNotOffered
        guard !left.isEmpty else { return nil }
        let named = left.count <= 5 ? " (" + NumberText.listed(left.map(\.rawValue)) + ")" : ""
        let whose =
            plan.scope == .council
            ? "a single council's plan (--by council)" : "a council in no co-operative (it plans alone)"
        return NumberText.counted(left.count, "block contract", "block contracts") + named
            + (left.count == 1 ? " is" : " are") + " left out: a block contract is commissioned by a co-operative "
            + "or nationally, never by \(whose); --by cooperative or --by national plans "
            + (left.count == 1 ? "it" : "them") + " (README, Block contracts)."
    }

    /// A plan weighs one steady week of every build's places, but a block contract's last only its term
    /// while a home's last its life: the budget buys a contract's week for the term alone, so a shorter
    /// term looks cheaper for the same week (a finance trial saw the sensitivity's one-year term buy
    /// more contracts). Said wherever the plan holds one.
    static func contractTermNote(_ plan: CapacityPlan) -> String? {
        let terms = Set(plan.blockContracts.map(\.candidate.lifeYears)).sorted()
        guard !terms.isEmpty else { return nil }
        let years = NumberText.listed(terms.map { ReportNumbers.trimmed($0, places: 1) })
        return "The plan weighs one week of every build's places alike, but a block contract's places end with "
            + "its term (\(years) \(terms == [1] ? "year" : "years")) where a home's last its life and recruited "
            + "carers their tenure: the budget buys the contract's places for that term alone, so a shorter term "
            + "looks cheaper for the same week. Set a contract against a home over the same years before "
            + "choosing between them."
    }

    /// Builds that save none of the prices paid are chosen for the objective's weights, not money:
    /// said, since their weighted saving is also in pounds.
    static func savingNothingNote(_ plan: CapacityPlan) -> String? {
        let count = plan.builds.filter { $0.weeklySpendSaving <= 0 }.count
        guard count > 0 else { return nil }
        return "\(NumberText.counted(count, "build saves", "builds save")) nothing of the weekly prices paid: "
            + "chosen for the objective's weights (placing children who had no place, the preference for councils' own "
            + "care, the out-of-area penalty, miles), not for money; the weighted saving is in pounds of the objective, not cash."
    }

    static func value(_ measure: PolicyComparison.Measure, _ metrics: ScopeMetrics) -> ReportValue {
        measure.isShare ? .share(measure.value(metrics)) : .number(measure.value(metrics), measure.style)
    }

    private var whereSection: ReportSection {
        let newProviders = Set(plan.builds.map { Scenario.plannedProviderID($0.candidate) })
        let built = Set(plan.builds.map(\.candidate.authority))
        let map = NewPlacesMap.svg(
            title: "Where the new places go", id: "plan-map", authorities: scenario.ownAuthorities, highlighted: built,
            newProviders: newProviders, decisions: plan.withPlan.result.decisions)
        let cooperativeOf = Dictionary(
            scenario.cooperatives.flatMap { cooperative in cooperative.members.map { ($0, cooperative.name) } },
            uniquingKeysWith: { first, _ in first })
        let before = Dictionary(
            plan.withoutPlan.metrics.authorities.map { (AuthorityCode(rawValue: $0.id), $0.metrics) },
            uniquingKeysWith: { first, _ in first })
        let after = Dictionary(
            plan.withPlan.metrics.authorities.map { (AuthorityCode(rawValue: $0.id), $0.metrics) },
            uniquingKeysWith: { first, _ in first })
        // Every authority with children, those without builds too: their children's M1 and M2 move
        // with others' new places.
        let withChildren = scenario.homeAuthorities
        let authorities = scenario.ownAuthorities.map(\.id).filter { withChildren.contains($0) || built.contains($0) }
        let rows: [[ReportValue]] = authorities.map { authority in
            let here = plan.builds.filter { $0.candidate.authority == authority }
            let homes = here.filter { $0.candidate.kind == .home }
            let carers = here.filter { $0.candidate.kind == .fosterCarers }
            let contracts = here.filter { $0.candidate.kind == .blockContract }
            // No co-operative: "–" in the tables, empty in the CSV and null in the JSON, as a missing figure.
            return [
                .text(names[authority] ?? authority.rawValue),
                cooperativeOf[authority].map(ReportValue.text) ?? .number(nil, .count),
                .count(homes.reduce(0) { $0 + $1.units }), .count(homes.reduce(0) { $0 + $1.places }),
                .count(carers.reduce(0) { $0 + $1.units }), .count(contracts.reduce(0) { $0 + $1.units }),
                .pounds(here.reduce(0) { $0 + $1.capital }),
                .miles(here.reduce(0) { $0 + $1.childrenPlaced }),
                .share(before[authority]?.m1OwnAuthorityRunShare), .share(after[authority]?.m1OwnAuthorityRunShare),
                .share(before[authority]?.m2InAreaShare), .share(after[authority]?.m2InAreaShare),
            ]
        }
        let table = ReportTable(
            id: "by-authority",
            caption:
                "Builds by authority (every authority with children), and its children's M1 and M2 without and with the plan "
                + "(a block contract's capital is its price over the term)",
            columns: [
                .init("Authority", key: "authority", numeric: false),
                .init("Co-operative", key: "cooperative", numeric: false), .init("Homes", key: "homes"),
                .init("Home places", key: "home_places"), .init("Foster households", key: "foster_households"),
                .init("Block contracts", key: "block_contracts"), .init("Cost to the budget", key: "capital"),
                .init("Children in new places", key: "children_placed"),
                .init("M1 own council, without", key: "m1_own_without"),
                .init("M1 own council, with", key: "m1_own_with"), .init("M2, without", key: "m2_without"),
                .init("M2, with", key: "m2_with"),
            ], rows: rows)
        // A council whose children lose in-area placements with the plan: said, with why.
        let losing = authorities.filter { authority in
            guard let was = before[authority]?.m2InAreaShare, let now = after[authority]?.m2InAreaShare else {
                return false
            }
            return now < was - 0.005
        }
        func listed(_ codes: [AuthorityCode]) -> String {
            NumberText.listed(
                codes.map { authority in
                    "\(names[authority] ?? authority.rawValue) ("
                        + "\(ReportValue.share(before[authority]?.m2InAreaShare).display) → "
                        + "\(ReportValue.share(after[authority]?.m2InAreaShare).display))"
                })
        }
        // Said by reason, each council with whether the plan builds there: building there does not
        // protect a council's M2.
        var losingNote: [ReportBlock] = []
        for reason in [M2FallReason.unplacedNowPlaced, .movedOntoFreedPlaces] {
            let councils = losing.filter { authority in
                guard let was = before[authority], let now = after[authority] else { return false }
                return M2FallReason(before: was, after: now) == reason
            }
            guard !councils.isEmpty else { continue }
            let builtThere = councils.filter { built.contains($0) }
            let whereBuilt =
                builtThere.isEmpty
                ? ""
                : builtThere.count == councils.count
                    ? (councils.count == 1 ? ", though the plan builds there" : ", though the plan builds in each")
                    : " (the plan builds in \(NumberText.listed(builtThere.map { names[$0] ?? $0.rawValue })))"
            losingNote.append(
                .paragraph(
                    "M2 falls with the plan for \(listed(councils))\(whereBuilt): "
                        + reason.clause(mode: plan.mode, plural: councils.count > 1) + "."))
        }
        return ReportSection(
            "Where the new places go",
            [
                .figure(
                    caption: "Authorities where the plan builds are drawn darker; circles show children placed in new "
                        + "places in their own authority, lines children placed in another authority's new places",
                    svg: map),
                .table(table),
            ] + losingNote)
    }

    private var byCooperative: ReportSection {
        let before = Dictionary(
            plan.withoutPlan.metrics.cooperatives.map { ($0.id, $0.metrics) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(
            plan.withPlan.metrics.cooperatives.map { ($0.id, $0.metrics) }, uniquingKeysWith: { first, _ in first })
        let rows: [[ReportValue]] = scenario.cooperatives.map { cooperative in
            let members = Set(cooperative.members)
            let here = plan.builds.filter { members.contains($0.candidate.authority) }
            let id = cooperative.id.rawValue
            return [
                .text(cooperative.name), .count(here.filter { $0.candidate.kind == .home }.reduce(0) { $0 + $1.units }),
                .count(here.filter { $0.candidate.kind == .fosterCarers }.reduce(0) { $0 + $1.units }),
                .pounds(here.reduce(0) { $0 + $1.capital }), .share(before[id]?.m1OwnAuthorityRunShare),
                .share(after[id]?.m1OwnAuthorityRunShare), .share(before[id]?.m2InAreaShare),
                .share(after[id]?.m2InAreaShare), .count(before[id]?.unplaced), .count(after[id]?.unplaced),
            ]
        }
        let table = ReportTable(
            id: "by-cooperative",
            caption: "Builds by co-operative, and its members' children without and with the plan",
            columns: [
                .init("Co-operative", key: "cooperative", numeric: false), .init("Homes", key: "homes"),
                .init("Foster households", key: "foster_households"), .init("Cost to the budget", key: "capital"),
                .init("M1 own council, without", key: "m1_own_without"),
                .init("M1 own council, with", key: "m1_own_with"), .init("M2, without", key: "m2_without"),
                .init("M2, with", key: "m2_with"), .init("Unplaced, without", key: "unplaced_without"),
                .init("Unplaced, with", key: "unplaced_with"),
            ], rows: rows)
        // The table (and its CSV) stays, empty, so that every plan writes the same files.
        return ReportSection(
            "By co-operative",
            (scenario.cooperatives.isEmpty ? [.paragraph("The scenario has no co-operatives.")] : []) + [.table(table)])
    }

    private var frontierSection: ReportSection {
        let points = frontier.plans
        func total(_ plan: CapacityPlan) -> ScopeMetrics { plan.withPlan.metrics.total }
        let chart = FrontierChart(
            title: "What each budget buys",
            budgets: points.map(\.budget),
            panels: [
                .init(
                    title: "M1 (own council) and M2", style: .share,
                    series: [
                        ("M1 own council", points.map { total($0).m1OwnAuthorityRunShare }),
                        ("M2 in area", points.map { total($0).m2InAreaShare }),
                    ]),
                .init(
                    title: "Weekly cost (prices paid)", style: .pounds,
                    series: [("weekly cost", points.map { total($0).weeklyCost })]),
                .init(
                    title: "Unplaced children", style: .count,
                    series: [("unplaced", points.map { Double(total($0).unplaced) })]),
            ])
        let table = ReportTable(
            id: "frontier", caption: "The plan at each budget",
            columns: [
                .init("Budget", key: "budget"), .init("Objective", key: "objective"),
                .init("Relative gap", key: "relative_gap"), .init("Homes", key: "homes"),
                .init("Foster households", key: "foster_households"),
                .init("Block contracts", key: "block_contracts"), .init("Budget spent", key: "capital_spent"),
                .init("M1 own council", key: "m1_own_la_run_share"), .init("M2", key: "m2_in_area_share"),
                .init("Weekly cost", key: "weekly_cost"), .init("Unplaced", key: "unplaced"),
            ],
            rows: points.map { point in
                [
                    .pounds(point.budget), .pounds(point.objective), .share(point.relativeGap),
                    .count(point.homes.reduce(0) { $0 + $1.units }), .count(point.carers.reduce(0) { $0 + $1.units }),
                    .count(point.blockContracts.reduce(0) { $0 + $1.units }), .pounds(point.capitalSpent),
                    .share(total(point).m1OwnAuthorityRunShare),
                    .share(total(point).m2InAreaShare), .pounds(total(point).weeklyCost), .count(total(point).unplaced),
                ]
            })
        return ReportSection(
            "The frontier",
            [
                .figure(caption: "Budget against M1, M2, weekly cost and unplaced children", svg: chart.svg),
                .table(table), .bullets(frontierNotes),
            ])
    }

    /// Says whether own-council M1 ever falls, and why M2 or the weekly cost move against the budget
    /// where they do (table frontier).
    private var frontierNotes: [String] {
        let points = frontier.plans
        var notes: [String] = []
        guard points.count > 1 else {
            return ["The frontier has one budget, so there is nothing to compare along it."]
        }
        let m1Falls = frontier.ownCouncilM1Falls
        if m1Falls.isEmpty { notes.append("Own-council M1 never falls as the budget grows (table frontier).") }
        for fall in m1Falls {
            let contracts = fall.to.blockContracts.reduce(0) { $0 + $1.units }
            notes.append(
                "Own-council M1 falls from \(FrontierChart.budgetLabel(fall.from.budget)) to "
                    + "\(FrontierChart.budgetLabel(fall.to.budget)) (\(Self.share(fall.before)) → \(Self.share(fall.after)), "
                    + "table frontier): the plan minimises weighted cost, not M1, "
                    + (contracts > fall.from.blockContracts.reduce(0) { $0 + $1.units }
                        ? "and the larger budget buys block contracts, market places that are not council-run."
                        : "and a larger budget can buy cheaper places elsewhere."))
        }
        for (previous, next) in zip(points, points.dropFirst()) {
            let was = previous.withPlan.metrics.total
            let now = next.withPlan.metrics.total
            let step = "from \(FrontierChart.budgetLabel(previous.budget)) to \(FrontierChart.budgetLabel(next.budget))"
            if let a = was.m2InAreaShare, let b = now.m2InAreaShare, b + 1e-9 < a {
                notes.append(
                    "M2 falls \(step) (\(Self.share(a)) → \(Self.share(b)), table frontier): the plan minimises the "
                        + "weighted weekly cost, where being out of area counts only as its penalty, so a new place "
                        + "that saves more in price, miles or the council-run preference than the penalty costs can "
                        + "take a child out of area.")
            }
            if now.weeklyCost > was.weeklyCost + 0.005 {
                notes.append(
                    "Weekly prices paid rise \(step) (\(Self.pounds(was.weeklyCost)) → \(Self.pounds(now.weeklyCost)), "
                        + "table frontier)"
                        + (now.unplaced < was.unplaced
                            ? ": children who were unplaced are now placed, and a placement costs money."
                            : ": new places are paid for by what they save in distance, the out-of-area penalty and "
                                + "the council-run preference as well as in price, so they can cost more than the "
                                + "places they replace."))
            }
        }
        return notes
    }

    private var policies: ReportSection {
        let table = ReportTable(
            id: "policies", caption: "The same budget three ways, each against no new capacity",
            columns: [.init("Measure", key: "measure", numeric: false)]
                + comparison.plans.flatMap { plan in
                    [
                        ReportTable.Column(
                            "\(PolicyComparison.label(plan.scope)): without", key: "\(plan.scope.rawValue)_without"),
                        ReportTable.Column(
                            "\(PolicyComparison.label(plan.scope)): with", key: "\(plan.scope.rawValue)_with"),
                    ]
                },
            rows: PolicyComparison.measures.map { measure in
                [.text(measure.label)]
                    + comparison.plans.flatMap { plan in
                        [
                            Self.value(measure, plan.withoutPlan.metrics.total),
                            Self.value(measure, plan.withPlan.metrics.total),
                        ]
                    }
            } + [[.text("budget spent (£)")] + comparison.plans.flatMap { [.pounds(nil), .pounds($0.capitalSpent)] }])
        return ReportSection(
            "The same budget, three ways",
            [
                .paragraph(
                    "\(Self.pounds(comparison.budget)) shared among councils by children looked after (each planning "
                        + "alone, council-coordinated access), given to each co-operative for its members (regional "
                        + "access), or spent in one national plan (national access: a bound on the weighted objective, "
                        + "not on each measure, so another policy can do better on one)."
                        + (plan.holder.map {
                            " This plan is \($0.name)'s alone, with the whole budget; the comparison shares it as "
                                + "each policy would, so its co-operative column is not this plan."
                        } ?? "")),
                .table(table),
            ] + (comparison.contractsNote.map { [.paragraph($0)] } ?? []) + [
                .bullets(PolicyComparison.measures.map { comparison.sentence($0, table: "policies") })
            ])
    }

    private var method: ReportSection {
        let rows: [[ReportValue]] = assumptions.listed.map { entry in
            [
                .text(entry.label), .text(Self.plain(entry.assumption.value)),
                .text(Self.plain(entry.assumption.range.lowerBound)),
                .text(Self.plain(entry.assumption.range.upperBound)), .text(entry.assumption.source),
            ]
        }
        return ReportSection(
            "Method and assumptions",
            [
                .paragraph(
                    "A mixed-integer programme through GLPK: the placement model of every type plus an integer number "
                        + "of homes and foster households per candidate, budget rows, running costs and annualised "
                        + "capital in one weekly objective. \(plan.candidatesConsidered) candidates "
                        + "(\(plan.candidateSource.rawValue)). Figures with and without the plan come from the placement model "
                        + "re-solved with the new places at their running cost; savings are in pounds paid, never the "
                        + "unplaced penalty.")
            ] + (runningCostSentences.isEmpty ? [] : [.bullets(runningCostSentences)])
                + (marketNotes.isEmpty ? [] : [.bullets(marketNotes)]) + [
                    .table(
                        ReportTable(
                            id: "assumptions", caption: "Assumptions behind the default candidates",
                            columns: [
                                .init("Assumption", key: "assumption", numeric: false), .init("Value", key: "value"),
                                .init("Low", key: "low"), .init("High", key: "high"),
                                .init("Source", key: "source", numeric: false),
                            ], rows: rows))
                ])
    }
}
