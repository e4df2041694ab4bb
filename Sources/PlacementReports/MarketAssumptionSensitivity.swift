import PlacementOptimisation
import PlacementScenarios
import PlacementSimulation

/// How a comparison moves with today's market's assumptions (`compare --sensitivity`): occupancy,
/// short-break places, the places beyond the boundary and prices are assumed, each with a documented range;
/// each is set at both ends of its range, the others as they are, today's market built again (the
/// as-is calibration too, where it reads the assumption), and as-is and every mode solved again.
public struct MarketAssumptionSensitivity: Sendable {
    public typealias ModeFigures = PolicyWeightSensitivity.ModeFigures

    /// One end of one assumption's range, as-is and every mode solved there.
    public struct Point: Sendable {
        public var assumption: String
        public var key: String
        /// `low` or `high`.
        public var end: String
        public var value: Double
        /// Today's placements there (nil when not fitted).
        public var asIs: ScopeMetrics?
        public var modes: ModeFigures

        public init(
            assumption: String, key: String, end: String, value: Double, asIs: ScopeMetrics?, modes: ModeFigures
        ) {
            self.assumption = assumption
            self.key = key
            self.end = end
            self.value = value
            self.asIs = asIs
            self.modes = modes
        }
    }

    /// The comparison as solved, with the assumptions as set.
    public var base: ModeFigures
    public var baseAsIs: ScopeMetrics?
    public var points: [Point]

    public init(base: ModeFigures, baseAsIs: ScopeMetrics?, points: [Point]) {
        self.base = base
        self.baseAsIs = baseAsIs
        self.points = points
    }

    /// Whether regional commissioning's M2 lead over council commissioning holds across the ends.
    public var regionalLeadNote: String? {
        PolicyWeightSensitivity.regionalLeadNote(
            base: base, ends: points.map { ("\($0.assumption) \($0.end)", $0.modes) }, resting: "assumptions")
    }

    /// Each mode's change in M2 from as-is across the ends: "regional +29.4 to +30.1 points".
    public var changeFromAsIsNote: String? {
        guard baseAsIs != nil else { return nil }
        let ends = [(baseAsIs, base)] + points.map { ($0.asIs, $0.modes) }
        let parts = base.indices.compactMap { index -> String? in
            let changes = ends.compactMap { asIs, modes -> Double? in
                guard index < modes.count, let after = modes[index].metrics.m2InAreaShare,
                    let before = asIs?.m2InAreaShare
                else { return nil }
                return (after - before) * 100
            }
            guard let low = changes.min(), let high = changes.max() else { return nil }
            return "\(base[index].mode.rawValue) \(AsIsComparison.signed(low, places: 1)) to "
                + "\(AsIsComparison.signed(high, places: 1)) points"
        }
        guard !parts.isEmpty else { return nil }
        return "Each mode's M2 as a change from as-is, across the ends: " + NumberText.listed(parts) + "."
    }

    /// How the children without a place move across the ends, where they move: the figure the
    /// assumptions move most (occupancy decides how many places there are), and the one M1, M2 and
    /// the weekly cost leave out.
    public var unplacedNote: String? {
        var columns: [(label: String, values: [Int])] = []
        if let baseAsIs {
            columns.append((AsIsComparison.label, [baseAsIs.unplaced] + points.compactMap { $0.asIs?.unplaced }))
        }
        for (index, figures) in base.enumerated() {
            columns.append(
                (figures.mode.rawValue, [figures.metrics.unplaced] + points.map { $0.modes[index].metrics.unplaced }))
        }
        let moving = columns.filter { Set($0.values).count > 1 }
        guard !moving.isEmpty else { return nil }
        let parts = moving.map { column in
            "\(column.label) \(NumberText.grouped(column.values.min() ?? 0)) to \(NumberText.grouped(column.values.max() ?? 0)) "
                + "(\(NumberText.grouped(column.values[0])) as set)"
        }
        // In council mode councils buy in turn: what the first take decides what is left for the rest.
        let councilMoves = moving.contains { $0.label == CommissioningMode.council.rawValue }
        return "Children without a place move across the ends: " + NumberText.listed(parts)
            + ". M1, M2 and the weekly cost are of the children placed: read them beside it."
            + (councilMoves
                ? " In council mode councils buy in turn, so an end that changes which places the first councils "
                    + "take can leave later councils short (the buying order's effect: `--draws` varies the order)."
                : "")
    }

    /// How the modes' own-council M1 moves with prices: the LP weighs a council's place against the
    /// market's by price, so the price of councils' places against the market's decides how far the
    /// modes use them; as-is keeps today's placements, and only its cost moves.
    public var priceNote: String? {
        let pricePoints = points.filter { MarketAssumptions.priceKeys.contains($0.key) }
        guard !pricePoints.isEmpty else { return nil }
        let parts = base.indices.compactMap { index -> String? in
            let shares = ([base[index]] + pricePoints.map { $0.modes[index] }).compactMap(
                \.metrics.m1OwnAuthorityRunShare)
            guard let low = shares.min(), let high = shares.max(), high - low >= 0.0005 else { return nil }
            return "\(NumberText.percent(low)) to \(NumberText.percent(high)) in \(base[index].mode.rawValue) mode "
                + "(\(NumberText.percent(base[index].metrics.m1OwnAuthorityRunShare)) as set)"
        }
        guard !parts.isEmpty else { return nil }
        return "Prices move how far the modes use councils' own places: across the price ranges, own-council M1 "
            + "runs from " + NumberText.listed(parts) + ". A mode weighs each place's price with its distance and "
            + "the out-of-area penalty, so the councils' places that win only narrowly (in-house carers living "
            + "in a neighbouring authority, against an agency's in the child's own) go to the market once "
            + "councils' prices rise against the market's, though they stay the cheaper; as-is keeps today's "
            + "placements, and only its cost moves."
    }

    /// The assumptions none of whose ends moves a figure shown (England has no places beyond its
    /// boundary, so their distance and price change nothing there), said rather than left to be found.
    public var unmovingNote: String? {
        func figures(_ asIs: ScopeMetrics?, _ modes: ModeFigures) -> [ScopeMetrics?] { [asIs] + modes.map(\.metrics) }
        let base = figures(baseAsIs, self.base)
        var order: [String] = []
        var moves: [String: Bool] = [:]
        for point in points {
            if moves[point.assumption] == nil { order.append(point.assumption) }
            let moved = zip(figures(point.asIs, point.modes), base).contains { a, b in
                a?.m1OwnAuthorityRunShare != b?.m1OwnAuthorityRunShare || a?.m2InAreaShare != b?.m2InAreaShare
                    || a?.weeklyCost != b?.weeklyCost || a?.unplaced != b?.unplaced
            }
            moves[point.assumption] = (moves[point.assumption] ?? false) || moved
        }
        let still = order.filter { moves[$0] == false }
        guard !still.isEmpty else { return nil }
        return "At either end, " + NumberText.listed(still)
            + " \(still.count == 1 ? "moves" : "move") none of the figures shown (own-council M1, M2, weekly cost, "
            + "children without a place)."
    }

    /// The report's section: one row per end, as-is's and each mode's own-council M1, M2 and weekly cost.
    public var section: ReportSection {
        let hasAsIs = baseAsIs != nil
        let columns: [ReportTable.Column] =
            [
                .init("Assumption", key: "assumption", numeric: false), .init("End", key: "end", numeric: false),
                .init("Value", key: "value"),
            ] + (hasAsIs ? PolicyWeightSensitivity.columns(label: AsIsComparison.label) : [])
            + base.flatMap { PolicyWeightSensitivity.columns(label: $0.mode.rawValue) }
        func cells(_ asIs: ScopeMetrics?, _ solved: ModeFigures) -> [ReportValue] {
            (hasAsIs
                ? asIs.map(PolicyWeightSensitivity.cells)
                    ?? [.share(nil), .share(nil), .pounds(nil), .number(nil, .count)] : [])
                + solved.flatMap { PolicyWeightSensitivity.cells($0.metrics) }
        }
        let rows: [[ReportValue]] =
            [[.text("(as set)"), .text(""), .number(nil, .decimal)] + cells(baseAsIs, base)]
            + points.map { point in
                [.text(point.assumption), .text(point.end), .number(point.value, .decimal)]
                    + cells(point.asIs, point.modes)
            }
        var blocks: [ReportBlock] = [
            .paragraph(
                "Today's market rests on assumptions, each with a documented range (listed with today's market): "
                    + "each is set at both ends of its range, the others as they are, and today's market built "
                    + "again (the as-is calibration too, for occupancy and short-break places); as-is and every "
                    + "mode are then solved again. Prices are the scenario's, council-run places' and the "
                    + "market's each scaled across its range, every placement type together: a type's own price "
                    + "range in the scenario's notes may be wider (a type priced from few sources) and is not "
                    + "tried here; change that type's prices in providers.csv to try it. Occupancy is the share of registered residential places "
                    + "counted as usable (vacancy friction): the higher it is, the more places there are.")
        ]
        if let note = regionalLeadNote { blocks.append(.paragraph(note)) }
        if let note = changeFromAsIsNote { blocks.append(.paragraph(note)) }
        if let note = priceNote { blocks.append(.paragraph(note)) }
        if let note = unplacedNote { blocks.append(.paragraph(note)) }
        if let note = unmovingNote { blocks.append(.paragraph(note)) }
        blocks.append(
            .table(
                ReportTable(
                    id: "market-sensitivity", caption: "As-is and each mode at each end of each assumption's range",
                    columns: columns, rows: rows)))
        return ReportSection("How the comparison moves with today's market's assumptions", blocks)
    }
}
