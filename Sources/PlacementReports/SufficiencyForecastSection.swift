import PlacementScenarios

/// Children looked after in an authority or co-operative, as DfE published them and as forecast
/// for the years ahead with 80% intervals: what a sufficiency report shows beside the published
/// trend. The forecasting module makes it; this module only shows it.
public struct DemandOutlook: Sendable {
    /// A forecast with its 80% prediction interval.
    public struct Range: Sendable, Equatable {
        public var forecast: Double
        public var lower80: Double
        public var upper80: Double

        public init(forecast: Double, lower80: Double, upper80: Double) {
            self.forecast = forecast
            self.lower80 = lower80
            self.upper80 = upper80
        }
    }

    /// A forecast type's name, saying what it gathers where that differs from the scenario's type of
    /// the same name (beside today's foster children, a forecast with kinship in reads as a jump).
    public static func label(of type: PlacementType) -> String {
        switch type {
        case .foster: "Foster care (kinship included)"
        case .childrensHome: "Children's home (secure included)"
        case .other: "Other (other residential settings and placements)"
        default: type.label
        }
    }

    /// One year: published (a fitted year) or forecast.
    public struct Year: Sendable {
        public var year: Int
        /// Children looked after at 31 March as published; `nil` when suppressed or in the future.
        public var published: Int?
        /// The forecast of all children looked after; `nil` in a fitted year.
        public var total: Range?
        /// The forecast per placement type (foster includes kinship, children's homes secure homes).
        public var byType: [PlacementType: Range]

        public init(year: Int, published: Int?, total: Range?, byType: [PlacementType: Range]) {
            self.year = year
            self.published = published
            self.total = total
            self.byType = byType
        }
    }

    /// The published years the forecast is fitted on.
    public var fittedYears: ClosedRange<Int>
    /// The fitted years, then the forecast years, in order.
    public var years: [Year]
    /// A line chart (SVG) of the published years and the forecast with its intervals.
    public var chart: String
    /// The children the region's mix of placement types counts as, pooled with an authority's own.
    public var typeMixPriorChildren: Double
    /// The scope's children looked after at 31 March of the last fitted year by DfE's five age groups
    /// (under 1 to 16 and over; estimated where DfE suppresses a cell, as the forecast reads them),
    /// for the needs analysis to set beside the scenario's; `nil` when a member has none.
    public var latestByAge: [Double]?
    /// Unaccompanied asylum-seeking children DfE published for the scope in the last fitted year;
    /// `nil` when suppressed for a member.
    public var latestUASC: Int?

    public init(fittedYears: ClosedRange<Int>, years: [Year], chart: String, typeMixPriorChildren: Double) {
        self.fittedYears = fittedYears
        self.years = years
        self.chart = chart
        self.typeMixPriorChildren = typeMixPriorChildren
    }

    var forecastYears: [Year] { years.filter { $0.total != nil } }
}

extension SufficiencyReport {
    /// What the report says about the years ahead.
    public enum Outlook: Sendable {
        case forecast(DemandOutlook)
        /// No forecast; the reason completes the sentence “No forecast is available: …”.
        case unavailable(reason: String)
    }

    var forecastSection: ReportSection {
        guard case .forecast(let outlook) = outlook, let first = outlook.forecastYears.first,
            let last = outlook.forecastYears.last
        else {
            let reason = if case .unavailable(let reason) = outlook { reason } else { "no forecast year" }
            return ReportSection("Future demand", [.paragraph("No forecast is available: \(reason).")])
        }
        let fitted = "\(outlook.fittedYears.lowerBound)–\(outlook.fittedYears.upperBound)"
        let totals = ReportTable(
            id: "forecast",
            caption: "Children looked after in \(scopeName) at 31 March: published \(fitted), forecast "
                + "\(first.year)–\(last.year) with its 80% interval",
            columns: [
                .init("Year", key: "year", numeric: false), .init("Published", key: "published"),
                .init("Forecast", key: "forecast"), .init("80% interval from", key: "lower80"),
                .init("80% interval to", key: "upper80"),
            ],
            rows: outlook.years.map { year in
                [
                    .year(year.year), .count(year.published), .number(year.total?.forecast, .count),
                    .number(year.total?.lower80, .count), .number(year.total?.upper80, .count),
                ]
            })
        // Types with no child in any forecast year (after rounding) would only add rows of zeros.
        let types = Set(outlook.forecastYears.flatMap(\.byType.keys)).sorted().filter { type in
            outlook.forecastYears.contains { ($0.byType[type]?.forecast ?? 0) >= 0.5 }
        }
        // One row per type and year, figures as numbers, so that the CSV and JSON can be summed and charted.
        let byType = ReportTable(
            id: "forecast-by-type",
            caption: "Forecast children looked after in \(scopeName) by placement type, with its 80% interval",
            columns: [
                .init("Placement type", key: "placement_type", numeric: false),
                .init("Year", key: "year", numeric: false),
                .init("Forecast", key: "forecast"), .init("80% interval from", key: "lower80"),
                .init("80% interval to", key: "upper80"),
            ],
            rows: types.flatMap { type in
                outlook.forecastYears.compactMap { year -> [ReportValue]? in
                    guard let range = year.byType[type] else { return nil }
                    return [
                        .text(DemandOutlook.label(of: type)), .year(year.year), .number(range.forecast, .count),
                        .number(range.lower80, .count), .number(range.upper80, .count),
                    ]
                }
            })
        return ReportSection(
            "Future demand: children looked after, \(first.year) to \(last.year)",
            [
                .paragraph(
                    "DfE's published children looked after for \(scopeName), \(fitted), and the forecast to "
                        + "\(last.year) from those years alone: an age-band stock-and-flow projection damped "
                        + "towards the last count, with 80% intervals (eight times in ten the published total "
                        + "should fall inside; in the backtest of DfE's years the README reports they held about that "
                        + "share of authorities' totals, but less by placement type for some, children's homes and "
                        + "other placements among them). "
                        + (isCooperativeScope
                            ? "The co-operative's forecast adds its members' up; its interval is the sum's. " : "")
                        + "By placement type, each authority's last mix of types is pooled with its region's as if "
                        + "the region added \(NumberText.grouped(outlook.typeMixPriorChildren)) children (so a council "
                        + "of as many takes about half the region's mix: a type it had none of can be forecast a "
                        + "child or two), and moved with England's yearly change in each share. "
                        + "Unlike the modelled figures above it is not bounded by the scenario's places. The method "
                        + "and its backtest are in the README (Demand forecast)."),
                .table(totals),
                .figure(
                    caption: "Children looked after in \(scopeName): published and forecast, with 80% and 95% "
                        + "intervals", svg: outlook.chart),
                .table(byType),
            ])
    }

    private var isCooperativeScope: Bool { if case .cooperative = scope { true } else { false } }
}
