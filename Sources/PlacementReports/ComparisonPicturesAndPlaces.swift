import PlacementOptimisation
import PlacementScenarios

/// The comparison's maps, the in-house places worth most, and the method.
extension ComparisonReport {
    var maps: ReportSection {
        var blocks: [ReportBlock] = [
            .paragraph(
                "Each authority is shaded by the share of its placed children placed inside its own area (M2) under "
                    + "the mode. Each line is children placed from one authority into another, centroid to centroid, "
                    + "its width growing with their number: solid green lines are places run by a council, dashed "
                    + "orange lines external providers; arrows point from home to placement."
                    + (scenario.authorities.count > FlowMap.labelLimitDefault
                        ? " London's boroughs are enlarged in the box at the top right." : ""))
        ]
        for index in Set([baseline, alternative]).sorted() {
            let result = results[index]
            let flows = PlacementFlows(result)
            var caption = "Where children are placed under \(result.mode.rawValue) commissioning"
            if flows.flowsLeftOff > 0 {
                caption +=
                    " (the \(flows.flows.count) largest flows; \(flows.flowsLeftOff) smaller ones, "
                    + "\(flows.childrenLeftOff) children, are not drawn)"
            }
            caption += flows.beyondBoundaryNote
            var inArea: [AuthorityCode: Double] = [:]
            for scoped in metrics[index].authorities {
                if let share = scoped.metrics.m2InAreaShare { inArea[scoped.members[0]] = share }
            }
            var map = FlowMap(
                title: caption, id: "map-\(result.mode.rawValue)", authorities: scenario.authorities,
                highlighted: Set(scenario.authorities.map(\.id)), flows: flows.flows,
                childrenInArea: flows.childrenInArea)
            map.shading = .shares("placed in their own area (M2)", inArea)
            blocks.append(.figure(caption: caption, svg: map.svg))
        }
        return ReportSection("Where children are placed", blocks)
    }

    /// Every value with a saving, largest first.
    var rankedPlaceValues: [InHousePlaceValue] {
        PlaceValueTable.ranked(placeValues.filter { ($0.weeklySaving ?? 0) > 0.005 })
    }

    var placesWorthMost: ReportSection {
        let ranked = rankedPlaceValues.prefix(Self.placeValueRows)
        var blocks: [ReportBlock] = [
            .paragraph(PlaceValueTable.explanation(mode: to, policy: scenario.policy))
        ]
        if ranked.isEmpty {
            blocks.append(
                .paragraph(
                    "No extra in-house place would save anything: every child is placed as well as the model allows."))
        } else {
            blocks.append(
                .table(
                    PlaceValueTable.table(
                        Array(ranked), names: authorityNames, id: "in-house-place-values",
                        caption:
                            "Where one more in-house place is worth most (the \(ranked.count) largest shadow prices)")))
        }
        let withoutDuals = Set(placeValues.filter { $0.weeklySaving == nil }.map(\.placementType)).sorted()
        if !withoutDuals.isEmpty {
            blocks.append(
                .paragraph(
                    "No value for " + withoutDuals.map { $0.label.lowercased() }.joined(separator: ", ")
                        + ": a time limit stopped those models before their optimum, so they have no duals."
                ))
        }
        return ReportSection("Where one more in-house place would help most", blocks)
    }

    var method: ReportSection {
        let policy = scenario.policy
        let market = AsIsComparison.methodNotes(
            asIs,
            emptyMarketConsequence: "modelled M2 and distance are better than any real year: read the "
                + "differences between modes more than the levels")
        return ReportSection(
            "Method and assumptions",
            [
                .bullets(
                    [
                        "Each mode is solved as a linear programme (mixed-integer where sibling groups must stay together) "
                            + "with GLPK. The objective weighs each placement's weekly price, £"
                            + "\(NumberText.decimal(policy.costPerMile, places: 0)) a mile from home, £"
                            + "\(NumberText.decimal(policy.outOfAreaPenalty, places: 0)) for leaving the home area, less £"
                            + "\(NumberText.decimal(policy.localAuthorityPreference, places: 0)) for council provision, and "
                            + "\(NumberText.pounds(policy.unplacedPenalty)) for a child left unplaced.",
                        "council: each council alone, buying from the market in a seeded order; council-coordinated: the "
                            + "same access solved jointly; regional: co-operative members share in-house places and buy "
                            + "together; national: every in-house place open to every child (a bound, not a proposal).",
                        "Distances are straight lines, as DfE measures placement distance: between authority centroids "
                            + "(inside one authority, the mean distance within a disc of its area) unless the scenario "
                            + "gives the distance between two authorities.",
                    ] + market + [
                        "Estimated provider profit is private providers' spend times the policy's operating margin per "
                            + "placement type (voluntary and other public providers are not run for profit): "
                            + policy.marketMargins.sorted { $0.key < $1.key }
                            .map { "\($0.key.label.lowercased()) \(NumberText.percent($0.value))" }.joined(
                                separator: ", ")
                            + ", other types \(NumberText.percent(policy.defaultMarketMargin)) (the CMA found 22.6% for "
                            + "the largest children's-home providers)."
                    ] + (PriceNotes.uniformAcrossSectors(scenario).map { [$0] } ?? []))
            ])
    }
}
