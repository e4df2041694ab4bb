import PlacementOptimisation
import PlacementScenarios

/// An adopted capacity plan beside a sufficiency report: the plan's builds and the same mode solved
/// with its places added. The planning module makes it; this module only shows it.
public struct PlanEffect: Sendable {
    /// The plan file's name, as the report cites it.
    public var file: String
    /// The plan's builds in the report's scope (open by `openBy`), with their weekly saving in
    /// pounds paid and payback measured under the report's mode.
    public var builds: [PlannedBuild]
    /// The report's mode solved with the plan's places (those open by `openBy`) added.
    public var withPlan: SolvedMode
    public var openBy: Int?

    public init(file: String, builds: [PlannedBuild], withPlan: SolvedMode, openBy: Int? = nil) {
        self.file = file
        self.builds = builds
        self.withPlan = withPlan
        self.openBy = openBy
    }
}

extension SufficiencyReport {
    /// "What the plan adds": the homes and carers the plan builds in scope, and M1, M2, weekly cost and
    /// unplaced children of the scope's own children without and with the plan.
    func planSection(_ effect: PlanEffect) -> ReportSection {
        let inScope = Set(members)
        let builds = effect.builds.filter { build in
            inScope.contains(build.candidate.authority) && (effect.openBy.map { build.openingYear <= $0 } ?? true)
        }
        var tally = MetricsTally()
        for decision in effect.withPlan.result.decisions where inScope.contains(decision.homeAuthority) {
            tally.add(decision, policy: scenario.policy)
        }
        let before = metrics
        let after = tally.metrics
        let homes = builds.filter { $0.candidate.kind == CapacityCandidate.Kind.home }
        let carers = builds.filter { $0.candidate.kind == CapacityCandidate.Kind.fosterCarers }
        let contracts = builds.filter { $0.candidate.kind == CapacityCandidate.Kind.blockContract }
        let running: Double = builds.reduce(0) { $0 + Double($1.places) * $1.candidate.weeklyCostPerPlace }
        // Capital is what homes cost to build; recruiting carers is a one-off revenue cost; a contract's term
        // price is its weekly price, already running.
        let capital: Double = homes.reduce(0) { $0 + Double($1.units) * $1.candidate.capitalCost }
        let recruitment: Double = carers.reduce(0) { $0 + Double($1.units) * $1.candidate.capitalCost }
        let committed: Double = contracts.reduce(0) { $0 + Double($1.units) * $1.candidate.termPrice }
        let homeCount: Int = homes.reduce(0) { $0 + $1.units }
        let carerCount: Int = carers.reduce(0) { $0 + $1.units }
        let contractCount: Int = contracts.reduce(0) { $0 + $1.units }
        let places: Int = builds.reduce(0) { $0 + $1.places }
        let opening = effect.openBy.map { " open by \($0)" } ?? ""
        let added =
            "The plan in \(effect.file) builds \(ReportNumbers.counted(homeCount, "home", "homes")) and recruits "
            + ReportNumbers.counted(carerCount, "foster household", "foster households")
            + (contractCount == 0
                ? "" : ", and takes \(ReportNumbers.counted(contractCount, "block contract", "block contracts")),")
            + "\(opening) in \(scopeName): \(ReportNumbers.counted(places, "place", "places")) for "
            + ReportValue.pounds(capital).display + " of capital"
            + (recruitment > 0 ? " and \(ReportValue.pounds(recruitment).display) of one-off recruitment" : "")
            + ", running at \(ReportValue.pounds(running).display) "
            + "a week when full (see the last note of this section on how it is counted"
            + (carerCount == 0
                ? ""
                : "; a foster household's allowance is in fact paid only while a child is placed, as `simulate` "
                    + "counts it")
            + (contractCount == 0
                ? ""
                : contractCount == 1
                    ? "; the contract's price, \(ReportValue.pounds(committed).display) over its term, among it"
                    : "; the contracts' price, \(ReportValue.pounds(committed).display) over their terms, among it")
            + ")"
            + ". Below, \(mode) commissioning is solved again with every place the plan adds "
            + "(in scope or not) and the scope's own children are measured without and with it."
        var blocks: [ReportBlock] = [.paragraph(added)]
        // A build the projection opens a year later (its first year starts from today's placements)
        // says both years: a trial read "Opens 2025" here and "2026" in the projection above.
        let projectedOpening = Dictionary(
            (projection?.notes.plan?.builds ?? []).filter { $0.openingYear != $0.planOpeningYear }.map {
                ($0.id, $0.openingYear)
            }, uniquingKeysWith: { first, _ in first })
        func openingCell(_ year: Int, id: String) -> String {
            projectedOpening[id].map { "\(year) (\($0) in the projection)" } ?? String(year)
        }
        if !builds.isEmpty {
            blocks.append(
                .table(
                    ReportTable(
                        id: "plan-builds", caption: "What the plan builds in \(scopeName)",
                        columns: [
                            .init("Build", key: "candidate", numeric: false),
                            .init("Authority", key: "authority", numeric: false),
                            .init("Placement type", key: "placement_type", numeric: false),
                            .init("Units", key: "units"),
                            .init("Places", key: "places"), .init("Opens", key: "opening_year"),
                            .init("Capital (a contract: its term's price)", key: "capital"),
                            .init("Weekly saving (£ paid)", key: "weekly_spend_saving"),
                            .init("Payback (years)", key: "payback_years"),
                        ],
                        rows: builds.map { build in
                            let candidate = build.candidate
                            return [
                                .text(candidate.id.rawValue),
                                .text(context.names[candidate.authority] ?? candidate.authority.rawValue),
                                .text(candidate.placementType.label), .count(build.units), .count(build.places),
                                .text(openingCell(build.openingYear, id: candidate.id.rawValue)),
                                .pounds(Double(build.units) * candidate.budgetCost),
                                .pounds(build.weeklySpendSaving), .number(build.paybackYears, .miles),
                            ]
                        })))
        }
        blocks.append(
            .table(
                ReportTable(
                    id: "plan-effect", caption: "\(scopeName)'s children without and with the plan",
                    columns: [
                        .init("Measure", key: "measure", numeric: false), .init("Without the plan", key: "without"),
                        .init("With the plan", key: "with"),
                    ],
                    rows: [
                        [
                            .text("M1: own council's provision"), .share(before.m1OwnAuthorityRunShare),
                            .share(after.m1OwnAuthorityRunShare),
                        ],
                        [.text("M2: placed in area"), .share(before.m2InAreaShare), .share(after.m2InAreaShare)],
                        [.text("Weekly cost (prices paid)"), .pounds(before.weeklyCost), .pounds(after.weeklyCost)],
                        [.text("Unplaced children"), .count(before.unplaced), .count(after.unplaced)],
                    ])))
        blocks.append(
            .bullets([
                "Each build's weekly saving is measured under \(mode) commissioning by solving again without it, the "
                    + "rest of the plan kept: pounds paid a week less with it — placements' prices and the running "
                    + "cost of its places whether used or not — never the unplaced penalty; payback is its capital "
                    + "over 52 weeks of that saving, none when it saves no money, and none for a block contract, whose "
                    + "price over the term is no one-off cost (as the plan has it).",
                "A build's weekly saving counts its running cost in full, whether its places are used or not; the "
                    + "scope's weekly cost counts a new place's running cost only while a child uses it.",
            ]))
        return ReportSection("What the plan adds", blocks)
    }
}
