import PlacementOptimisation
import PlacementScenarios
import PlacementSimulation

/// Today's placements beside the modes (the `as-is` column), or why they are not shown.
public enum AsIsComparison: Sendable {
    /// Calibrated: today's placements and the market the modes solved.
    case shown(TodaysPlacements, market: TodaysMarket)
    /// No calibrated baseline, or the empty market asked for: the sentence the reports print.
    case notShown(String)

    public var asIs: TodaysPlacements? {
        if case .shown(let placements, _) = self { placements } else { nil }
    }

    public var market: TodaysMarket? {
        if case .shown(_, let market) = self { market } else { nil }
    }

    /// The column's name in every table.
    public static let label = "as-is"

    /// A mode's change from as-is, one scope: percentage points for shares, miles, pounds and children.
    public struct Change: Sendable, Equatable {
        public var m1OwnPoints: Double?
        public var m1AnyPoints: Double?
        public var m2Points: Double?
        public var within20MilesPoints: Double?
        public var meanMiles: Double?
        public var weeklyCost: Double
        public var placed: Int
        public var unplaced: Int
        /// The two sides, so that a share's change beside them reads as they print (``shareChange(_:)``);
        /// the fields above are exact, for the JSON.
        let before: ScopeMetrics
        let after: ScopeMetrics

        public init(from before: ScopeMetrics, to after: ScopeMetrics) {
            self.before = before
            self.after = after
            func points(_ measure: KeyPath<ScopeMetrics, Double?>) -> Double? {
                guard let a = after[keyPath: measure], let b = before[keyPath: measure] else { return nil }
                return (a - b) * 100
            }
            m1OwnPoints = points(\.m1OwnAuthorityRunShare)
            m1AnyPoints = points(\.m1LocalAuthorityRunShare)
            m2Points = points(\.m2InAreaShare)
            within20MilesPoints = points(\.within20MilesShare)
            meanMiles = after.meanDistanceMiles.flatMap { a in before.meanDistanceMiles.map { a - $0 } }
            weeklyCost = after.weeklyCost - before.weeklyCost
            placed = after.placed - before.placed
            unplaced = after.unplaced - before.unplaced
        }

        /// A share's change as the two shares print: exact for analysis, their printed difference to read.
        public func shareChange(_ measure: KeyPath<ScopeMetrics, Double?>) -> ReportValue {
            .shareChange(from: before[keyPath: measure], to: after[keyPath: measure])
        }

        /// "M2 +31.2 points, M1 own −4.0 points, within 20 miles +12.5 points, £−1,234 a week".
        public var summary: String {
            var parts: [String] = []
            func points(_ label: String, _ measure: KeyPath<ScopeMetrics, Double?>) {
                guard case .printedDifference(_, let printed?, _) = shareChange(measure) else { return }
                parts.append("\(label) \(AsIsComparison.signed(printed * 100, places: 1)) points")
            }
            points("M2", \.m2InAreaShare)
            points("M1 own", \.m1OwnAuthorityRunShare)
            points("within 20 miles", \.within20MilesShare)
            if case .printedDifference(_, let printed?, _) = ReportValue.change(
                from: before.meanDistanceMiles, to: after.meanDistanceMiles, .milesChange)
            {
                parts.append("mean distance \(AsIsComparison.signed(printed, places: 1)) miles")
            }
            parts.append("weekly cost \((weeklyCost.rounded() > 0 ? "+" : "") + NumberText.pounds(weeklyCost))")
            parts.append("unplaced \(unplaced > 0 ? "+" : "")\(unplaced)")
            return parts.joined(separator: ", ")
        }
    }

    /// What shocks did to today's placements, for the reports beside as-is: "The shocks took 193 of
    /// today's placements (99.3% within 20 miles, M2 51.8%); 160 children were placed again …".
    /// `policy`: the scenario's, which measures the placements as the modes' are; `whose`: the
    /// children's scope ("Wigan's") when it is not the whole scenario.
    /// `market`: today's market the shocks struck, whose places beyond a region's boundary (none in a
    /// scenario of England) the reason for children placed nearer names.
    public static func shockSentence(
        _ effect: TodaysPlacements.ShockDisplacement, policy: Policy, market: TodaysMarket?, whose: String? = nil
    ) -> String {
        func metrics(_ decisions: [PlacementDecision]) -> ScopeMetrics {
            var tally = MetricsTally()
            for decision in decisions { tally.add(decision, policy: policy) }
            return tally.metrics
        }
        func measured(_ m: ScopeMetrics) -> String {
            "\(ReportValue.share(m.within20MilesShare).display) within 20 miles, "
                + "M2 \(ReportValue.share(m.m2InAreaShare).display)"
        }
        let lost = metrics(effect.lost)
        let made = metrics(effect.made)
        let placements = whose.map { "of \($0) children's placements today" } ?? "of today's placements"
        let inNewPlaces = effect.made.filter { $0.provider?.isPlannedBuild == true }.reduce(0) { $0 + $1.children }
        var sentence =
            effect.displaced == 0
            ? "The shocks took none \(placements)"
            : "The shocks took \(NumberText.grouped(effect.displaced)) \(placements) (\(measured(lost)))"
        if effect.added > 0 { sentence += " and added \(NumberText.counted(effect.added, "child", "children"))" }
        if effect.removed > 0 {
            sentence +=
                "\(effect.added > 0 ? "," : " and") took away \(NumberText.counted(effect.removed, "child", "children"))"
                + " (a fall in demand: those waiting for a place leave first, then children from their placements, "
                + "in proportion, freeing those places)"
        }
        if effect.placedAgain > 0 {
            sentence +=
                "; \(NumberText.counted(effect.placedAgain, "child was", "children were")) placed"
                + (effect.added > 0 ? " (the displaced and the added)" : " again") + " as councils place children "
                + "today, by today's fitted pattern over the places left (\(measured(made))"
                + (inNewPlaces > 0
                    ? "; \(NumberText.grouped(inNewPlaces)) of them in the plan's new places" : "")
                + ")"
        }
        if effect.withoutPlace > 0 {
            sentence += ", and \(NumberText.counted(effect.withoutPlace, "child finds", "children find")) no place"
        }
        // Children taken away leave their placements: "every child placed today" would count them.
        let keeping =
            effect.removed > 0 && effect.childrenLeft == 0
            ? "No child is left to keep a placement"
            : effect.displaced == 0
                ? (effect.removed > 0
                    ? "Every child left keeps today's placement" : "Every child placed today keeps the placement")
                : (effect.removed > 0
                    ? "Every other child left keeps today's placement" : "Every other child keeps today's placement")
        return sentence + ". \(keeping)."
            + (nearerAgain(lost, made) ? nearerWhy(beyondBoundary: market?.beyondBoundary.isEmpty == false) : "")
    }

    /// Whether the children placed again are nearer home than the placements the shocks took: half a
    /// point more of M2 or of the share within 20 miles, and the other no more than half a point less.
    static func nearerAgain(_ lost: ScopeMetrics, _ made: ScopeMetrics) -> Bool {
        func gain(_ share: KeyPath<ScopeMetrics, Double?>) -> Double {
            guard let before = lost[keyPath: share], let after = made[keyPath: share] else { return 0 }
            return after - before
        }
        let m2 = gain(\.m2InAreaShare)
        let within = gain(\.within20MilesShare)
        return (m2 > 0.005 && within > -0.005) || (within > 0.005 && m2 > -0.005)
    }

    /// Why a loss of places can bring the children placed again nearer home (an RCC analyst read "the
    /// largest owners leaving brings children closer to home" without it): the free places lie where
    /// homes are, and the places beyond a region's boundary stay full. A plan's places taken are
    /// counted in the sentence before it.
    static func nearerWhy(beyondBoundary: Bool) -> String {
        " They are placed nearer home than the placements lost because every home is taken to keep the same share "
            + "of its places free (the occupancy assumption), so the places left free lie wherever homes are, many "
            + "in the children's own areas"
            + (beyondBoundary ? ", while the places beyond the region's boundary stay as full as today" : "")
            + ": not a sign that an exit brings children nearer."
    }

    /// A change with its sign: `+1.2`, `-0.4`, `0.0`.
    static func signed(_ value: Double, places: Int) -> String {
        let text = NumberText.decimal(value, places: places)
        return text.hasPrefix("-") || Double(text) == 0 ? text : "+" + text
    }

    /// How a mode places the children beside as-is (a lower-case clause): all at once, so that a
    /// change from today is what commissioning could reach were every placement made again, not
    /// what it reaches in a year, which `simulate` follows.
    public static func modePlacing(_ policy: Policy) -> String {
        (policy.keepExistingPlacements
            ? "children whose records name a provider kept there where it has room, and every other child placed afresh"
            : "every child placed afresh")
            + " in today's market (what commissioning could reach were every placement made again; children "
            + "move only as placements end, which `placement simulate` follows year by year)"
    }

    /// A sentence for a one-draw comparison with council mode: its councils buy one after another in
    /// one seeded order, and another order can place children otherwise; nil without council mode.
    public static func buyingOrderNote(_ policy: Policy, modes: [CommissioningMode]) -> String? {
        guard modes.contains(.council) else { return nil }
        return "Council mode's councils buy one after another in one seeded order (council_order_seed "
            + "\(policy.councilOrderSeed)); another order can place children otherwise, and `--draws 10` shows the "
            + "range across orders."
    }

    /// Why as-is is not shown (a lower-case clause) as a sentence of the notes.
    public static func sentence(_ reason: String) -> String { reason.prefix(1).uppercased() + reason.dropFirst() + "." }

    /// The opening of a summary's line on today's placements: "Today (as-is, calibrated on 2025): ",
    /// "Today (as-is, as the children's records place them): " for an import.
    public static func todayOpening(_ asIs: TodaysPlacements, shocked: Bool) -> String {
        let source =
            asIs.childrenAsRecorded > 0 ? "as the children's records place them" : "calibrated on \(asIs.year)"
        return shocked
            ? "Today's placements after the shocks, in what is left of today's market (as-is, \(source)): "
            : "Today (as-is, \(source)): "
    }

    /// Sentences on where as-is comes from and what the modes solved, for the reports' notes.
    public var notes: [String] {
        guard case .shown(let asIs, let market) = self else {
            if case .notShown(let reason) = self { return [Self.sentence(reason)] }
            return []
        }
        let calibrated =
            "the as-is baseline calibrated on DfE's \(asIs.year) figures for every English authority, carried onto "
            + "the scenario's providers"
        // An import's children are where its records say; only the rest, and the market, are modelled.
        let source =
            asIs.childrenAsRecorded > 0
            ? "\(NumberText.grouped(asIs.childrenAsRecorded)) children where their records place them "
                + "(`current_provider`); any others, and the places children from outside hold, from \(calibrated)"
            : calibrated
        return [
            "As-is is today's placements: \(source), priced and measured as the modes are"
                + (asIs.childrenWithoutPlace > 0
                    ? " (\(NumberText.counted(asIs.childrenWithoutPlace, "child", "children")) found no free place "
                        + "and count as unplaced)." : ".")
        ] + Self.marketNotes(market, solvedBy: "The modes solve")
    }

    /// Sentences on today's market: its usable, held and free places, carers where they live, the
    /// market beyond the boundary and the assumptions. `solvedBy` opens the first ("The modes solve").
    public static func marketNotes(_ market: TodaysMarket, solvedBy: String) -> [String] {
        let totals = market.totals
        var lines = [
            "\(solvedBy) today's market\(market.afterShocks ? " after the shocks" : ""): of "
                + "\(NumberText.grouped(totals.registered)) registered places, "
                + "\(NumberText.grouped(totals.usable)) are usable (residential places × occupancy, short-break-only "
                + "places counting nothing), "
                + (market.childrenFromOutside > 0
                    ? "\(NumberText.grouped(totals.heldFromOutside)) of them held by "
                        + "\(NumberText.grouped(market.childrenFromOutside)) children from outside the scenario"
                        + (market.childrenFromOutsideUnheld.rounded() >= 1
                            ? " (\(NumberText.grouped(market.childrenFromOutsideUnheld)) of them beyond the usable places "
                                + "of their authority and sector, holding none)" : "")
                    : "none held from outside (no child from outside the scenario is placed in it today)")
                + missingClause(market, afterOutside: market.childrenFromOutside > 0)
                + ", leaving \(NumberText.grouped(totals.free)) whole places free for its own children (usable "
                + "less held, rounded to whole places within each authority, sector and placement type"
                + (market.placesKeptForRecords > 0
                    ? "; \(NumberText.grouped(market.placesKeptForRecords)) of them beyond that, kept for the children whose records "
                        + "name their provider, there today whatever the occupancy)." : ").")
        ]
        // Whether the shocks closed any of the councils' places of these types (as the market applies them).
        func shocksCloseCouncils(_ types: Set<PlacementType>) -> Bool {
            types.contains { PlaceClosure.openShare(of: .localAuthority, $0, after: market.closures) < 1 }
        }
        let carerTypes: Set<PlacementType> = [.foster, .kinship]
        let carersInside = market.carersElsewhere.filter { $0.bandBeyondBoundary == nil }
        if !carersInside.isEmpty {
            lines.append(
                "\(NumberText.grouped(carersInside.reduce(0) { $0 + $1.places })) in-house foster "
                    + "places (connected carers' among them"
                    + (shocksCloseCouncils(carerTypes) ? "; what the shocks leave of them" : "")
                    + ") stand where the councils' carers live today, in another "
                    + "of the scenario's authorities (the scenario puts every in-house carer in its council's area).")
        }
        if market.agencyPlacesMoved > 0 {
            lines.append(
                "\(NumberText.grouped(market.agencyPlacesMoved)) agency foster places stand where agency "
                    + "carers live today, shared over the region's authorities as the calibration places "
                    + "agency-fostered children (the register gives each agency one address).")
        }
        let marketBeyond = market.beyondBoundary.filter { $0.operatingAuthority == nil }
        if !marketBeyond.isEmpty {
            lines.append(
                (!market.closuresStrikeMarketBeyond
                    ? "Beyond the boundary, the market's places its children use today: "
                    : "Beyond the boundary, the market's places its children use today, less the share of places "
                        + "the shocks close at random (the same national market): ")
                    + marketBeyond.map {
                        "\($0.places) \($0.placementType.label.lowercased()) \($0.band == .within20Miles ? "within" : "over") "
                            + "20 miles (at \(NumberText.decimal($0.miles, places: 0)) miles, "
                            + "\(NumberText.pounds($0.weeklyPrice)) a week)"
                    }.joined(separator: "; ") + "."
                    // An RCC analyst found Greater Manchester's figures differ between its own scenario
                    // and England's, with no word on which to cite.
                    + " A scenario of England holds no market beyond a boundary (every council's places are its "
                    + "own authorities'), so the same councils' figures differ there; for a co-operative, cite "
                    + "this regional scenario, which keeps the places its children use outside it today.")
        }
        let carersBeyond = market.carersElsewhere.filter { $0.bandBeyondBoundary != nil }
        let councilsBeyond = market.beyondBoundary.filter { $0.operatingAuthority != nil }
        if !carersBeyond.isEmpty || !councilsBeyond.isEmpty {
            var parts: [String] = []
            let carerPlaces = carersBeyond.reduce(0) { $0 + $1.places }
            if carerPlaces > 0 {
                let connected = carersBeyond.filter { $0.placementType == .kinship }.reduce(0) { $0 + $1.places }
                parts.append(
                    "\(NumberText.counted(carerPlaces, "in-house foster place", "in-house foster places"))"
                        + (connected > 0 ? " (\(NumberText.grouped(connected)) of them connected carers')" : "")
                        + " where their carers live, moved out of the council's area (where the scenario puts "
                        + "every in-house carer), at the council's own price")
            }
            var byType: [PlacementType: Int] = [:]
            for offer in councilsBeyond { byType[offer.placementType, default: 0] += offer.places }
            for (type, places) in byType.sorted(by: { $0.key < $1.key }) {
                parts.append(
                    "\(NumberText.grouped(places)) \(type.label.lowercased()) places they run there (DfE counts "
                        + "those children in their council's own provision outside its area; at the council's own "
                        + "price of the type, the market's where it runs none in the scenario)")
            }
            let councils = Set(
                carersBeyond.map(\.council) + councilsBeyond.compactMap(\.operatingAuthority))
            let struck = shocksCloseCouncils(carerTypes.union(councilsBeyond.map(\.placementType)))
            lines.append(
                "Councils' own places beyond the boundary, which their children use today"
                    + (struck ? ", less what the shocks close" : "") + " ("
                    + NumberText.counted(councils.count, "council", "councils")
                    + "; each council's own provision, of which M1 counts the foster and residential places): "
                    + parts.joined(separator: "; ") + ".")
        }
        lines.append(
            "Assumptions: "
                + market.assumptions.listed.map {
                    "\($0.name) \(NumberText.decimal($0.assumption.value, places: 2)) (range "
                        + "\(NumberText.decimal($0.assumption.range.lowerBound, places: 2))–"
                        + "\(NumberText.decimal($0.assumption.range.upperBound, places: 2)); \($0.assumption.source))"
                }.joined(separator: "; ") + ". Switch today's market off with --empty-market.")
        return lines
    }

    /// The places held by the scenario's own children that it does not hold (a partial import):
    /// empty when it holds them all.
    private static func missingClause(_ market: TodaysMarket, afterOutside: Bool) -> String {
        guard market.missingOwnChildrenInAll > 0 else { return "" }
        return (afterOutside ? " and " : ", ") + "\(NumberText.grouped(market.totals.heldByMissingOwn)) "
            + (afterOutside ? "" : "held ") + "by \(NumberText.grouped(market.missingOwnChildren)) of the "
            + "\(NumberText.grouped(market.missingOwnChildrenInAll)) children DfE published for its authorities "
            + "in foster care, children's homes and supported accommodation but missing from it (estimated from "
            + "DfE's figures, so fractional in the JSON; spread as the calibrated as-is placements spread their councils' children; "
            + "with their own council's carers, beyond the boundary or beyond the usable places of an authority "
            + "and sector, they hold none)"
    }
}
