import PlacementScenarios

/// The README of an imported scenario: where each table came from and every assumption made, with
/// its figure and source; and a short summary for the terminal.
struct ImportNotes {
    let council: Authority
    let file: String
    let options: CouncilImport.Options
    let records: [ChildRecord]
    let market: MarketBuilder
    let scenario: Scenario

    var summary: [String] {
        var lines = [
            "\(NumberText.grouped(records.count)) children of \(council.name) (\(council.id.rawValue)), ages at \(options.asOf)",
            "\(NumberText.grouped(scenario.providers.count)) providers: "
                + "\(NumberText.grouped(market.registeredNearby)) from Ofsted's register within "
                + "\(DecimalNumber.format(options.radiusMiles)) miles (secure homes and residential schools from anywhere), "
                + "\(market.addedByURN) more named by URN, \(market.madeFromCodes.count) made from provider codes"
                + (market.households.isEmpty
                    ? ""
                    : ", \(NumberText.counted(market.households.count, "foster household", "foster households")) of the council's"),
            "prices: \(market.pricedFromExport) offers from the children's weekly costs, "
                + NumberText.grouped(market.pricedByDefault.values.reduce(0, +) + defaultPricedMarket)
                + " at default prices (see README.md)",
        ]
        if let households = householdsSummary { lines.append(households) }
        if let partial = partialCaseload { lines.append(partial) }
        let avoiding = records.filter { !$0.avoid.isEmpty }.count
        if avoiding > 0 {
            lines.append(
                "\(avoiding) \(avoiding == 1 ? "child has" : "children have") locations to avoid: no placement there "
                    + "in any mode (avoid_authorities)"
            )
        }
        if !market.placedByCode.isEmpty {
            lines.append(
                NumberText.counted(market.placedByCode.count, "child's URN names", "children's URNs name")
                    + " a register entry outside England or of a kind the scenarios do not model: placed by "
                    + "their provider codes (see README.md)")
        }
        if !market.inactiveURNs.isEmpty {
            lines.append(
                "\(market.inactiveURNs.count == 1 ? "1 child's URN names a register entry" : "\(market.inactiveURNs.count) children's URNs name register entries") "
                    + "not in the market (closed, suspended, without places, or a children's trust's fostering "
                    + "service): each child is kept with it, its sector, operator and judgement as registered (an "
                    + "agency's carers where the record places the child; see README.md)"
            )
        }
        return lines
    }

    /// The council's foster households, when a carers file was given: places, children, free places,
    /// and places approved for each need.
    private var householdsSummary: String? {
        guard let file = market.carersFile else { return nil }
        let places = market.households.reduce(0) { $0 + $1.record.places }
        let held = householdChildren.values.reduce(0, +)
        var line =
            "\(NumberText.counted(market.households.count, "foster household", "foster households")) of the council's "
            + "from \(file): \(NumberText.counted(places, "approved place", "approved places")), "
            + "\(NumberText.grouped(held)) held by its children today (\(held - market.fittedToHouseholds) by "
            + "carer_id, \(market.fittedToHouseholds) fitted by where they live, needs and ages)"
        let approved = Requirement.allCases.filter { $0 != .uasc }.compactMap { need -> String? in
            let places = market.households.filter { $0.record.approvedFor.contains(need) }.reduce(0) {
                $0 + $1.record.places
            }
            return places == 0 ? nil : "\(places) approved for \(need.rawValue)"
        }
        if !approved.isEmpty { line += "; " + approved.joined(separator: ", ") }
        return line
    }

    /// The children living with each of the council's households today.
    private var householdChildren: [ProviderID: Int] {
        let households = Set(market.households.map(\.provider))
        return market.currentProvider.values.filter(households.contains).reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// A file holding under nine in ten of the children DfE last published for the council: said,
    /// since the council's children missing from it are in today's market only as places held (as
    /// the calibrated as-is placements place its children), never placed or measured.
    var partialCaseload: String? {
        guard let latest = scenario.actuals.filter({ $0.childrenLookedAfter != nil }).max(by: { $0.year < $1.year }),
            let published = latest.childrenLookedAfter, published > 0,
            Double(records.count) < 0.9 * Double(published)
        else { return nil }
        return
            "note: \(NumberText.grouped(records.count)) children, \(NumberText.percent(Double(records.count) / Double(published))) "
            + "of the \(NumberText.grouped(published)) DfE published for \(council.name) in \(latest.year): in "
            + "today's market (compare, sufficiency) the others hold places as \(council.name)'s children do today, "
            + "but are not placed or measured; import the whole caseload for a sufficiency assessment"
    }

    /// Register offers no child named, at the default prices (the council's households are counted apart).
    private var defaultPricedMarket: Int {
        let named = Set(market.currentProvider.values).union(market.households.map(\.provider))
        return scenario.providers.filter { !named.contains($0.id) }.reduce(0) { $0 + $1.offers.count }
    }

    /// The council's foster households from the carers file, one row each.
    private var householdsSection: String {
        guard let file = market.carersFile else { return "" }
        let fitted = market.fittedToHouseholds
        let children = householdChildren
        let named = children.values.reduce(0, +) - fitted
        let price =
            market.householdPrice.map {
                "£\(DecimalNumber.format($0)) a week, the mean weekly cost of the children with them"
            }
            ?? "£\(Int(Assumptions.price(.foster, sector: .localAuthority))) a week, the default (no child with them has a weekly_cost)"
        let unfitted = market.unfittedToHouseholds.count
        let names = scenario.authorityNames
        var text =
            "\(NumberText.counted(market.households.count, "foster household", "foster households")) of "
            + "\(council.name)'s, from `\(file)` (`--carers`), replace the estimate of its in-house foster places: each "
            + "is a provider run by \(council.name) where the household lives, with its approved places and the needs "
            + "(`approved_for`) and ages it is approved for. \(named) of the council's foster children live with the "
            + "household their `carer_id` (or a sibling's) names; \(fitted) were fitted to a household where they live with free "
            + "places, approved for their needs and ages (a sibling group together; the household approved for "
            + "fewest other needs first, keeping specialist places for the children who need them)"
            + (unfitted == 0 ? "" : "; \(unfitted) fitted none and are placed as without the file, above")
            + ". Priced at \(price).\n\n"
        text +=
            MarkdownTable(
                ["household", "lives in", "approved places", "children today", "approved for", "ages"], align: "llrrll",
                rows: market.households.map { household in
                    let area = names[household.record.authority] ?? household.record.authority.rawValue
                    let needs = household.record.approvedFor.sorted().map(\.rawValue).joined(separator: ", ")
                    return [
                        household.record.id, area, String(household.record.places),
                        String(children[household.provider] ?? 0), needs.isEmpty ? "—" : needs,
                        "\(household.record.ages.minimum)–\(household.record.ages.maximum)",
                    ]
                }
            ).text
        return text + "\n"
    }

    var readme: String {
        var text = """
            # \(scenario.name)

            \(council.name) (\(council.id.rawValue)): \(records.count) children looked after, imported with
            `placement import \(file) --authority "\(council.name)" --as-of \(options.asOf)`. Every figure the
            import did not read from that file is listed below with its source.

            ## Children (`children.csv`)

            One row per child; `age_band` is the child's age in whole years on \(options.asOf). Placement codes
            (DfE's SSDA903 return) were mapped as `docs/import-template.md` lists:


            """
        let byType = Dictionary(grouping: records, by: \.type)
        text +=
            MarkdownTable(
                ["placement type", "children"], align: "lr",
                rows: PlacementType.allCases.compactMap { type in
                    byType[type].map { [type.rawValue, String($0.count)] }
                }
            ).text
        let uncommissioned = records.filter { !$0.type.isCommissioned }.count
        text += """

            \(uncommissioned == 1 ? "1 child is" : "\(uncommissioned) children are") placed with parents, for adoption or elsewhere: counted, never optimised.
            Sibling groups: \(Set(records.compactMap(\.siblingGroup)).count), each placed together with one provider.
            Needs (`needs`) become requirements that only a provider with that specialism meets; the register
            records no specialisms, so only each child's current provider is given the needs of its children
            (and the council's listed foster households the needs they are approved for), but for unaccompanied
            asylum-seeking children (`uasc`), whom every provider may take.


            """
        let avoiding = records.filter { !$0.avoid.isEmpty }
        if !avoiding.isEmpty {
            text += """
                Locations to avoid (`avoid_authorities`): these children are placed in no provider located in
                those authorities, in any mode (a child whose every suitable provider lies there stays unplaced,
                with that reason).


                """
            text +=
                MarkdownTable(
                    ["child", "authorities to avoid"], align: "ll",
                    rows: avoiding.map { [$0.id, $0.avoid.joined(separator: ", ")] }
                ).text
            text += "\n"
        }
        text += """
            ## Providers (`providers.csv`)

            - **\(market.registeredNearby) from Ofsted's register** (31 March 2025, `Fixtures/data/ofsted_providers_2025.csv`,
              OGL v3): every active children's home and supported-accommodation provider with places located in
              an authority whose centroid lies within \(DecimalNumber.format(options.radiusMiles)) miles of \(council.name)'s, and every secure
              children's home and residential special school in England, with their registered places. Other
              councils' children in these homes are not in the scenario: the whole registered capacity is open
              to \(council.name), so the market is an upper bound on what it could buy.
            - **\(market.addedByURN) more named by a child's URN** (outside the radius, or fostering agencies). A
              fostering agency's places are the children with it ÷ 0.84 (Ofsted 2024: 16% of places vacant).
            - **\(market.madeFromCodes.count) made from SSDA903 provider codes** for children placed without a URN: one provider
              per placement type, provider code and placing authority, with places for the children there
              (in-house foster carers × \(Assumptions.inHouseFosterHeadroom) for matching headroom, agencies ÷ 0.84), not yet inspected.


            """
        if !market.madeFromCodes.isEmpty {
            text += "| provider | children | places |\n|---|--:|--:|\n"
            for made in market.madeFromCodes {
                let places = made.provider.offers.values.reduce(0) { $0 + $1.places }
                text += "| \(made.rule) | \(made.children) | \(places) |\n"
            }
            text += "\n"
        }
        text += householdsSection
        if !market.overfull.isEmpty {
            text +=
                "Providers holding more of these children than their registered places (places raised to the children):\n\n"
            for entry in market.overfull {
                text +=
                    "- \(entry.provider): \(NumberText.counted(entry.children, "child", "children")), "
                    + "\(NumberText.counted(entry.places, "registered place", "registered places"))\n"
            }
            text += "\n"
        }
        if !market.placedByCode.isEmpty {
            text += "Children whose URN names an entry the scenarios cannot hold, placed by their provider codes:\n\n"
            for entry in market.placedByCode { text += "- \(entry.child): URN \(entry.urn) (\(entry.why))\n" }
            text += "\n"
        }
        if !market.inactiveURNs.isEmpty {
            text +=
                "Children whose URN names a register entry not in the market: each is kept with a provider made "
                + "from the entry (its sector, operator, area and judgement as registered; a fostering agency's "
                + "carers where the record places the child), with places for the children there:\n\n"
            for entry in market.inactiveURNs { text += "- \(entry.child): URN \(entry.urn) (\(entry.status))\n" }
            text += "\n"
        }
        text += """
            Every child's provider today is its `current_provider`; `keep_existing_placements` is false, so the
            optimiser may move any child (set it to true in `scenario.yaml` to keep them). A child's current
            placement stays open to them in every mode, beyond the distance limits and whatever the mode's access.

            ## Prices

            \(market.pricedFromExport) offers are priced at the mean weekly cost of the children placed there (`weekly_cost`).
            The rest use the real-data scenarios' default prices:

            | placement type | sector | £ a week | source |
            |---|---|--:|---|

            """
        for (type, sector, price, source) in Assumptions.prices {
            text += "| \(type.rawValue) | \(sector?.rawValue ?? "any") | \(Int(price)) | \(source) |\n"
        }
        text += """
            | parent_and_child | any | \(Int(Assumptions.importedParentAndChildPrice)) | assumed: no figure in the data files (range £1,000–£5,000) |

            ## Authorities, policy and published figures

            - `authorities.csv`: England's 153 councils with children's services (`Fixtures/data/england_local_authorities.csv`:
              DfE, OGL v3; centroids mySociety, CC-BY-4.0), so that children placed anywhere in England resolve.
            - `scenario.yaml`: the real-data scenarios' policy (distance limits 50 miles for foster care and supported
              accommodation, 75 for children's homes, 400 for secure homes and residential schools).
            - `actuals.csv`: \(council.name)'s published figures for 2021–2025 (DfE, OGL v3), for the reports: the
              shares in own provision and inside the boundary of all children looked after, the share over 20
              miles of children with a known distance.
            - No co-operatives: add `cooperatives.csv` to model one.
            """
        return text + "\n"
    }
}
