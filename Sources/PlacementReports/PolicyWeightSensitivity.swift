import PlacementOptimisation
import PlacementScenarios

/// How a comparison moves with the policy's weights (`compare --sensitivity`). The weights of the
/// objective (what a mile, a placement out of area, a council's own place and a pound are worth
/// against each other) are the scenario's value judgements, not measurements: each is tried at both
/// ends of a wide range, the others as set, and every mode solved again.
public struct PolicyWeightSensitivity: Sendable {
    /// Each mode's whole-scenario measures, in the comparison's mode order.
    public typealias ModeFigures = [(mode: CommissioningMode, metrics: ScopeMetrics)]

    /// One weight of the policy, and the ends of its range.
    public struct Weight: Sendable {
        public var label: String
        /// The scenario.yaml key.
        public var key: String
        public var keyPath: WritableKeyPath<Policy, Double> & Sendable
        /// The low and high ends, from the scenario's value.
        public var ends: @Sendable (Double) -> (low: Double, high: Double)
    }

    /// None of it to three times it; the weight on price from half to twice (none would make price
    /// no object).
    public static let weights: [Weight] = [
        Weight(
            label: "cost per mile (£ a week)", key: "cost_per_mile", keyPath: \.costPerMile,
            ends: { (0, 3 * $0) }),
        Weight(
            label: "out-of-area penalty (£ a week)", key: "out_of_area_penalty", keyPath: \.outOfAreaPenalty,
            ends: { (0, 3 * $0) }),
        Weight(
            label: "council-run preference (£ a week)", key: "local_authority_preference",
            keyPath: \.localAuthorityPreference, ends: { (0, 3 * $0) }),
        Weight(label: "weight on price", key: "price_weight", keyPath: \.priceWeight, ends: { ($0 / 2, 2 * $0) }),
    ]

    /// One end of one weight's range, every mode solved there.
    public struct Point: Sendable {
        public var weight: String
        public var key: String
        /// `low` or `high`.
        public var end: String
        public var value: Double
        public var modes: ModeFigures

        public init(
            weight: String, key: String, end: String, value: Double,
            modes: ModeFigures
        ) {
            self.weight = weight
            self.key = key
            self.end = end
            self.value = value
            self.modes = modes
        }
    }

    /// The comparison as solved, with the policy as set.
    public var base: ModeFigures
    public var points: [Point]

    public init(base: ModeFigures, points: [Point]) {
        self.base = base
        self.points = points
    }

    /// The ends to solve for `policy`: every weight at each end of its range that differs from its value.
    public static func ends(of policy: Policy) -> [(weight: Weight, end: String, value: Double)] {
        weights.flatMap { weight in
            let value = policy[keyPath: weight.keyPath]
            let (low, high) = weight.ends(value)
            return [("low", low), ("high", high)].filter { $0.1 != value }.map { (weight, $0.0, $0.1) }
        }
    }

    /// Where regional commissioning's lead over council commissioning in M2 (when both are solved)
    /// changes sign across the ends: the comparison's headline question.
    public var regionalLeadNote: String? {
        Self.regionalLeadNote(base: base, ends: points.map { ("\($0.weight) \($0.end)", $0.modes) }, resting: "weights")
    }

    /// Regional commissioning's M2 lead over council commissioning at `base` and at each of `ends`
    /// (label, figures): whether it holds, or where it turns; `resting`: what the answer then rests on.
    static func regionalLeadNote(base: ModeFigures, ends: [(label: String, modes: ModeFigures)], resting: String)
        -> String?
    {
        func lead(_ modes: ModeFigures) -> Double? {
            guard let regional = modes.first(where: { $0.mode == .regional })?.metrics.m2InAreaShare,
                let council = modes.first(where: { $0.mode == .council })?.metrics.m2InAreaShare
            else { return nil }
            return regional - council
        }
        guard let baseLead = lead(base) else { return nil }
        let leads = ends.compactMap { end in lead(end.modes).map { (end.label, $0) } }
        let flipped = leads.filter { ($0.1 > 1e-9) != (baseLead > 1e-9) }
        let range = (leads.map(\.1) + [baseLead])
        let low = NumberText.decimal((range.min() ?? 0) * 100, places: 1)
        let high = NumberText.decimal((range.max() ?? 0) * 100, places: 1)
        guard !flipped.isEmpty else {
            return "Regional commissioning's M2 \(baseLead > 1e-9 ? "lead over" : "shortfall against") council "
                + "commissioning holds at every end of every range (from \(low) to \(high) points)."
        }
        return "Regional commissioning's M2 \(baseLead > 1e-9 ? "lead over" : "shortfall against") council "
            + "commissioning turns at " + NumberText.listed(flipped.map(\.0))
            + " (from \(low) to \(high) points across the ends): the comparison's answer rests on these \(resting)."
    }

    /// A group of columns (`label`: a mode, or as-is): own-council M1, M2, weekly cost and children
    /// without a place (M1, M2 and cost are of the children placed, so they are read beside it).
    static func columns(label: String) -> [ReportTable.Column] {
        let key = label.replacingOccurrences(of: "-", with: "_")
        var columns = [
            ReportTable.Column("\(label): M1 own", key: "\(key)_m1_own_council_share"),
            ReportTable.Column("\(label): M2", key: "\(key)_m2_in_area_share"),
            ReportTable.Column("\(label): weekly cost", key: "\(key)_weekly_cost"),
            ReportTable.Column("\(label): unplaced", key: "\(key)_unplaced"),
        ]
        for index in columns.indices { columns[index].group = label }
        return columns
    }

    /// The cells of ``columns(label:)``.
    static func cells(_ metrics: ScopeMetrics) -> [ReportValue] {
        [
            .share(metrics.m1OwnAuthorityRunShare), .share(metrics.m2InAreaShare), .pounds(metrics.weeklyCost),
            .number(Double(metrics.unplaced), .count),
        ]
    }

    /// The report's section: one row per end, each mode's own-council M1, M2, weekly cost and unplaced.
    public var section: ReportSection {
        let modes = base.map(\.mode)
        var columns: [ReportTable.Column] = [
            .init("Weight", key: "weight", numeric: false), .init("End", key: "end", numeric: false),
            .init("Value", key: "value"),
        ]
        columns += modes.flatMap { Self.columns(label: $0.rawValue) }
        func cells(_ solved: ModeFigures) -> [ReportValue] { solved.flatMap { Self.cells($0.metrics) } }
        let rows: [[ReportValue]] =
            [[.text("(as set)"), .text(""), .number(nil, .decimal)] + cells(base)]
            + points.map { point in
                [.text(point.weight), .text(point.end), .number(point.value, .decimal)] + cells(point.modes)
            }
        var blocks: [ReportBlock] = [
            .paragraph(
                "The objective's weights are the scenario's value judgements (its policy in scenario.yaml), not "
                    + "measurements: each is tried at none and at three times its value (the weight on price at "
                    + "half and twice), the others as set, and every mode solved again in the same market.")
        ]
        if let note = regionalLeadNote { blocks.append(.paragraph(note)) }
        blocks.append(
            .table(
                ReportTable(
                    id: "sensitivity", caption: "Each mode at each end of each weight's range", columns: columns,
                    rows: rows)))
        return ReportSection("How the comparison moves with the policy's weights", blocks)
    }
}
