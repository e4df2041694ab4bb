import PlacementOptimisation
import PlacementScenarios
import PlacementSimulation

/// The section 22G sufficiency report of one authority or co-operative: demand by placement type
/// against in-house places and places in the area, the gaps a solved mode leaves, where one more
/// in-house place is worth most, how far out-of-area children go, the published trend and the forecast.
public struct SufficiencyReport {
    let context: Context
    let scope: Scope
    let scopeName: String
    let members: [AuthorityCode]
    /// The scope's children's placements, and the figures every section reads, computed once.
    let decisions: [PlacementDecision]
    /// The scope's commissioned cohorts by id, which the needs analysis counts children by.
    let scopeCohorts: [CohortID: Cohort]
    private let gapsByType: [PlacementType: TypeGap]
    private let supplyByType: [PlacementType: TypeSupply]
    /// Commissioned types with children or places in scope, in `PlacementType` order.
    private let types: [PlacementType]
    /// The demand forecast shown beside the published trend (`SufficiencyForecastSection.swift`).
    public var outlook: Outlook = .unavailable(reason: "none was made for this report")
    /// An adopted plan's effect, shown as "What the plan adds" (`SufficiencyPlanSection.swift`).
    public var planEffect: PlanEffect?
    /// Today's placements beside the mode (`SufficiencyAsIs.swift`); `nil`: nothing said.
    public var asIs: AsIsComparison?
    /// Whether the scenario is shocked (`--shocks`): today's placements are then those left in the
    /// shocked market, and the summary says so.
    public var shocked = false
    /// Placements simulated over the years ahead, "Projected placements" (`SufficiencyProjectionSection.swift`).
    public var projection: SufficiencyProjection?

    public init(_ scope: Scope, context: Context) throws(ScopeError) {
        (scopeName, members) = try Self.resolve(scope, in: context.scenario)
        self.scope = scope
        self.context = context
        decisions = members.flatMap { context.decisionsByHome[$0] ?? [] }
        scopeCohorts = Self.commissionedCohorts(of: members, in: context.scenario)
        gapsByType = Self.gaps(of: decisions)
        supplyByType = Self.supply(
            of: Set(members), providers: context.scenario.providers, floor: context.scenario.policy.minimumRating)
        types = Set(gapsByType.keys).union(supplyByType.keys).filter(\.isCommissioned).sorted()
    }

    /// `sufficiency.html`, `sufficiency.md`, `sufficiency.json` and a CSV per table.
    public var files: [(name: String, text: String)] { ReportFiles.files(document, stem: "sufficiency") }

    var scenario: Scenario { context.scenario }
    var mode: String { context.result.mode.rawValue }
    var isCooperative: Bool { if case .cooperative = scope { true } else { false } }
    /// Where places are counted: the authority, or every member.
    private var area: String { isCooperative ? "the co-operative's area" : "the area" }
    /// Where M2 counts a child in area: always the child's own authority, as DfE measures it.
    private var homeArea: String { isCooperative ? "their home authority" : "the area" }

    public var document: ReportDocument {
        ReportDocument(
            title: "\(scopeName): placement sufficiency",
            subtitle: "Section 22G sufficiency report for \(scopeName) ("
                + (isCooperative
                    ? "co-operative of " + ReportNumbers.counted(members.count, "authority", "authorities")
                    : members[0].rawValue)
                + "), from scenario \(scenario.name) solved under \(mode) commissioning.",
            // In the order of a council's sufficiency statement (see `statementOrder`), so that each
            // section can be pasted into one; an adopted plan's effect joins the commissioning priorities.
            sections: [
                summary, legalContext, trend, needsSection, demandAndSupply, distanceBands, gaps, forecastSection,
            ] + (projection.map { [projectionSection($0)] } ?? []) + [placeValues]
                + (planEffect.map { [planSection($0)] } ?? []) + [method])
    }

    /// The sections, in the order councils' sufficiency statements take: a summary; the duty and
    /// scope; the children looked after and how their number is changing; current provision and
    /// where children live; the gaps; future demand; commissioning priorities; method. This is the
    /// shape of the LGA's template sufficiency statement (Alma Economics for the LGA, in its
    /// "Placements for children in care" resource pack: needs of the children and how they are
    /// changing, how they are met, gaps, forecast need, then intentions) and of published
    /// statements (Shropshire 2016–2019: introduction, context, needs analysis … priorities;
    /// Buckinghamshire 2021–2024: legal context first, action plan last).
    public static let statementOrder = [
        "Summary", "Duty and scope", "Children looked after", "Children's needs", "Current provision",
        "Where children are placed",
        "Gaps in sufficiency", "Future demand", "Commissioning priorities", "Method and data",
    ]

    // MARK: Figures

    private struct TypeGap {
        var children = 0
        var placed = 0
        var unplaced = 0
        var outOfArea = 0
        /// Expected children over 20 miles: each placement's share beyond DfE's band.
        var over20Miles = 0.0
        var inHouse = 0
    }

    private static func gaps(of decisions: [PlacementDecision]) -> [PlacementType: TypeGap] {
        var gaps: [PlacementType: TypeGap] = [:]
        for decision in decisions {
            var gap = gaps[decision.placementType] ?? TypeGap()
            gap.children += decision.children
            if decision.isPlaced {
                gap.placed += decision.children
                if !decision.isInArea { gap.outOfArea += decision.children }
                gap.over20Miles += Double(decision.children) - decision.childrenWithin20Miles
                if decision.isLocalAuthorityRun { gap.inHouse += decision.children }
            } else {
                gap.unplaced += decision.children
            }
            gaps[decision.placementType] = gap
        }
        return gaps
    }

    private struct TypeSupply {
        var inHousePlaces = 0
        var placesInArea: [Sector: Int] = [:]
        var totalInArea: Int { placesInArea.values.reduce(0, +) }
        /// Places in the area rated below the policy's Ofsted floor: no child is placed there.
        var belowFloorInArea = 0
    }

    /// Places of the in-house providers the members run, wherever they are, and of every provider
    /// located in the members' area, by type; those rated below `floor` apart, as no child may use them.
    private static func supply(
        of members: Set<AuthorityCode>, providers: [Provider], floor: OfstedRating
    ) -> [PlacementType: TypeSupply] {
        var supply: [PlacementType: TypeSupply] = [:]
        for provider in providers {
            let runByMember =
                provider.isLocalAuthorityRun && provider.operatingAuthority.map(members.contains) == true
            let inArea = members.contains(provider.authority)
            guard runByMember || inArea else { continue }
            let usable = provider.rating.meets(floor)
            for (type, offer) in provider.offers {
                // Every offer of a provider in scope makes its type a row, even with no places to count.
                supply[type, default: .init()].inHousePlaces += runByMember && usable ? offer.places : 0
                guard inArea else { continue }
                if usable {
                    supply[type, default: .init()].placesInArea[provider.sector, default: 0] += offer.places
                } else {
                    supply[type, default: .init()].belowFloorInArea += offer.places
                }
            }
        }
        return supply
    }

    var metrics: ScopeMetrics {
        var tally = MetricsTally()
        for decision in decisions { tally.add(decision, policy: scenario.policy) }
        return tally.metrics
    }

    private var rankedPlaceValues: [InHousePlaceValue] {
        PlaceValueTable.ranked(members.flatMap { context.placeValuesByAuthority[$0] ?? [] })
    }

    static let distanceBands: [(label: String, key: String, upTo: Double)] = [
        ("Up to 10 miles", "up_to_10", 10), ("10 to 20 miles", "10_to_20", 20), ("20 to 50 miles", "20_to_50", 50),
        ("50 to 100 miles", "50_to_100", 100), ("Over 100 miles", "over_100", .infinity),
    ]

    private var publishedYears: [PublishedSummary] {
        PublishedSummary.years(in: scenario.actuals).map {
            PublishedSummary(year: $0, authorities: members, actuals: scenario.actuals)
        }.filter { !$0.isEmpty }
    }

    // MARK: Sections

    private var summary: ReportSection {
        let m = metrics
        let gaps = gapsByType
        let supply = supplyByType
        var bullets = [
            "\(scopeName) has \(ReportNumbers.counted(m.children, "child", "children")) needing a placement in the "
                + "scenario. Under \(mode) commissioning \(ReportNumbers.countIs(m.placed)) placed and "
                + "\(ReportNumbers.countIs(m.unplaced)) not; \(ReportValue.share(m.m2InAreaShare).display) "
                + "of those placed live in \(homeArea) (M2), \(ReportValue.share(m.m1OwnAuthorityRunShare).display) of "
                + "those in foster and residential care with their own council's provision (M1), on average "
                + "\(ReportValue.miles(m.meanDistanceMiles).display) miles from home."
        ]
        let short = types.filter { (gaps[$0]?.children ?? 0) > (supply[$0]?.inHousePlaces ?? 0) }
        if !short.isEmpty {
            bullets.append(
                "In-house places fall short of the children needing them for "
                    + short.map { type in
                        "\(type.label.lowercased()) (\(ReportNumbers.counted(supply[type]?.inHousePlaces ?? 0, "place", "places")) "
                            + "for \(ReportNumbers.counted(gaps[type]?.children ?? 0, "child", "children"))"
                            // A council does not build these: no plan's candidate may be one.
                            + (type == .secureChildrensHome ? ", commissioned nationally" : "") + ")"
                    }.joined(separator: ", ") + ".")
        }
        // Kinship carers live where the child's relatives live: not a need commissioning can meet nearer.
        if let worst = types.filter({ $0 != .kinship && (gaps[$0]?.outOfArea ?? 0) > 0 }).max(by: {
            (gaps[$0]!.outOfArea, $1) < (gaps[$1]!.outOfArea, $0)
        }) {
            let gap = gaps[worst]!
            bullets.append(
                "The largest out-of-area need is \(worst.label.lowercased()): "
                    + "\(ReportNumbers.grouped(gap.outOfArea)) of \(ReportNumbers.counted(gap.placed, "child", "children")) "
                    + "placed outside \(homeArea), and \(ReportNumbers.grouped(gap.over20Miles)) of the "
                    + "\(ReportNumbers.grouped(gap.placed)) (inside or outside) more than 20 miles from home."
            )
        }
        let unplacedTypes = types.filter { (gaps[$0]?.unplaced ?? 0) > 0 }
        if !unplacedTypes.isEmpty {
            bullets.append(
                "Children left without a place (none free that they may use): "
                    + unplacedTypes.map { "\(gaps[$0]!.unplaced) in \($0.label.lowercased())" }.joined(separator: ", ")
                    + ". " + ShortfallNotes.whoseChildren + " " + ShortfallNotes.costOfPlaced)
        }
        if let coverage = coverageBullet { bullets.append(coverage) }
        if let needs = needsBullet { bullets.append(needs) }
        bullets += asIsBullets
        if let best = rankedPlaceValues.first, (best.weeklySaving ?? 0) > 0.005 {
            bullets.append(PlaceValueTable.sentence(best, names: context.names, mode: mode))
        }
        // DfE's shares are of every child looked after, the modelled M2 and M1 of the children placed
        // (M1 of those in foster and residential care): said, as a reader sets one beside the other.
        for (label, share, against) in [
            ("placed inside the boundary", \PublishedSummary.insideBoundaryShare, "M2 of the children placed"),
            (
                "placed in own provision", \PublishedSummary.ownProvisionShare,
                "M1 of the children placed in foster and residential care"
            ),
        ] {
            // The first and last years that publish the share.
            let years = publishedYears.filter { $0[keyPath: share] != nil }
            guard let first = years.first, let last = years.last, first.year != last.year else { continue }
            bullets.append(
                "Published share \(label): \(ReportValue.share(first[keyPath: share]).display) in \(first.year), "
                    + "\(ReportValue.share(last[keyPath: share]).display) in \(last.year) (DfE's, of all children "
                    + "looked after; the modelled figures above are \(against)).")
        }
        return ReportSection("Summary", [.bullets(bullets)])
    }

    /// How many of the scope's children the scenario holds beside DfE's latest published count, when
    /// the two differ by more than a tenth (an import of part of a caseload, or of another date), so
    /// that the modelled figures are not read as the whole of the published ones.
    private var coverageBullet: String? {
        let homes = Set(members)
        let held = scenario.cohorts.reduce(0) { $0 + (homes.contains($1.homeAuthority) ? $1.count : 0) }
        guard let latest = publishedYears.last(where: { $0.childrenLookedAfter != nil }),
            let published = latest.childrenLookedAfter, published > 0,
            abs(Double(held - published)) > 0.1 * Double(published)
        else { return nil }
        let share = Double(held) / Double(published)
        return "The scenario holds \(ReportNumbers.grouped(held)) of \(scopeName)'s children (every "
            + "placement type), \(ReportValue.share(share).display) of the "
            + "\(ReportNumbers.grouped(published)) DfE published as looked after at 31 March \(latest.year): "
            + "the modelled figures are of the scenario's children, the published ones of all."
    }

    private var legalContext: ReportSection {
        ReportSection(
            "Duty and scope",
            [
                .paragraph(
                    "Section 22G of the Children Act 1989 requires a council to take steps to secure, so far as "
                        + "reasonably practicable, sufficient accommodation within its area that meets the needs of "
                        + "the children it looks after. This report gives the figures a sufficiency statement "
                        + "draws on for \(scopeName)"
                        + (isCooperative
                            ? ", a co-operative of \(ReportNumbers.counted(members.count, "council", "councils")) "
                                + "that commission together"
                            : "")
                        + ": the children looked after and how their number has changed, the places available "
                        + "by placement type, where children are placed, the gaps, the forecast need and where "
                        + "new in-house places would help most."),
                .paragraph(
                    "Modelled figures come from scenario \(scenario.name) solved under \(mode) commissioning; "
                        + "published figures are DfE's children-looked-after statistics. Sections follow the usual "
                        + "order of a council's sufficiency statement, so each can be pasted into one."),
            ])
    }

    private var demandAndSupply: ReportSection {
        let gaps = gapsByType
        let supply = supplyByType
        let sectors = Sector.allCases
        let table = ReportTable(
            id: "demand-and-supply", caption: "Children needing a placement against places, by placement type",
            columns: [
                .init("Placement type", key: "placement_type", numeric: false), .init("Children", key: "children"),
                .init("In-house places", key: "in_house_places"),
            ] + sectors.map { .init("In area: \($0.label.lowercased())", key: "in_area_\($0.rawValue)") }
                + [
                    .init("In area: all", key: "in_area_places"),
                    .init("In area: below the Ofsted floor, no new placements", key: "in_area_below_ofsted_floor"),
                ],
            rows: types.map { type in
                let places = supply[type] ?? TypeSupply()
                return [.text(type.label), .count(gaps[type]?.children ?? 0), .count(places.inHousePlaces)]
                    + sectors.map { .count(places.placesInArea[$0] ?? 0) }
                    + [.count(places.totalInArea), .count(places.belowFloorInArea)]
            })
        let chart = GroupedBarChart(
            title: "Children and places by placement type", categories: types.map(\.label),
            series: [
                .init(
                    name: "children", colour: ReportPalette.series[0],
                    values: types.map { Double(gaps[$0]?.children ?? 0) }),
                .init(
                    name: "in-house places", colour: ReportPalette.inHouse,
                    values: types.map { Double(supply[$0]?.inHousePlaces ?? 0) }),
                .init(
                    name: "places in \(isCooperative ? "the co-operative's area" : "area")",
                    colour: ReportPalette.series[4],
                    values: types.map { Double(supply[$0]?.totalInArea ?? 0) }),
            ], style: .count, axisMaximum: nil)
        return ReportSection(
            "Current provision: children and places by placement type",
            [
                .paragraph(provisionExplained),
                .table(table), .figure(caption: "Children and places by placement type", svg: chart.svg),
            ] + asIsBlocks)
    }

    /// What the current-provision table counts, and what its places are.
    private var provisionExplained: String {
        let floor = scenario.policy.minimumRating.rawValue.replacingOccurrences(of: "_", with: " ")
        let who =
            "Children are those whose home is \(isCooperative ? "in a member authority" : scopeName). In-house "
            + "places are those \(isCooperative ? "the members run" : "the council runs"), wherever they "
            + "are; places in area are every registered place located in \(area), by who runs them. "
        let shared =
            "Places in the area are not reserved for its children: other councils place there too. "
            + "Places rated below the policy's Ofsted floor (\(floor) or better admitted) are counted apart: no child is newly placed "
            + "there (a child whose record names one may stay, when nothing meeting the floor is in reach)."
        return who + shared + Self.freePlacesSentence(asIs?.market)
    }

    /// What "places" are in today's market: free for the scenario's children once children from
    /// outside it have theirs, or, where none is from outside (England's scenario), every usable place,
    /// which the scenario's other councils' children compete for.
    static func freePlacesSentence(_ market: TodaysMarket?) -> String {
        guard let market else { return "" }
        guard market.childrenFromOutside > 0 else {
            return " Places are the usable ones (registered places × occupancy): no child from outside the "
                + "scenario holds any, so the scenario's other councils' children compete for them too."
        }
        return " Places are those free for the scenario's children today: usable places less those children "
            + "from outside the scenario hold. The scenario's other councils' children compete for them too."
    }

    private var gaps: ReportSection {
        let gaps = gapsByType
        let table = ReportTable(
            id: "gaps", caption: "Gaps by placement type under \(mode) commissioning",
            columns: [
                .init("Placement type", key: "placement_type", numeric: false), .init("Children", key: "children"),
                .init("Placed", key: "placed"), .init("Unplaced", key: "unplaced"),
                .init("Council-run (any council)", key: "placed_council_run"),
                .init("Out of area", key: "placed_out_of_area"),
                .init("Out of area share", key: "out_of_area_share"),
                .init("Over 20 miles (expected)", key: "placed_over_20_miles"),
            ],
            rows: types.filter { gaps[$0] != nil }.map { type in
                let gap = gaps[type]!
                return [
                    .text(type.label), .count(gap.children), .count(gap.placed), .count(gap.unplaced),
                    .count(gap.inHouse), .count(gap.outOfArea),
                    .share(gap.placed > 0 ? Double(gap.outOfArea) / Double(gap.placed) : nil),
                    // Expected children (where in each area homes and placements lie): rounded one type
                    // at a time, the column summed to more than the whole report's share of children.
                    .number(gap.over20Miles, .fixed(places: 1)),
                ]
            })
        return ReportSection("Gaps in sufficiency", [.table(table)])
    }

    private var placeValues: ReportSection {
        let values = rankedPlaceValues
        var blocks: [ReportBlock] = [
            .paragraph(PlaceValueTable.explanation(mode: mode, policy: scenario.policy)),
            .table(
                PlaceValueTable.table(
                    values, names: context.names, id: "in-house-place-values",
                    caption: "Shadow price of one more in-house place, largest first")),
        ]
        if values.contains(where: { $0.weeklySaving == nil }) {
            blocks.append(
                .paragraph(
                    "“No duals” means the type's model has none: a time limit stopped it before its optimum."))
        }
        return ReportSection("Commissioning priorities: where one more in-house place is worth most", blocks)
    }

    private var distanceBands: ReportSection {
        var counts = Array(repeating: (inHouse: 0, external: 0), count: Self.distanceBands.count)
        for decision in decisions where decision.isPlaced && !decision.isInArea {
            let miles = decision.miles ?? 0
            let band = Self.distanceBands.firstIndex { miles <= $0.upTo }!
            if decision.isLocalAuthorityRun {
                counts[band].inHouse += decision.children
            } else {
                counts[band].external += decision.children
            }
        }
        let total = counts.reduce(0) { $0 + $1.inHouse + $1.external }
        let table = ReportTable(
            id: "out-of-area-distance",
            caption: "Children placed outside \(homeArea) under \(mode) commissioning, by distance from home",
            columns: [
                .init("Distance", key: "band", numeric: false), .init("Children", key: "children"),
                .init("Share", key: "share"), .init("Council-run (any council)", key: "council_run"),
                .init("External", key: "external"),
            ],
            rows: zip(Self.distanceBands, counts).map { band, count in
                let children = count.inHouse + count.external
                return [
                    .text(band.label), .count(children), .share(total > 0 ? Double(children) / Double(total) : nil),
                    .count(count.inHouse), .count(count.external),
                ]
            })
        // The bands go by the distance between the two areas; "over 20 miles" elsewhere in the report
        // is the expected share of children more than 20 miles from home, given where in each area
        // they live, so the two can disagree for placements near 20 miles.
        var blocks: [ReportBlock] = [
            .table(table),
            .paragraph(
                "Each placement is banded by the distance between the centres of the home and placement areas. "
                    + "“Over 20 miles” elsewhere in this report counts the children expected to live more than "
                    + "20 miles from home, given where in each area homes and placements lie (DfE's band), inside "
                    + "the area too: a placement 25 miles between centres is partly within 20 miles."
                    + (scenario.marketBeyondBoundary.isEmpty
                        ? ""
                        : " Placements beyond the region's boundary have no centre: they are in the band where "
                            + "DfE's figures put the children placed there today.")),
        ]
        let flows = PlacementFlows(context.result, homes: Set(members))
        if !flows.flows.isEmpty {
            // Children placed outside their own authority: those inside it would outweigh every other.
            var placedIn: [AuthorityCode: Double] = [:]
            for decision in decisions where !decision.isInArea {
                if let provider = decision.provider, !scenario.marketBeyondBoundary.contains(provider.authority) {
                    placedIn[provider.authority, default: 0] += Double(decision.children)
                }
            }
            // The places beyond the boundary stand for no one authority: they have no place on the map.
            var map = FlowMap(
                title: "Where \(scopeName)'s children are placed", id: "map", authorities: scenario.ownAuthorities,
                highlighted: Set(members), flows: flows.flows, childrenInArea: flows.childrenInArea)
            map.shading = .counts("\(scopeName)'s children placed there (out of area)", placedIn)
            blocks.append(
                .figure(
                    caption: "Where \(scopeName)'s children are placed: each authority shaded by the children of "
                        + "\(isCooperative ? "the members" : scopeName) placed there from another authority (\(scopeName) "
                        + "outlined in black), lines from home to placement (solid green in-house, dashed orange external); the "
                        + "map shows \(isCooperative ? "the members and their" : scopeName + " and its") neighbours, so lines to "
                        + "places further away are cut at its edge" + flows.beyondBoundaryNote, svg: map.svg))
        } else if flows.childrenBeyondBoundary > 0 {
            // No map to carry the note: every child placed out of area is beyond the boundary.
            blocks.append(
                .paragraph(
                    "No map: every one of \(scopeName)'s children placed out of area is beyond the region's boundary ("
                        + NumberText.counted(flows.childrenBeyondBoundary, "child", "children")
                        + "), in places outside the scenario's authorities with no one location."))
        }
        return ReportSection("Where children are placed", blocks)
    }

    private var trend: ReportSection {
        let years = publishedYears
        guard !years.isEmpty else {
            return ReportSection(
                "Children looked after: published figures",
                [.paragraph("The scenario carries no published figures for \(scopeName).")])
        }
        var blocks: [ReportBlock] = [
            .table(
                ReportTable(
                    id: "published-trend",
                    caption: "Published figures for \(scopeName), children looked after at 31 March",
                    columns: [
                        .init("Year", key: "year", numeric: false),
                        .init("Children looked after", key: "children_looked_after"),
                        .init("In own provision", key: "own_provision_share"),
                        .init("Inside the boundary", key: "inside_boundary_share"),
                        .init("Over 20 miles", key: "over_20_miles_share"),
                    ],
                    rows: years.map { year in
                        [
                            .year(year.year), .count(year.childrenLookedAfter), .share(year.ownProvisionShare),
                            .share(year.insideBoundaryShare), .share(year.over20MilesShare),
                        ]
                    })),
            .figure(
                caption: "Published shares, \(ReportNumbers.years(years.first!.year, years.last!.year))",
                svg: TrendChart(
                    title: "Published shares for \(scopeName)", years: years.map(\.year),
                    series: [
                        .init(
                            name: "in own provision", colour: ReportPalette.inHouse,
                            values: years.map(\.ownProvisionShare)),
                        .init(
                            name: "inside the boundary", colour: ReportPalette.series[4],
                            values: years.map(\.insideBoundaryShare)),
                        .init(
                            name: "over 20 miles", colour: ReportPalette.external, values: years.map(\.over20MilesShare)
                        ),
                    ]
                ).svg),
            .paragraph(
                "DfE's figures: the shares in own provision and inside the boundary are of all children looked "
                    + "after, the share over 20 miles of those with a known distance (DfE records none for some, "
                    + "mostly unaccompanied asylum-seeking children)."),
        ]
        if isCooperative {
            var note =
                "Shares are the members' published shares weighted by their children looked after (the share "
                + "over 20 miles by those with a known distance, where given); members whose figure is "
                + "suppressed are left out of that year"
            // Which members' suppressed own-provision counts count as none, and in which years.
            var suppressedYears: [AuthorityCode: [Int]] = [:]
            for year in years {
                for code in year.ownProvisionSuppressedAuthorities {
                    suppressedYears[code, default: []].append(year.year)
                }
            }
            let named = members.compactMap { code -> String? in
                guard let inYears = suppressedYears[code] else { return nil }
                return "\(context.names[code] ?? code.rawValue) in \(OfficialTables.listed(inYears))"
            }
            if named.isEmpty {
                note += "."
            } else {
                note +=
                    ", but for an own-provision count DfE suppresses while publishing the member's other shares ("
                    + NumberText.listed(named) + "), which counts as none: a handful of children, or a children's "
                    + "trust's provision, which is not the council's own (DfE's England total counts their handful)."
            }
            blocks.append(.paragraph(note))
        }
        return ReportSection(
            "Children looked after: published figures, \(ReportNumbers.years(years.first!.year, years.last!.year))",
            blocks)
    }

    private var method: ReportSection {
        // The market the mode solved, said as the comparison report says it.
        let market = AsIsComparison.methodNotes(
            asIs, emptyMarketConsequence: "modelled gaps are the least the area faces, not a forecast")
        return ReportSection(
            "Method and data",
            [
                .bullets(
                    [
                        "Modelled figures come from the scenario's children, providers and policy solved under "
                            + "\(mode) commissioning with GLPK."
                    ] + market + [
                        "M1 counts children in foster and residential care placed with their own council's provision; "
                            + "M2 children placed inside their home authority; distances are straight lines, as DfE "
                            + "measures them.",
                        "Published figures are DfE's children-looked-after statistics; their shares are of all "
                            + "children looked after, the modelled ones of children placed.",
                    ] + (PriceNotes.uniformAcrossSectors(scenario).map { [$0] } ?? []))
            ])
    }
}
