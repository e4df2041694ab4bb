import PlacementOptimisation
import PlacementScenarios

/// The comparison's co-operative and authority sections: a table per measure, each mode beside the
/// published figure, today's (as-is, when shown) and the change, with bar charts.
extension ComparisonReport {
    /// Per co-operative or per authority: a table per measure (published, each mode, the change),
    /// with a chart of M2, M1 and distance.
    func scopeSection(_ heading: String, kind: String, scopes: [[ModeMetrics.Scoped]]) -> ReportSection {
        let members = scopes[0]
        let byScope = "by " + (kind == "authority" ? "authority" : "co-operative")
        let publishedByScope: [PublishedSummary]? = published.map { published in
            members.map { scoped in
                PublishedSummary(year: published.year, authorities: scoped.members, actuals: scenario.actuals)
            }
        }
        // Today's figures of each scope, when as-is is shown: a column after the published one.
        let todayOfScope: [String: ScopeMetrics]? = asIs?.asIs.map { today in
            Dictionary(
                (kind == "authority" ? today.metrics.authorities : today.metrics.cooperatives).map {
                    ($0.id, $0.metrics)
                },
                uniquingKeysWith: { first, _ in first })
        }
        func today(_ value: (ScopeMetrics) -> Double?) -> [Double?]? {
            todayOfScope.map { byID in members.map { byID[$0.id].flatMap(value) } }
        }
        let charted =
            kind == "cooperative"
            ? scenario.authorities.count > Self.chartedAuthorityLimit
            : scenario.authorities.count <= Self.chartedAuthorityLimit
        var blocks: [ReportBlock] = []
        let measures:
            [(
                String, String, ReportValue.NumberStyle, KeyPath<ScopeMetrics, Double?>,
                KeyPath<PublishedSummary, Double?>?
            )] = [
                ("M2: placed in area", "m2", .share, \.m2InAreaShare, \.insideBoundaryShare),
                (
                    "M1: placed in own council's provision", "m1-own", .share, \.m1OwnAuthorityRunShare,
                    \.ownProvisionShare
                ),
                ("Mean distance from home (miles)", "mean-miles", .miles, \.meanDistanceMiles, nil),
            ]
        for (title, id, style, measure, publishedMeasure) in measures {
            let caption = "\(title), \(byScope)"
            let values = scopes.map { $0.map { $0.metrics[keyPath: measure] } }
            let publishedValues = publishedMeasure.flatMap { key in publishedByScope?.map { $0[keyPath: key] } }
            let todayValues = today { $0[keyPath: measure] }
            blocks.append(
                .table(
                    measureTable(
                        id: "\(kind)-\(id)", caption: caption, members: members, style: style, values: values,
                        published: publishedValues, today: todayValues)))
            if charted {
                var series: [ChartSeries] = []
                if let publishedValues, let year = published?.year {
                    series.append(
                        .init(name: "published \(year)", colour: ReportPalette.published, values: publishedValues))
                }
                if let todayValues {
                    series.append(.init(name: AsIsComparison.label, colour: ReportPalette.asIs, values: todayValues))
                }
                for (index, result) in results.enumerated() {
                    series.append(
                        .init(
                            name: result.mode.rawValue,
                            colour: ReportPalette.series[index % ReportPalette.series.count],
                            values: values[index]))
                }
                let chart = GroupedBarChart(
                    title: title, categories: members.map(\.name), series: series, style: style,
                    axisMaximum: style == .share ? 1 : nil)
                blocks.append(.figure(caption: caption, svg: chart.svg))
            }
        }
        let costs = scopes.map { $0.map { Optional($0.metrics.weeklyCost) } }
        blocks.append(
            .table(
                measureTable(
                    id: "\(kind)-weekly-cost",
                    caption: "Weekly cost, \(byScope)", members: members,
                    style: .pounds, values: costs, published: nil, today: today { $0.weeklyCost })))
        let unplaced = scopes.map { $0.map { Optional(Double($0.metrics.unplaced)) } }
        if unplaced.contains(where: { $0.contains { ($0 ?? 0) > 0 } }) {
            blocks.append(
                .table(
                    measureTable(
                        id: "\(kind)-unplaced",
                        caption: "Children left unplaced, \(byScope)",
                        members: members, style: .count, values: unplaced, published: nil,
                        today: today { Double($0.unplaced) })))
        }
        return ReportSection(heading, blocks)
    }

    func measureTable(
        id: String, caption: String, members: [ModeMetrics.Scoped], style: ReportValue.NumberStyle,
        values: [[Double?]], published publishedValues: [Double?]?, today todayValues: [Double?]? = nil
    ) -> ReportTable {
        var columns = [
            ReportTable.Column("Name", key: "name", numeric: false), .init("Code", key: "code", numeric: false),
        ]
        if publishedValues != nil, let year = published?.year {
            columns.append(.init("Published \(year)", key: "published_\(year)"))
        }
        if todayValues != nil { columns.append(.init(AsIsComparison.label, key: "as_is")) }
        columns += modeColumns
        let changeStyle: ReportValue.NumberStyle =
            switch style {
            case .share: .shareChange
            case .miles: .milesChange
            case .pounds: .poundsChange
            default: .countChange
            }
        if results.count > 1 { columns.append(.init("\(from) → \(to)", key: "change")) }
        let rows = members.indices.map { index -> [ReportValue] in
            var row: [ReportValue] = [.text(members[index].name), .text(members[index].id)]
            if let publishedValues, published != nil { row.append(.number(publishedValues[index], style)) }
            if let todayValues { row.append(.number(todayValues[index], style)) }
            row += values.map { .number($0[index], style) }
            if results.count > 1 {
                row.append(.change(from: values[baseline][index], to: values[alternative][index], changeStyle))
            }
            return row
        }
        return ReportTable(id: id, caption: caption, columns: columns, rows: rows)
    }
}
