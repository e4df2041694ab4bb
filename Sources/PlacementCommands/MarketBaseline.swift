import ArgumentParser
import Foundation
import PlacementCalibration
import PlacementReports
import PlacementScenarios
import PlacementSimulation

/// `--empty-market`, shared by the commands that solve today's market.
struct MarketOptions: ParsableArguments {
    @Flag(
        name: .customLong("empty-market"),
        help: ArgumentHelp(
            "Treat every registered place as empty and free for the scenario's children: no as-is, no occupancy.",
            discussion: "By default, when the scenario's authorities have published figures, the modes solve "
                + "today's market (usable places less those held by children from outside, with the places "
                + "beyond the boundary its children use today); compare, sufficiency and simulate show as-is beside them."
        ))
    var emptyMarket = false
}

/// What the commands compare against today's world: the market the modes solve and today's
/// placements, or why there is none.
enum MarketBaseline: Sendable {
    /// Calibrated: the modes solve `scenario` (today's market applied); today's placements are fitted
    /// into it from `allocation` by ``todaysPlacements(today:)``.
    case calibrated(scenario: Scenario, market: TodaysMarket, allocation: AsIsAllocation)
    /// Every place empty and free (`--empty-market`, or no published figures): `reason` says which.
    case emptyMarket(reason: String)

    /// The calibrated allocation, when calibrated (with the default assumptions).
    var allocation: AsIsAllocation? {
        if case .calibrated(_, _, let allocation) = self { allocation } else { nil }
    }

    /// Today's market, when calibrated.
    var market: TodaysMarket? {
        if case .calibrated(_, let market, _) = self { market } else { nil }
    }

    /// The scenario the modes solve.
    func scenario(or original: Scenario) -> Scenario {
        if case .calibrated(let scenario, _, _) = self { scenario } else { original }
    }

    /// For draws: each drawn scenario (the same authorities, shocked) in today's market, rebuilt on
    /// its own providers, prices and children; `nil` for the empty market.
    var forDraws: (@Sendable (Scenario) -> Scenario)? {
        guard case .calibrated(_, let market, _) = self else { return nil }
        return { drawn in market.rebuilt(for: drawn).applied(to: drawn) }
    }

    /// Today's placements in the market, when calibrated (half a second on England: `compare` fits
    /// them beside the mode solves). `today`: the scenario as it is now when the modes solve another
    /// (an adopted plan's places, not built yet); by default the one the modes solve.
    func todaysPlacements(today: Scenario? = nil) -> TodaysPlacements? {
        guard case .calibrated(_, _, let allocation) = self, let inMarket = marketScenario(today: today) else {
            return nil
        }
        return TodaysPlacements(in: inMarket, allocation: allocation)
    }

    /// Today's market applied to `today` (rebuilt on it), by default the scenario the modes solve;
    /// nil for the empty market.
    private func marketScenario(today: Scenario?) -> Scenario? {
        guard case .calibrated(let scenario, let market, _) = self else { return nil }
        return today.map { market.rebuilt(for: $0).applied(to: $0) } ?? scenario
    }

    /// The baseline after shocks (`shocked`: the scenario this baseline was loaded for, shocked):
    /// today's market rebuilt on what the shocks leave, as each draw's is, which the modes solve and
    /// the reports describe; the empty market as it is. Today's placements after the shocks come
    /// from the baseline before them (``todaysPlacements(after:today:from:)``).
    func afterShocks(_ shocked: Scenario) -> MarketBaseline {
        guard case .calibrated(_, let market, let allocation) = self else { return self }
        var rebuilt = market.rebuilt(for: shocked)
        rebuilt.afterShocks = true
        return .calibrated(scenario: rebuilt.applied(to: shocked), market: rebuilt, allocation: allocation)
    }

    /// Today's placements after shocks, when calibrated: today's (`now`, fitted here when not given)
    /// kept where their places remain in ``afterShocks(_:)``'s market, the children the shocks displace
    /// or add placed as councils place children today (``TodaysPlacements/init(_:in:after:replacing:)``).
    /// `today`: the scenario as it is now when it differs from the one loaded (an adopted plan's
    /// places, not built yet); `shocked` is then that scenario shocked.
    ///
    /// `planned`: an adopted plan's places (``newPlaces(of:)``) and its scenario shocked: the children
    /// placed again may take those places, open once the shocks have struck (as `simulate --plan`
    /// draws placements into them); today's placements themselves are made before the plan.
    func todaysPlacements(
        after shocked: Scenario, today: Scenario? = nil, from now: TodaysPlacements? = nil,
        planned: (places: NewPlaces?, shocked: Scenario)? = nil
    ) -> TodaysPlacements? {
        guard case .calibrated(_, _, let allocation) = self, let todaysMarket = marketScenario(today: today) else {
            return nil
        }
        let now = now ?? TodaysPlacements(in: todaysMarket, allocation: allocation)
        let after = planned?.shocked ?? shocked
        return TodaysPlacements(
            now, in: todaysMarket, after: afterShocks(after).scenario(or: after), newPlaces: planned?.places)
    }

    /// Today's placements fitted in today's market with places not built yet, and that market.
    typealias NewPlaces = (fit: TodaysPlacements, market: Scenario)

    /// The weights an adopted plan's places get (`planned`: the scenario as it is now, with the plan):
    /// today's placements fitted in today's market with them; one fit serves every case a command
    /// shocks. Nil for the empty market.
    func newPlaces(of planned: Scenario) -> NewPlaces? {
        guard case .calibrated(_, _, let allocation) = self, let market = marketScenario(today: planned) else {
            return nil
        }
        return (TodaysPlacements(in: market, allocation: allocation), market)
    }

    /// For the reports: today's placements and market, or why as-is is not shown.
    func comparison(_ asIs: TodaysPlacements?) -> AsIsComparison {
        switch self {
        case .calibrated(_, let market, _):
            asIs.map { .shown($0, market: market) } ?? .notShown("today's placements were not fitted")
        case .emptyMarket(let reason): .notShown(reason)
        }
    }

    /// Sentences on the market `solvedBy` ("The plan solves") worked in, or why it is the empty market.
    func marketNotes(solvedBy: String) -> [String] {
        switch self {
        case .calibrated(_, let market, _): AsIsComparison.marketNotes(market, solvedBy: solvedBy)
        case .emptyMarket(let reason): [AsIsComparison.sentence(reason)]
        }
    }

    /// The market draws solve, with its sentences; with shocks, that each draw's market is rebuilt after them.
    func drawMarket(shocked: Bool) -> DrawMarket {
        DrawMarket(today: market, notes: drawNotes(shocked: shocked))
    }

    private func drawNotes(shocked: Bool) -> [String] {
        var notes = marketNotes(solvedBy: "Each draw solves")
        if shocked, case .calibrated = self {
            notes.append(
                "Those places are before any shock. In each draw the shocks strike first (providers leave, prices "
                    + "and children change); the market is then rebuilt on what remains (the places beyond the "
                    + "boundary are those its children use today, and do not grow with more children). Children "
                    + "from outside "
                    + "whose provider left take the remaining places of the same authority, sector and placement "
                    + "group before the scenario's own children: the exit falls on the scenario's children, the "
                    + "cautious reading for a stress test.")
            if market?.beyondBoundary.isEmpty == false {
                notes.append(
                    "A share of places closing at random closes the same share of the places beyond the boundary "
                        + "(the same national market); owners leaving, named or ranked, leave only the scenario's "
                        + "places.")
            }
        }
        return notes
    }

    /// Calibrates the as-is baseline on the official data's latest year when every authority of the
    /// scenario has published figures there; otherwise (or with `--empty-market`) the empty market.
    /// `readAhead`: the official data of `data` being read (see ``OfficialDataReadAhead``; none with
    /// `--empty-market`).
    static func load(
        for scenario: Scenario, data: String, options: MarketOptions, readAhead: OfficialDataReadAhead?
    ) -> MarketBaseline {
        if options.emptyMarket {
            return .emptyMarket(reason: "--empty-market: every registered place is treated as empty and free")
        }
        guard let official = readAhead?.data else {
            // A council's own scenario (real authority codes) run away from the shipped data: say so
            // on stderr too, as the report alone would leave the missing as-is unexplained until read.
            if scenario.authorities.contains(where: { Self.isEnglishAuthorityCode($0.id) }) {
                printToStandardError(
                    "note: no official data in \(data), so today's placements (as-is) and today's market are not "
                        + "used; give the folder of DfE's and Ofsted's tables with --data")
            }
            return .emptyMarket(reason: "no calibrated baseline (no official data in \(data)): as-is not shown")
        }
        // A table of suppression markers alone (or of its header alone) publishes no year to calibrate
        // on: said as such, not as authorities missing from the tables.
        guard !official.years.isEmpty else {
            let table = TerminalSafeText.escaping(
                (data as NSString).appendingPathComponent(OfficialTables.lookedAfterFile))
            if scenario.authorities.contains(where: { Self.isEnglishAuthorityCode($0.id) }) {
                printToStandardError(
                    "note: no published figures in \(table) (every year's are suppressed or absent), so today's "
                        + "placements (as-is) and today's market are not used")
            }
            return .emptyMarket(
                reason: "no calibrated baseline (no published figures in \(table): every year's are suppressed or "
                    + "absent): as-is not shown")
        }
        let calibrated = Progress.shared.run("calibrating today's placements") {
            TodaysMarket.calibrated(for: scenario, official: official)
        }
        guard let (market, allocation) = calibrated else {
            return .emptyMarket(
                reason: "no calibrated baseline (the scenario's authorities are not in DfE's published tables in the "
                    + "data folder): as-is not shown"
            )
        }
        return .calibrated(scenario: market.applied(to: scenario), market: market, allocation: allocation)
    }

    /// Whether `code` has the shape of an English local authority's ONS code (`E` and eight digits).
    static func isEnglishAuthorityCode(_ code: AuthorityCode) -> Bool {
        let text = code.rawValue.utf8
        return text.count == 9 && text.first == UInt8(ascii: "E")
            && text.dropFirst().allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
