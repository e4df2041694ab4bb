import Foundation
import PlacementScenarios

/// How a forecast fitted on the years up to `origin` fares against what DfE later published, beside
/// persistence and a straight-line trend.
public struct Backtest: Sendable {
    public var forecast: DemandForecast
    /// Mean absolute percentage error and mean absolute error per method, series and year, over the
    /// authorities whose figure was published and above zero (the same authorities for every method).
    public var errors: [ErrorFigure]
    /// Share of authorities whose published figure lies inside the 80% and 95% intervals.
    public var coverage: [CoverageFigure]
    /// Share of England's and (once scored, ``scoreCooperatives(_:)``) the co-operatives' series whose
    /// published figure lies inside the 80% and 95% intervals, per year, every series together.
    public var aggregateCoverage: [AggregateCoverage] = []
    /// Authorities some of whose fitted figures are estimates, not DfE's: a successor authority
    /// before its first year (its origin-year figures are the model's start and persistence's forecast).
    public var estimatedFigures: [EstimatedFigures]
    /// The earlier origins whose one-year errors the intervals rest on; empty when the fitted years
    /// allow none, and the intervals are a default spread.
    public var intervalOrigins: [Int]
    /// The settings it was run with.
    public var settings: ForecastSettings

    public struct ErrorFigure: Sendable, Equatable {
        public var method: ForecastMethod
        public var series: ForecastSeries
        public var year: Int
        /// In percent.
        public var meanAbsolutePercentageError: Double
        /// In children.
        public var meanAbsoluteError: Double
        public var authorities: Int
    }

    public struct CoverageFigure: Sendable, Equatable {
        public var series: ForecastSeries
        public var year: Int
        public var within80: Double
        public var within95: Double
        public var authorities: Int
        /// Of `authorities`, those whose published figure is 0: an interval about a forecast near 0
        /// holds it with little to show.
        public var publishedZero: Int
    }

    /// England's or the co-operatives' coverage in one year, over every series with a published figure.
    public struct AggregateCoverage: Sendable, Equatable {
        /// `england` or `cooperatives`.
        public var scopes: String
        public var year: Int
        /// Scope-series pairs with a published figure (England: up to 9 series).
        public var figures: Int
        public var within80: Double
        public var within95: Double
    }

    /// An authority whose total in some fitted years is an estimate.
    public struct EstimatedFigures: Sendable, Equatable {
        public var code: String
        public var name: String
        public var region: String
        /// The fitted years whose figures are estimated.
        public var years: [Int]
        /// The retired county whose figure they are a share of.
        public var predecessor: RetiredCounty?
    }

    /// Which method did best on one series and year.
    public struct Verdict: Sendable, Equatable {
        public var series: ForecastSeries
        public var year: Int
        public var authorities: Int
        /// The methods with the lowest mean absolute percentage error, in `ForecastMethod` order: more
        /// than one when they tie (within ``tieTolerance``).
        public var best: [ForecastMethod]
        /// Fewer than ``fewestAuthorities`` authorities were scored: too few to say which is best.
        public var tooFewToTell: Bool
    }

    /// Percentage points below which two errors tie: under the two decimals the reports print.
    public static let tieTolerance = 0.005

    /// The fewest authorities an error average must cover for the report to say which method is
    /// best (residential school: 2 in 2024 from 2023; most authorities publish 0 there).
    public static let fewestAuthorities = 20

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
                    var percentages = 0.0
                    var children = 0.0
                    for index in scored {
                        let published = Double(history.authorities[index].years[year]?.published.value(series) ?? 0)
                        let predicted = point.values[index][series]?[step] ?? 0
                        percentages += abs(predicted - published) / published
                        children += abs(predicted - published)
                    }
                    errors.append(
                        ErrorFigure(
                            method: method, series: series, year: year,
                            meanAbsolutePercentageError: 100 * percentages / Double(scored.count),
                            meanAbsoluteError: children / Double(scored.count), authorities: scored.count))
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
                        authorities: withPublished.count, publishedZero: withPublished.filter { $0.1 == 0 }.count))
            }
        }
        let estimated = history.authorities.compactMap { authority -> EstimatedFigures? in
            let years = (history.firstYear...origin).filter { year in
                guard let figures = authority.years[year] else { return false }
                return figures.total != nil && figures.published.total == nil
            }
            guard !years.isEmpty else { return nil }
            return EstimatedFigures(
                code: authority.code, name: authority.name, region: authority.region, years: years,
                predecessor: HistoryBuilder.predecessor(of: authority.code))
        }
        return Backtest(
            forecast: forecast, errors: errors, coverage: coverage,
            aggregateCoverage: aggregateCoverage([forecast.england], scopes: "england", years: forecast.years),
            estimatedFigures: estimated,
            intervalOrigins: PredictionIntervals.earlierOrigins(history, origin: origin), settings: settings)
    }

    /// Adds the co-operatives' coverage (a scenario's, each its members' sum) beside England's.
    public mutating func scoreCooperatives(_ cooperatives: [DemandForecast.ScopeForecast]) {
        aggregateCoverage.removeAll { $0.scopes == "cooperatives" }
        aggregateCoverage += Self.aggregateCoverage(cooperatives, scopes: "cooperatives", years: forecast.years)
    }

    static func aggregateCoverage(
        _ scopes: [DemandForecast.ScopeForecast], scopes kind: String, years: [Int]
    ) -> [AggregateCoverage] {
        years.compactMap { year in
            let figures = scopes.flatMap { scope in
                (scope.years.first { $0.year == year }?.series.values ?? [:].values).compactMap { figure in
                    figure.published.map { (figure.interval, Double($0)) }
                }
            }
            guard !figures.isEmpty else { return nil }
            let count = Double(figures.count)
            return AggregateCoverage(
                scopes: kind, year: year, figures: figures.count,
                within80: Double(figures.filter { $0.0.contains80($0.1) }.count) / count,
                within95: Double(figures.filter { $0.0.contains95($0.1) }.count) / count)
        }
    }

    public func error(_ method: ForecastMethod, _ series: ForecastSeries, _ year: Int) -> Double? {
        figure(method, series, year)?.meanAbsolutePercentageError
    }

    public func figure(_ method: ForecastMethod, _ series: ForecastSeries, _ year: Int) -> ErrorFigure? {
        errors.first { $0.method == method && $0.series == series && $0.year == year }
    }

    /// The verdict per series and year, in output order, where every method was scored.
    public var verdicts: [Verdict] {
        ForecastSeries.all.flatMap { series in
            forecast.years.compactMap { year in verdict(series, year) }
        }
    }

    public func verdict(_ series: ForecastSeries, _ year: Int) -> Verdict? {
        let figures = ForecastMethod.allCases.compactMap { figure($0, series, year) }
        guard figures.count == ForecastMethod.allCases.count,
            let lowest = figures.map(\.meanAbsolutePercentageError).min()
        else { return nil }
        let best = figures.filter { $0.meanAbsolutePercentageError - lowest < Self.tieTolerance }.map(\.method)
        let authorities = figures[0].authorities
        return Verdict(
            series: series, year: year, authorities: authorities, best: best,
            tooFewToTell: authorities < Self.fewestAuthorities)
    }

    /// Whether the model's constants were chosen on this very backtest (``ForecastSettings/tunedOn``).
    public var inSample: Bool { forecast.firstFitted...forecast.origin == ForecastSettings.tunedOn }
}
