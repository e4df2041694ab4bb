import PlacementScenarios

/// Children looked after per authority, placement type and year ahead, with 80% and 95% prediction
/// intervals, fitted on the published years up to `origin`.
public struct DemandForecast: Sendable {
    /// The first fitted year (the first of the unbroken run of published years up to the origin).
    public var firstFitted: Int
    /// The last fitted year.
    public var origin: Int
    public var years: [Int]
    public var authorities: [ScopeForecast]
    public var england: ScopeForecast
    let intervals: PredictionIntervals
    let settings: ForecastSettings

    /// One authority's, co-operative's or England's forecast.
    public struct ScopeForecast: Sendable {
        public var code: String
        public var name: String
        /// The authorities it adds up (its own code for an authority).
        public var members: [String]
        public var years: [YearForecast]
    }

    public struct YearForecast: Sendable {
        public var year: Int
        public var series: [ForecastSeries: SeriesForecast]
    }

    public struct SeriesForecast: Sendable, Equatable {
        public var interval: Interval
        /// The published figure of that year, where there is one (a backtest); `nil` when
        /// suppressed or not yet published.
        public var published: Int?
    }

    /// Fits on `history.firstYear...origin` and forecasts each year to `lastYear`.
    public static func make(
        _ history: ForecastHistory, origin: Int, through lastYear: Int, settings: ForecastSettings = ForecastSettings()
    ) -> DemandForecast {
        let steps = max(1, lastYear - origin)
        let point = PointForecast.make(history, origin: origin, steps: steps, settings: settings, method: .model)
        let intervals = PredictionIntervals.fit(history, origin: origin, steps: steps, settings: settings)
        let years = Array((origin + 1)...(origin + steps))
        var scopes: [ScopeForecast] = []
        for (index, authority) in history.authorities.enumerated() {
            let yearForecasts = years.enumerated().map { step, year in
                var series: [ForecastSeries: SeriesForecast] = [:]
                for (key, values) in point.values[index] {
                    series[key] = SeriesForecast(
                        interval: intervals.interval(key, forecast: values[step], step: step + 1),
                        published: authority.years[year]?.published.value(key))
                }
                return YearForecast(year: year, series: Self.cappedByTotal(series))
            }
            scopes.append(
                ScopeForecast(
                    code: authority.code, name: authority.name, members: [authority.code], years: yearForecasts))
        }
        var forecast = DemandForecast(
            firstFitted: history.firstYear, origin: origin, years: years, authorities: scopes,
            england: ScopeForecast(code: OfficialTables.englandCode.rawValue, name: "England", members: [], years: []),
            intervals: intervals, settings: settings)
        forecast.england = forecast.sum(
            code: OfficialTables.englandCode.rawValue, name: "England", members: scopes, england: true,
            published: { year, series in history.england[year]?.value(series) })
        return forecast
    }

    /// A co-operative's forecast: its members' forecasts added up, with intervals for the sum. Its
    /// published figure is the members' sum when every member's is published.
    public func cooperative(_ cooperative: Cooperative) -> ScopeForecast {
        let codes = Set(cooperative.members.map(\.rawValue))
        let members = authorities.filter { codes.contains($0.code) }
        return sum(
            code: cooperative.id.rawValue, name: cooperative.name, members: members, england: false,
            published: { year, series in
                let values = members.map { member in
                    member.years.first { $0.year == year }?.series[series]?.published
                }
                return values.contains(where: { $0 == nil }) || values.isEmpty
                    ? nil : values.reduce(0) { $0 + ($1 ?? 0) }
            })
    }

    func sum(
        code: String, name: String, members: [ScopeForecast], england: Bool,
        published: (Int, ForecastSeries) -> Int?
    ) -> ScopeForecast {
        let yearForecasts = years.enumerated().map { step, year in
            var series: [ForecastSeries: SeriesForecast] = [:]
            for key in ForecastSeries.all {
                let values = members.compactMap { member -> (code: String, forecast: Double)? in
                    member.years[safe: step]?.series[key].map { (member.code, $0.interval.forecast) }
                }
                guard !values.isEmpty else { continue }
                series[key] = SeriesForecast(
                    interval: intervals.interval(key, members: values, step: step + 1, england: england),
                    published: published(year, key))
            }
            return YearForecast(year: year, series: Self.cappedByTotal(series))
        }
        return ScopeForecast(code: code, name: name, members: members.map(\.code), years: yearForecasts)
    }

    /// A part of the children (a placement type, UASC) cannot outnumber them all: its forecast and
    /// each of its bounds are at most the total's (UASC are forecast apart: the City of London's
    /// estimate of its suppressed count had 8 against a total of 7).
    static func cappedByTotal(_ series: [ForecastSeries: SeriesForecast]) -> [ForecastSeries: SeriesForecast] {
        guard let total = series[.total]?.interval else { return series }
        var capped = series
        for (key, value) in series where key != .total {
            var interval = value.interval
            interval.forecast = min(interval.forecast, total.forecast)
            interval.upper80 = min(interval.upper80, max(total.upper80, interval.forecast))
            interval.upper95 = min(interval.upper95, max(total.upper95, interval.forecast))
            interval.lower80 = min(interval.lower80, interval.forecast)
            interval.lower95 = min(interval.lower95, interval.lower80)
            capped[key]?.interval = interval
        }
        return capped
    }
}
