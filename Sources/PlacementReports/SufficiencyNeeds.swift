import PlacementOptimisation
import PlacementScenarios
import PlacementSimulation

/// The sufficiency report's needs analysis: the scope's children by age and by recorded need (the
/// LGA template's first question, what the children's needs are), each group's placements under the
/// mode and, where shown, today.
extension SufficiencyReport {
    /// DfE's age groups at 31 March (children looked after, table A1), which a cohort's band is
    /// counted in when it lies inside one.
    static let ageGroups: [(label: String, band: AgeBand)] = [
        ("Under 1", AgeBand(minimum: 0, maximum: 0)), ("1 to 4", AgeBand(minimum: 1, maximum: 4)),
        ("5 to 9", AgeBand(minimum: 5, maximum: 9)), ("10 to 15", AgeBand(minimum: 10, maximum: 15)),
        ("16 and over", AgeBand(minimum: 16, maximum: 25)),
    ]

    /// Where a cohort's ages are counted: the DfE group holding its band, else the band itself
    /// (a scenario built from published counts knows no finer ages than, say, 0–17).
    enum AgeRow: Hashable, Comparable {
        case group(Int)
        case wider(AgeBand)

        init(_ band: AgeBand) {
            self =
                SufficiencyReport.ageGroups.firstIndex { $0.band.contains(band) }.map(AgeRow.group)
                ?? .wider(band)
        }

        var label: String {
            switch self {
            case .group(let index): SufficiencyReport.ageGroups[index].label
            case .wider(let band): "\(band.minimum) to \(band.maximum), not recorded finer"
            }
        }

        static func < (lhs: AgeRow, rhs: AgeRow) -> Bool {
            switch (lhs, rhs) {
            case (.group(let a), .group(let b)): a < b
            case (.group, .wider): true
            case (.wider, .group): false
            case (.wider(let a), .wider(let b)): (a.minimum, a.maximum) < (b.minimum, b.maximum)
            }
        }
    }

    /// A recorded need with the placement type it is needed in: a specialist place is one of that type.
    struct NeedRow: Hashable, Comparable {
        /// `nil`: children with no need recorded.
        var need: Requirement?
        var type: PlacementType

        var label: String {
            guard let need else { return "No need recorded: \(type.label.lowercased())" }
            return "\(Self.needLabel(need)): \(type.label.lowercased())"
        }

        static func needLabel(_ need: Requirement) -> String {
            switch need {
            case .disability: "Disability"
            case .uasc: "Unaccompanied asylum-seeking"
            case .complexNeeds: "Complex needs"
            }
        }

        static func < (lhs: NeedRow, rhs: NeedRow) -> Bool {
            // Recorded needs first, in the order they are defined; no need last.
            func rank(_ need: Requirement?) -> Int { need.map { Requirement.allCases.firstIndex(of: $0)! } ?? .max }
            return (rank(lhs.need), lhs.type) < (rank(rhs.need), rhs.type)
        }
    }

    /// Each decision's children as parts of one cohort each: a sibling group's placement is its
    /// members' cohorts, in proportion to their children (whole children, largest remainder), so that
    /// a child is counted at their own age and needs.
    static func cohortParts(
        of decisions: [PlacementDecision], cohorts: [CohortID: Cohort]
    ) -> [(cohort: Cohort, decision: PlacementDecision)] {
        decisions.flatMap { decision -> [(cohort: Cohort, decision: PlacementDecision)] in
            let members = decision.cohortIDs.compactMap { cohorts[$0] }
            guard members.count == decision.cohortIDs.count, !members.isEmpty else { return [] }
            let children = Apportion.split(decision.children, weights: members.map { Double($0.count) })
            return zip(members, children).compactMap { cohort, count in
                guard count > 0 else { return nil }
                var part = decision
                part.children = count
                part.cohortIDs = [cohort.id]
                return (cohort, part)
            }
        }
    }

    /// The measures of the scope's children, per row `key` gives each cohort (a cohort may count in
    /// several rows: a child with two needs is in both).
    func tallies<Row: Hashable>(
        _ decisions: [PlacementDecision], rows key: (Cohort) -> [Row]
    ) -> [Row: ScopeMetrics] {
        var tallies: [Row: MetricsTally] = [:]
        for (cohort, decision) in Self.cohortParts(of: decisions, cohorts: scopeCohorts) {
            for row in key(cohort) { tallies[row, default: MetricsTally()].add(decision, policy: scenario.policy) }
        }
        return tallies.mapValues(\.metrics)
    }

    /// The scope's commissioned cohorts by id.
    static func commissionedCohorts(of members: [AuthorityCode], in scenario: Scenario) -> [CohortID: Cohort] {
        let homes = Set(members)
        return Dictionary(
            scenario.cohorts.filter { homes.contains($0.homeAuthority) && $0.placementType.isCommissioned }.map {
                ($0.id, $0)
            }, uniquingKeysWith: { first, _ in first })
    }

    static func needRows(_ cohort: Cohort) -> [NeedRow] {
        cohort.requirements.isEmpty
            ? [NeedRow(need: nil, type: cohort.placementType)]
            : cohort.requirements.sorted().map { NeedRow(need: $0, type: cohort.placementType) }
    }

    /// Places of `type` offering `need`: those in the area, and those the members run wherever they
    /// are, below the policy's Ofsted floor left out (no child is newly placed there).
    func specialistPlaces(_ need: Requirement, _ type: PlacementType) -> (inArea: Int, inHouse: Int) {
        let homes = Set(members)
        var places = (inArea: 0, inHouse: 0)
        for provider in scenario.providers
        where provider.specialisms.contains(need) && provider.rating.meets(scenario.policy.minimumRating) {
            guard let offer = provider.offers[type] else { continue }
            if homes.contains(provider.authority) { places.inArea += offer.places }
            if provider.isLocalAuthorityRun, provider.operatingAuthority.map(homes.contains) == true {
                places.inHouse += offer.places
            }
        }
        return places
    }

    /// The summary's sentence on children with a recorded need, by need: how many, placed in area,
    /// and without a place; `nil` when the scenario records none.
    var needsBullet: String? {
        let byNeed = tallies(decisions) { cohort in cohort.requirements.sorted() }
        guard !byNeed.isEmpty else { return nil }
        let homes = Set(members)
        let todayByNeed = asIs?.asIs.map { today in
            tallies(today.decisions.filter { homes.contains($0.homeAuthority) }) { $0.requirements.sorted() }
        }
        let parts = Requirement.allCases.filter { byNeed[$0] != nil }.map { need in
            let m = byNeed[need]!
            let today = todayByNeed?[need]?.m2InAreaShare.map { ", \(ReportValue.share($0).display) today" } ?? ""
            let placed =
                m.m2InAreaShare.map { "of those placed, \(ReportValue.share($0).display) in area\(today)" }
                ?? "none placed"
            return "\(ReportNumbers.grouped(m.children)) \(Self.childrenWith(need)) (\(placed)"
                + (m.unplaced > 0 ? ", \(ReportNumbers.grouped(m.unplaced)) without a place" : "") + ")"
        }
        let severalNeeds = scopeCohorts.values.contains { $0.requirements.count > 1 }
        return "Children with a recorded need under \(mode) commissioning: " + parts.joined(separator: "; ")
            + (severalNeeds ? " (a child with two needs counts in both)" : "") + "; see Children's needs."
    }

    /// Children with a need, as a sentence names them after their number.
    static func childrenWith(_ need: Requirement) -> String {
        switch need {
        case .disability: "with a disability"
        case .uasc: "unaccompanied asylum-seeking"
        case .complexNeeds: "with complex needs"
        }
    }

    var needsSection: ReportSection {
        let cohorts = scopeCohorts.values
        let homes = Set(members)
        let today = asIs?.asIs.map { today in today.decisions.filter { homes.contains($0.homeAuthority) } }
        let byAge = tallies(decisions) { [AgeRow($0.ageBand)] }
        let byNeed = tallies(decisions, rows: Self.needRows)
        let byAgeToday = today.map { tallies($0) { [AgeRow($0.ageBand)] } }
        let byNeedToday = today.map { tallies($0, rows: Self.needRows) }

        func columns(_ first: ReportTable.Column) -> [ReportTable.Column] {
            [
                first, .init("Children", key: "children"), .init("Unplaced", key: "unplaced"),
                .init("In area (M2)", key: "m2_in_area_share"),
                .init("Own council's provision (M1)", key: "m1_own_la_run_share"),
                .init("Over 20 miles", key: "over_20_miles_share"),
            ]
                + (today == nil
                    ? []
                    : [
                        .init("In area today", key: "as_is_m2_in_area_share"),
                        .init("Over 20 miles today", key: "as_is_over_20_miles_share"),
                    ])
        }
        func cells(_ m: ScopeMetrics, today: ScopeMetrics?) -> [ReportValue] {
            [
                .count(m.children), .count(m.unplaced), .share(m.m2InAreaShare), .share(m.m1OwnAuthorityRunShare),
                .share(m.within20MilesShare.map { 1 - $0 }),
            ]
                + (byAgeToday == nil
                    ? [] : [.share(today?.m2InAreaShare), .share(today?.within20MilesShare.map { 1 - $0 })])
        }

        // DfE's own count by age group beside the scenario's, so that an import's coverage can be read.
        let published: (year: Int, byAge: [Double])? =
            if case .forecast(let outlook) = outlook, let byAge = outlook.latestByAge {
                (outlook.fittedYears.upperBound, byAge)
            } else {
                nil
            }
        // DfE's groups with no child of the scenario are rows too: zeros where every child's age falls in
        // a group (a statement shows them); blank beside a wider band, where a zero would deny children
        // whose age is known only as, say, 0 to 17 (but for DfE's count there).
        var ageRows = Set(byAge.keys)
        let agesKnown = !ageRows.isEmpty && ageRows.allSatisfy { !$0.isWider }
        if agesKnown || published != nil { ageRows.formUnion(Self.ageGroups.indices.map(AgeRow.group)) }
        let none = cells(MetricsTally().metrics, today: nil)
        let unknown = none.map { _ in ReportValue.count(nil) }
        let ageTable = ReportTable(
            id: "needs-by-age", caption: "\(scopeName)'s children by age under \(mode) commissioning",
            columns: columns(.init("Age at the scenario's date", key: "age", numeric: false))
                + (published.map {
                    [.init("DfE \($0.year), every child looked after", key: "published_children_looked_after")]
                } ?? []),
            rows: ageRows.sorted().map { row in
                [.text(row.label)]
                    + (byAge[row].map { cells($0, today: byAgeToday?[row]) }
                        ?? (agesKnown ? none : unknown))
                    + (published.map { published in
                        guard case .group(let index) = row else { return [.count(nil)] }
                        return [.number(published.byAge[index].rounded(), .count)]
                    } ?? [])
            })
        let needTable = ReportTable(
            id: "needs-by-need", caption: "\(scopeName)'s children by recorded need and placement type",
            columns: columns(.init("Need: placement type", key: "need", numeric: false)) + [
                .init(
                    "Places listed for it in \(isCooperative ? "the co-operative's area" : "area")",
                    key: "specialist_places_in_area"),
                .init("In-house places listed for it", key: "specialist_in_house_places"),
            ],
            rows: byNeed.keys.sorted().map { row in
                let places = row.need.map { specialistPlaces($0, row.type) }
                return [.text(row.label)] + cells(byNeed[row]!, today: byNeedToday?[row])
                    + [.count(places?.inArea), .count(places?.inHouse)]
            })

        guard !cohorts.isEmpty else {
            return ReportSection(
                "Children's needs",
                [
                    .paragraph(
                        "None of \(scopeName)'s children in the scenario needs a commissioned placement (those placed "
                            + "with parents, for adoption or otherwise are counted, never placed), so there are no "
                            + "needs to analyse here.")
                ])
        }
        var blocks: [ReportBlock] = [
            .paragraph(
                "Children are counted at their own age and needs (a sibling group's placement counts each member). "
                    + "M2 is of the children placed, M1 of those placed in foster and residential care, over 20 "
                    + "miles the expected share of the children placed, as elsewhere in this report. A child with "
                    + "two recorded needs is in both rows.")
        ]
        let notCommissioned = scenario.cohorts.filter {
            homes.contains($0.homeAuthority) && !$0.placementType.isCommissioned
        }.reduce(0) { $0 + $1.count }
        if notCommissioned > 0 {
            blocks.append(
                .paragraph(
                    "\(ReportNumbers.counted(notCommissioned, "child", "children")) placed with parents, for adoption "
                        + "or otherwise \(notCommissioned == 1 ? "is" : "are") not in these tables: no placement is "
                        + "commissioned for such children."))
        }
        // Care Planning, Placement and Case Review (England) (Amendment) Regulations 2021, as the import warns.
        let underSixteen = cohorts.filter { $0.placementType == .supportedAccommodation && $0.ageBand.maximum < 16 }
            .reduce(0) { $0 + $1.count }
        if underSixteen > 0 {
            blocks.append(
                .paragraph(
                    "\(ReportNumbers.counted(underSixteen, "child", "children")) under 16 "
                        + "\(underSixteen == 1 ? "needs" : "need") supported accommodation in the scenario: placing a "
                        + "child under 16 in independent or semi-independent accommodation is unlawful since September "
                        + "2021, so a sufficiency plan needs another place for "
                        + (underSixteen == 1 ? "that child" : "them") + "."))
        }
        if let published {
            blocks.append(
                .paragraph(
                    "DfE's count beside each age group is of every child \(scopeName) looked after at 31 March "
                        + "\(published.year) (those placed with parents, for adoption or otherwise included; "
                        + "estimated where DfE suppresses a cell, as the forecast reads it), against the scenario's "
                        + "children needing a commissioned placement: read the two for how much of the caseload the "
                        + "scenario holds, not as a gap."))
        }
        if case .forecast(let outlook) = outlook, let uasc = outlook.latestUASC {
            let recorded = scenario.cohorts.filter {
                homes.contains($0.homeAuthority) && $0.requirements.contains(.uasc)
            }
            .reduce(0) { $0 + $1.count }
            blocks.append(
                .paragraph(
                    "DfE published \(ReportNumbers.counted(uasc, "unaccompanied asylum-seeking child", "unaccompanied asylum-seeking children")) "
                        + "looked after by \(scopeName) at 31 March \(outlook.fittedYears.upperBound); the scenario "
                        + "records \(ReportNumbers.grouped(recorded)) with that need."))
        }
        let unrecorded = cohorts.filter { AgeRow($0.ageBand).isWider }.reduce(0) { $0 + $1.count }
        let allChildren = cohorts.reduce(0) { $0 + $1.count }
        if unrecorded > 0 {
            blocks.append(
                .paragraph(
                    "Of the \(ReportNumbers.counted(allChildren, "child", "children")), "
                        + "\(ReportNumbers.countIs(unrecorded)) recorded by an age band wider than DfE's groups "
                        + "and counted in a row of that band (a scenario built from published counts has no finer "
                        + "ages); the council's own records (`placement import`) give each child's age."))
        }
        blocks.append(.table(ageTable))
        if cohorts.allSatisfy({ $0.requirements.isEmpty }) {
            // A table of "no need recorded" rows would repeat the gaps by placement type.
            blocks.append(
                .paragraph(
                    "The scenario records no needs (disability, unaccompanied asylum-seeking, complex needs) for "
                        + "\(scopeName)'s children; the council's own records (`placement import`) give them."))
        } else {
            // Where the places listed for a need come from, beside the table that counts them.
            blocks.append(
                .paragraph(
                    "A child with a need is placed only with a provider the scenario lists for it, so the places listed "
                        + "for a need decide where those children can go. Ofsted's register records no specialisms: a "
                        + "scenario built from it lists none, and an import lists every provider for asylum-seeking "
                        + "children (no registration restricts who takes them) and a provider for another need only "
                        + "where a child with that need lives with it today (without `import --carers`, a council's own "
                        + "carers are one provider, so all their places count). Read those columns as where children with "
                        + "each need live today, not as specialist capacity: `import --carers` lists the council's foster "
                        + "households with the needs each is approved for, and the scenario's providers.csv, column "
                        + "specialisms, is where other real specialist places go; a need listed nowhere in the area keeps its children out "
                        + "of the area in every mode. The places are "
                        + (asIs?.market == nil
                            ? "registered places" : "those free for the scenario's children in today's market")
                        + " of that type, at or above the Ofsted floor; other councils place there too."))
            blocks.append(.table(needTable))
        }
        return ReportSection("Children's needs", blocks)
    }

}

extension SufficiencyReport.AgeRow {
    var isWider: Bool { if case .wider = self { true } else { false } }
}
