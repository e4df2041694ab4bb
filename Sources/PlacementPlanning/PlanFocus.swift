import PlacementOptimisation
import PlacementReports
import PlacementScenarios

/// One council's view of a plan (`plan --authority`): what the plan builds there, which new places
/// its children take (its own or other councils'), and its children's measures today, without and
/// with the plan. A council lead reads this first; the whole plan follows.
public struct PlanFocus: Sendable {
    public var authority: AuthorityCode
    public var name: String
    let builds: [CapacityPlan.Build]
    /// Its children in the plan's new places, by the authority the places are in (its own first).
    let inNewPlaces: [(code: AuthorityCode, authority: String, children: Int)]
    /// Its budget share and what it spent, when councils hold the budget.
    let spending: CapacityPlan.Spending?
    let today: ScopeMetrics?
    let without: ScopeMetrics?
    let with: ScopeMetrics?
    let mode: CommissioningMode
    let todayShocked: Bool
    /// Whether the scenario holds any of its children: a council with none is shown for what is built there.
    let hasChildren: Bool

    /// `today`: the authority's children today (as-is), when today's placements were fitted;
    /// `todayShocked`: after shocks that closed places first.
    public init(
        _ plan: CapacityPlan, authority: AuthorityCode, scenario: Scenario, today: ScopeMetrics?,
        todayShocked: Bool = false
    ) {
        self.todayShocked = todayShocked
        self.authority = authority
        let names = scenario.authorityNames
        name = names[authority] ?? authority.rawValue
        builds = plan.builds.filter { $0.candidate.authority == authority }
        var children: [AuthorityCode: Int] = [:]
        for decision in plan.withPlan.result.decisions where decision.homeAuthority == authority {
            guard let provider = decision.provider, provider.isPlannedBuild else { continue }
            children[provider.authority, default: 0] += decision.children
        }
        // Its own places first, then the others by code.
        inNewPlaces = children.sorted { left, right in
            left.key == authority || (right.key != authority && left.key.rawValue < right.key.rawValue)
        }
        .map { ($0.key, names[$0.key] ?? $0.key.rawValue, $0.value) }
        spending = plan.spending.first { $0.share.id == authority.rawValue }
        hasChildren = scenario.homeAuthorities.contains(authority)
        self.today = hasChildren ? today : nil
        without = hasChildren ? plan.withoutPlan.metrics.authority(authority) : nil
        with = hasChildren ? plan.withPlan.metrics.authority(authority) : nil
        mode = plan.mode
    }

    /// What the plan does for the council, in sentences.
    var sentences: [String] {
        var text: [String] = []
        if builds.isEmpty {
            text.append("The plan builds nothing in \(name).")
        } else {
            let listed = builds.map { build in
                let units =
                    switch build.candidate.kind {
                    case .home: NumberText.counted(build.units, "home", "homes")
                    case .fosterCarers: NumberText.counted(build.units, "foster household", "foster households")
                    case .blockContract: NumberText.counted(build.units, "block contract", "block contracts")
                    }
                return "\(units) (\(build.candidate.id.rawValue): "
                    + "\(NumberText.counted(build.places, "place", "places")), \(NumberText.pounds(build.capital)), "
                    // Whole where whole (18, not 18.0); a tenth where the relaxation splits a child.
                    + "\(ReportNumbers.tenths(build.childrenPlaced)) "
                    + (build.childrenPlaced == 1 ? "child" : "children") + " placed)"
            }
            text.append("In \(name) the plan builds " + NumberText.listed(listed) + ".")
        }
        if let spending {
            text.append(
                "\(name)'s share of the budget is \(NumberText.pounds(spending.share.budget)); it spends "
                    + "\(NumberText.pounds(spending.spent)).")
        }
        guard hasChildren else {
            text.append("\(name) has no children in the scenario, so no measures of its children are shown.")
            return text
        }
        let placed = inNewPlaces.reduce(0) { $0 + $1.children }
        let whereTheyAre =
            inNewPlaces.count == 1
            ? ", all in \(inNewPlaces[0].authority)"
            : ": " + NumberText.listed(inNewPlaces.map { "\(NumberText.grouped($0.children)) in \($0.authority)" })
        if placed == 0 {
            text.append("None of \(name)'s children is placed in the plan's new places.")
        } else {
            text.append(
                "\(NumberText.counted(placed, "of \(name)'s children is", "of \(name)'s children are")) placed in "
                    + "the plan's new places"
                    + whereTheyAre + ".")
        }
        // A fall in M2 beside new places in area reads as the plan harming the council: said, with why.
        if let before = without, let after = with, let was = before.m2InAreaShare, let now = after.m2InAreaShare,
            now < was - 0.005
        {
            text.append(
                "\(name)'s M2 falls with the plan (\(ReportValue.share(was).display) → \(ReportValue.share(now).display)): "
                    + M2FallReason(before: before, after: after).clause(mode: mode, plural: false) + ".")
        }
        text.append(
            "\"Without\" and \"with\" place every child afresh under \(mode.rawValue) access (what commissioning could "
                + "reach were every placement made again)"
                + (today == nil
                    ? "."
                    : todayShocked
                        ? "; today is as placed now, in what the shocks leave of today's market (as-is)."
                        : "; today is as placed now (as-is)."))
        return text
    }

    /// The council's children's measures today, without and with the plan.
    var table: ReportTable {
        let rows: [(String, (ScopeMetrics) -> ReportValue)] = [
            ("M1 own council", { .share($0.m1OwnAuthorityRunShare) }),
            ("M2 in area", { .share($0.m2InAreaShare) }),
            ("Mean distance (miles)", { .miles($0.meanDistanceMiles) }),
            ("Weekly cost (prices paid)", { .pounds($0.weeklyCost) }),
            ("Unplaced", { .count($0.unplaced) }),
        ]
        let columns: [(String, String, ScopeMetrics?)] =
            (today == nil ? [] : [(PlanReport.todayHeading(shocked: todayShocked), "today", today)]) + [
                ("Without plan", "without", without), ("With plan", "with", with),
            ]
        return ReportTable(
            id: "focus",
            caption: "\(name)'s children: " + (today == nil ? "" : "today, ") + "without and with the plan",
            columns: [ReportTable.Column("Measure", key: "measure", numeric: false)]
                + columns.map { ReportTable.Column($0.0, key: $0.1) },
            rows: rows.map { label, value in
                [.text(label)] + columns.map { column in column.2.map(value) ?? .number(nil, .count) }
            })
    }

    public var section: ReportSection {
        ReportSection("\(name) in the plan", sentences.map { .paragraph($0) } + (hasChildren ? [.table(table)] : []))
    }

    /// The section as Markdown, printed before the whole plan.
    public var markdown: String {
        let paragraphs = sentences.flatMap { [$0, ""] }
        let lines =
            ["## \(name) in the plan", ""]
            + (hasChildren ? paragraphs + MarkdownReport.lines(of: table) : paragraphs.dropLast())
        return lines.joined(separator: "\n") + "\n\n"
    }
}
