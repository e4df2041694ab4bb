import PlacementOptimisation
import PlacementScenarios
import PlacementShocks

/// Every draw's measures, one row per case, mode, draw and scope: the figures the reports' means and
/// percentiles summarise, for a reader's own statistics (`comparison-draws.csv`, `stress-draws.csv`).
public enum DrawsCSV {
    /// One set of draws: a stress case's, labelled; `compare --draws`'s, with no label and no `case` column.
    public struct Draws {
        public var label: String?
        public var results: DrawResults

        public init(label: String?, results: DrawResults) {
            self.label = label
            self.results = results
        }
    }

    /// `focus`: with authorities, only their rows and their co-operatives' (`stress --authority`),
    /// as the reports keep them.
    public static func csv(_ sets: [Draws], focus: [AuthorityCode] = []) -> String {
        TabularReport.csv(table(sets, focus: focus))
    }

    static func table(_ sets: [Draws], focus: [AuthorityCode]) -> ReportTable {
        let labelled = sets.contains { $0.label != nil }
        let columns: [ReportTable.Column] =
            (labelled ? [.init("Case", key: "case", numeric: false)] : []) + [
                .init("Mode", key: "mode", numeric: false), .init("Draw", key: "draw"),
                .init("Council order seed", key: "council_order_seed", numeric: false),
                .init("Shock seed", key: "shock_seed", numeric: false),
                .init("Scope", key: "scope", numeric: false), .init("Code", key: "code", numeric: false),
                .init("Name", key: "name", numeric: false),
            ] + DrawMeasure.allCases.map { .init($0.label, key: $0.rawValue) }
        var rows: [[ReportValue]] = []
        for set in sets {
            let results = set.results
            // An authority with no children in the scenario (an import's other councils) has no figure.
            let withChildren = results.authoritiesWithChildren
            for (mode, perDraw) in zip(results.modes, results.metrics) {
                for (draw, metrics) in perDraw.enumerated() {
                    let seeds = results.seeds[draw]
                    // Seeds are 64-bit: written as text, as a spreadsheet would round them as numbers.
                    let lead: [ReportValue] =
                        (labelled ? [.text(set.label ?? "")] : []) + [
                            .text(mode.rawValue), .count(draw + 1), .text(String(seeds.councilOrderSeed)),
                            .text(String(seeds.shockSeed)),
                        ]
                    func row(_ scope: String, _ code: String, _ name: String, _ m: ScopeMetrics) -> [ReportValue] {
                        lead + [.text(scope), .text(code), .text(name)]
                            + DrawMeasure.allCases.map { .number($0.value(m), $0.perDrawStyle) }
                    }
                    rows.append(row("scenario", "", "", metrics.total))
                    for scoped in metrics.cooperatives where scoped.isShown(focus: focus) {
                        rows.append(row("cooperative", scoped.id, scoped.name, scoped.metrics))
                    }
                    for index in withChildren where metrics.authorities[index].isShown(focus: focus) {
                        let scoped = metrics.authorities[index]
                        rows.append(row("authority", scoped.id, scoped.name, scoped.metrics))
                    }
                }
            }
        }
        return ReportTable(id: "draws", caption: "Every draw's measures", columns: columns, rows: rows)
    }
}

extension DrawMeasure {
    /// One draw's figure: a count is whole, where its mean over draws is not.
    var perDrawStyle: ReportValue.NumberStyle { style == .meanCount ? .count : style }
}
