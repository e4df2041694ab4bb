import Foundation
import PlacementScenarios

/// Prediction intervals from the model's own one-year-ahead errors in earlier years.
///
/// For each origin before the last fitted year (2022 for a backtest fitted on 2021–2023; 2022–2024
/// for a forecast fitted on 2021–2025) the model is refitted on the years up to that origin and
/// forecasts the next year. Each error `e = log((published + 1) / (forecast + 1))` is modelled as
/// having variance `s² + k / (forecast + 1)`: a part shared by authorities of every size and a
/// counting part that shrinks as the count grows; `s²` and `k` are fitted by least squares of
/// `e²` on `1 / (forecast + 1)`, per series. The standardised errors, less their mean, are resampled (seeded
/// bootstrap): the error `h` years ahead is the sum of `h` draws, and its 10th/90th and
/// 2.5th/97.5th percentiles, divided by √h (their shape), scaled by the authority's standard
/// deviation `h` years ahead, give the 80% and 95% intervals. That deviation is
/// `√(h·s² + k / (forecast + 1))`: the shared part is a drift of the level that adds up year after
/// year, the counting part the noise of one year's count about it, which does not (compounding it
/// had put a council's forecast of no children in a type at 0–93 five years ahead).
///
/// England and co-operatives have intervals from their own one-year errors, as authorities do: at
/// each earlier origin the aggregate's error is `log((actual + n) / (forecast + n))` of its `n`
/// members' summed forecasts (England's actual DfE's England figure, a co-operative's its members'
/// sum), which keeps whatever moves the members together. Their variance is the members' variances
/// added as independent (on the scale of their counts plus one each), plus a drift that adds up
/// year after year: the aggregate's mean squared one-year error beyond what independent members
/// explain. That drift rests on as many errors as there are earlier origins (one for a backtest
/// from 2023, three for the product), so the bounds are Student's t quantiles with the
/// Welch–Satterthwaite degrees of freedom of the sum, not the authorities' bootstrapped ones:
/// the square of one year's error is no measured variance. (Before, every aggregate took the
/// square of the authorities' forecast-weighted mean error as a known variance and the
/// authorities' bootstrapped quantiles, and England's 2024–2025 published figures fell outside
/// even the 95% interval in 8 of 18 series-years.)
struct PredictionIntervals {
    struct Spread {
        var shared: Double
        var counting: Double
        /// Per year ahead (index 0 = one year): the 2.5th, 10th, 90th and 97.5th percentiles of the
        /// standardised error.
        var quantiles: [[Double]]
    }

    var spreads: [ForecastSeries: Spread]
    /// The one-year forecasts from each earlier origin, whose errors an aggregate's intervals rest on.
    var earlier: [EarlierYear] = []

    /// One earlier origin's one-year forecasts and what they forecast, per authority code and series
    /// (the figure fitted, estimated where DfE suppresses it, as authorities' errors use), and
    /// England's published figure.
    struct EarlierYear: Sendable {
        var origin: Int
        var authorities: [String: [ForecastSeries: OneYear]]
        var england: [ForecastSeries: Double]
    }

    struct OneYear: Sendable {
        var forecast: Double
        var actual: Double
    }

    static let probabilities = [0.025, 0.1, 0.9, 0.975]

    static func fit(
        _ history: ForecastHistory, origin: Int, steps: Int, settings: ForecastSettings
    ) -> PredictionIntervals {
        var errors: [ForecastSeries: [(error: Double, size: Double)]] = [:]
        var earlierYears: [EarlierYear] = []
        for earlier in earlierOrigins(history, origin: origin) {
            let forecast = PointForecast.make(
                history, origin: earlier, steps: 1, settings: settings, method: .model)
            var year = EarlierYear(origin: earlier, authorities: [:], england: [:])
            defer { earlierYears.append(year) }
            for series in ForecastSeries.all {
                if let england = history.england[earlier + 1]?.value(series) { year.england[series] = Double(england) }
            }
            for (index, authority) in history.authorities.enumerated() {
                guard let actual = authority.years[earlier + 1] else { continue }
                for series in ForecastSeries.all {
                    guard let value = PointForecast.observed(actual, series),
                        let predicted = forecast.values[index][series]?.first
                    else { continue }
                    let error = log((value + 1) / (predicted + 1))
                    errors[series, default: []].append((error, predicted + 1))
                    year.authorities[authority.code, default: [:]][series] = OneYear(forecast: predicted, actual: value)
                }
            }
        }
        var spreads: [ForecastSeries: Spread] = [:]
        var random = SeededRandom(seed: settings.seed)
        for series in ForecastSeries.all {
            let pool = errors[series] ?? []
            let (shared, counting) = variance(pool)
            // Centred: the interval is about the forecast, not a correction of it.
            let raw = pool.map { $0.error / (shared + counting / $0.size).squareRoot() }
            let mean = raw.isEmpty ? 0 : raw.reduce(0, +) / Double(raw.count)
            let standardised = raw.map { $0 - mean }
            var quantiles: [[Double]] = []
            for step in 1...max(1, steps) {
                guard !standardised.isEmpty else {
                    quantiles.append([-1.96, -1.2816, 1.2816, 1.96].map { $0 * Double(step).squareRoot() })
                    continue
                }
                var sums: [Double] = []
                sums.reserveCapacity(settings.draws)
                for _ in 0..<settings.draws {
                    var sum = 0.0
                    for _ in 0..<step { sum += standardised[random.next(below: standardised.count)] }
                    sums.append(sum)
                }
                sums.sort()
                let drawn = probabilities.map { probability in
                    sums[min(sums.count - 1, Int(probability * Double(sums.count)))]
                }
                quantiles.append([min(drawn[0], 0), min(drawn[1], 0), max(drawn[2], 0), max(drawn[3], 0)])
            }
            spreads[series] = Spread(shared: shared, counting: counting, quantiles: quantiles)
        }
        return PredictionIntervals(spreads: spreads, earlier: earlierYears)
    }

    /// The origins whose one-year errors the intervals of a forecast from `origin` rest on: each
    /// fitted on at least two years, with its next year fitted too.
    static func earlierOrigins(_ history: ForecastHistory, origin: Int) -> [Int] {
        origin - 1 >= history.firstYear + 1 ? Array((history.firstYear + 1)...(origin - 1)) : []
    }

    /// Least squares of `e²` on `1 / size`, kept positive.
    static func variance(_ pool: [(error: Double, size: Double)]) -> (shared: Double, counting: Double) {
        guard pool.count >= 2 else { return (0.01, 0.5) }
        let xs = pool.map { 1 / $0.size }
        let ys = pool.map { $0.error * $0.error }
        let count = Double(pool.count)
        let meanX = xs.reduce(0, +) / count
        let meanY = ys.reduce(0, +) / count
        let sxx = zip(xs, xs).reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanX) }
        let sxy = zip(xs, ys).reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) }
        let counting = sxx > 0 ? max(0, sxy / sxx) : 0
        let shared = max(1e-4, meanY - counting * meanX)
        return (shared, counting)
    }

    /// The variance of one authority's log error `step` years ahead: the level's drift adds up,
    /// the count's own noise does not.
    func variance(_ series: ForecastSeries, forecast: Double, step: Int) -> Double {
        guard let spread = spreads[series] else { return 0 }
        return Double(step) * spread.shared + spread.counting / (forecast + 1)
    }

    /// The interval around an authority's `forecast` `step` years ahead.
    func interval(_ series: ForecastSeries, forecast: Double, step: Int) -> Interval {
        interval(
            series, forecast: forecast, offset: 1, step: step,
            deviation: variance(series, forecast: forecast, step: step).squareRoot())
    }

    /// The interval around the sum of several authorities' forecasts (England's when `england`, else
    /// a co-operative's), on the scale of the members' counts plus one each: the members' variances
    /// as independent plus the aggregate's own drift, with Student's t quantiles (see the type).
    func interval(
        _ series: ForecastSeries, members: [(code: String, forecast: Double)], step: Int, england: Bool
    ) -> Interval {
        let forecasts = members.map(\.forecast)
        let total = forecasts.reduce(0, +)
        guard spreads[series] != nil else {
            return Interval(forecast: total, lower80: total, upper80: total, lower95: total, upper95: total)
        }
        let offset = Double(members.count)
        let independent = independentVariance(series, forecasts, step: step)
        let (drift, errors) = aggregateDrift(series, codes: members.map(\.code), england: england)
        let driftVariance = Double(step) * drift
        let variance = independent + driftVariance
        // Welch–Satterthwaite: the members' part is fitted on many authorities' errors, the drift on `errors` alone.
        let degrees = errors > 0 && driftVariance > 0 ? Double(errors) * pow(variance / driftVariance, 2) : .infinity
        let deviation = variance.squareRoot()
        func bound(_ probability: Double) -> Double {
            max(0, (total + offset) * exp(StudentT.quantile(probability, degrees: degrees) * deviation) - offset)
        }
        return Interval(
            forecast: total, lower80: bound(0.1), upper80: bound(0.9), lower95: bound(0.025), upper95: bound(0.975))
    }

    /// The variance of the log error of a sum of forecasts `step` years ahead were its members' errors
    /// independent, on the scale of their counts plus one each.
    func independentVariance(_ series: ForecastSeries, _ forecasts: [Double], step: Int) -> Double {
        let scale = forecasts.reduce(0, +) + Double(forecasts.count)
        guard scale > 0 else { return 0 }
        let sum = forecasts.reduce(0) { $0 + pow($1 + 1, 2) * variance(series, forecast: $1, step: step) }
        return sum / (scale * scale)
    }

    /// The yearly drift of an aggregate (England's when `england`, else the sum of `codes`): its mean
    /// squared one-year log error at the earlier origins less the part independent members explain
    /// (at least 0), and how many errors it rests on; with none, the authorities' shared part.
    func aggregateDrift(_ series: ForecastSeries, codes: [String], england: Bool) -> (drift: Double, errors: Int) {
        var squares: [Double] = []
        var explained: [Double] = []
        for year in earlier {
            let figures = codes.compactMap { year.authorities[$0]?[series] }
            guard !figures.isEmpty else { continue }
            let offset = Double(figures.count)
            let forecast = figures.reduce(0) { $0 + $1.forecast }
            let actual: Double
            if england {
                guard let published = year.england[series] else { continue }
                actual = published
            } else {
                actual = figures.reduce(0) { $0 + $1.actual }
            }
            squares.append(pow(log((actual + offset) / (forecast + offset)), 2))
            explained.append(independentVariance(series, figures.map(\.forecast), step: 1))
        }
        guard !squares.isEmpty else { return (spreads[series]?.shared ?? 0, 0) }
        let count = Double(squares.count)
        return (max(0, (squares.reduce(0, +) - explained.reduce(0, +)) / count), squares.count)
    }

    /// The interval around `forecast`, whose log error (of `forecast + offset`) has standard
    /// deviation `deviation` `step` years ahead.
    func interval(_ series: ForecastSeries, forecast: Double, offset: Double, step: Int, deviation: Double) -> Interval
    {
        guard let spread = spreads[series], let quantiles = spread.quantiles[safe: step - 1] else {
            return Interval(
                forecast: forecast, lower80: forecast, upper80: forecast, lower95: forecast, upper95: forecast)
        }
        // The bootstrapped sums of `step` standardised errors give the shape; the deviation the scale.
        let shape = 1 / Double(step).squareRoot()
        func bound(_ quantile: Double) -> Double {
            max(0, (forecast + offset) * exp(quantile * shape * deviation) - offset)
        }
        return Interval(
            forecast: forecast, lower80: bound(quantiles[1]), upper80: bound(quantiles[2]),
            lower95: bound(quantiles[0]), upper95: bound(quantiles[3]))
    }
}

/// A forecast with its 80% and 95% prediction intervals.
public struct Interval: Sendable, Equatable {
    public var forecast: Double
    public var lower80: Double
    public var upper80: Double
    public var lower95: Double
    public var upper95: Double

    public func contains80(_ value: Double) -> Bool { lower80 <= value && value <= upper80 }
    public func contains95(_ value: Double) -> Bool { lower95 <= value && value <= upper95 }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
