import Foundation
import PlacementScenarios

/// How a forecast fitted on the years up to `origin` fares against what DfE later published, beside
/// persistence and a straight-line trend.
public struct Backtest: Sendable {
    public var forecast: DemandForecast
    /// Mean absolute percentage error per method, series and year, over the authorities whose
    /// figure was published and above zero (the same authorities for every method).
    public var errors: [ErrorFigure]
    /// Share of authorities whose published figure lies inside the 80% and 95% intervals.
    public var coverage: [CoverageFigure]

    public struct ErrorFigure: Sendable, Equatable {
        public var method: ForecastMethod
        public var series: ForecastSeries
        public var year: Int
        public var meanAbsolutePercentageError: Double
        public var authorities: Int
    }

    public struct CoverageFigure: Sendable, Equatable {
        public var series: ForecastSeries
        public var year: Int
        public var within80: Double
        public var within95: Double
        public var authorities: Int
    }

    public static func run(
        _ history: ForecastHistory, origin: Int, settings: ForecastSettings = ForecastSettings()
    ) -> Backtest {
        let lastYear = history.lastYear
        let forecast = DemandForecast.make(history, origin: origin, through: lastYear, settings: settings)
        let steps = lastYear - origin
        let methods = ForecastMethod.allCases.map { method in
            (method, PointForecast.make(history, origin: origin, steps: steps, settings: settings, method: method))
        }
        var errors: [ErrorFigure] = []
        var coverage: [CoverageFigure] = []
        for (step, year) in forecast.years.enumerated() {
            for series in ForecastSeries.all {
                let scored = history.authorities.indices.filter { index in
                    guard let published = history.authorities[index].years[year]?.published.value(series),
                        published > 0
                    else { return false }
                    return methods.allSatisfy { $0.1.values[index][series] != nil }
                }
                guard !scored.isEmpty else { continue }
                for (method, point) in methods {
                    let total = scored.reduce(0.0) { sum, index in
                        let published = Double(history.authorities[index].years[year]?.published.value(series) ?? 0)
                        let predicted = point.values[index][series]?[step] ?? 0
                        return sum + abs(predicted - published) / published
                    }
                    errors.append(
                        ErrorFigure(
                            method: method, series: series, year: year,
                            meanAbsolutePercentageError: 100 * total / Double(scored.count), authorities: scored.count))
                }
                let withPublished = forecast.authorities.compactMap { scope -> (Interval, Int)? in
                    guard let figure = scope.years[safe: step]?.series[series], let published = figure.published
                    else { return nil }
                    return (figure.interval, published)
                }
                guard !withPublished.isEmpty else { continue }
                let count = Double(withPublished.count)
                coverage.append(
                    CoverageFigure(
                        series: series, year: year,
                        within80: Double(withPublished.filter { $0.0.contains80(Double($0.1)) }.count) / count,
                        within95: Double(withPublished.filter { $0.0.contains95(Double($0.1)) }.count) / count,
                        authorities: withPublished.count))
            }
        }
        return Backtest(forecast: forecast, errors: errors, coverage: coverage)
    }

    public func error(_ method: ForecastMethod, _ series: ForecastSeries, _ year: Int) -> Double? {
        errors.first { $0.method == method && $0.series == series && $0.year == year }?.meanAbsolutePercentageError
    }
}
