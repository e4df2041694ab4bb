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
/// had put a council's forecast of no children in a type at 0–93 five years ahead). For England and
/// co-operatives the members' variances add as independent on the scale of their counts plus one
/// each (a sum of `n` members is `total + n` on that scale, not `total + 1`), plus a common part
/// that moves every authority's forecast children together, a drift as the shared part: the square
/// of the forecast-weighted mean error of each earlier origin, averaged over origins.
struct PredictionIntervals {
    struct Spread {
        var shared: Double
        var counting: Double
        /// Variance of the error all authorities share in a year (for sums of authorities).
        var common: Double
        /// Per year ahead (index 0 = one year): the 2.5th, 10th, 90th and 97.5th percentiles of the
        /// standardised error.
        var quantiles: [[Double]]
    }

    var spreads: [ForecastSeries: Spread]

    static let probabilities = [0.025, 0.1, 0.9, 0.975]

    static func fit(
        _ history: ForecastHistory, origin: Int, steps: Int, settings: ForecastSettings
    ) -> PredictionIntervals {
        var errors: [ForecastSeries: [(error: Double, size: Double)]] = [:]
        var commonSquares: [ForecastSeries: [Double]] = [:]
        for earlier in earlierOrigins(history, origin: origin) {
            let forecast = PointForecast.make(
                history, origin: earlier, steps: 1, settings: settings, method: .model)
            var weighted: [ForecastSeries: (error: Double, weight: Double)] = [:]
            defer {
                for (series, sum) in weighted where sum.weight > 0 {
                    commonSquares[series, default: []].append(pow(sum.error / sum.weight, 2))
                }
            }
            for (index, authority) in history.authorities.enumerated() {
                guard let actual = authority.years[earlier + 1] else { continue }
                for series in ForecastSeries.all {
                    guard let value = PointForecast.observed(actual, series),
                        let predicted = forecast.values[index][series]?.first
                    else { continue }
                    let error = log((value + 1) / (predicted + 1))
                    errors[series, default: []].append((error, predicted + 1))
                    let sum = weighted[series] ?? (0, 0)
                    weighted[series] = (sum.error + predicted * error, sum.weight + predicted)
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
            let squares = commonSquares[series] ?? []
            let common = squares.isEmpty ? shared : squares.reduce(0, +) / Double(squares.count)
            spreads[series] = Spread(shared: shared, counting: counting, common: common, quantiles: quantiles)
        }
        return PredictionIntervals(spreads: spreads)
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

    /// The interval around the sum of several authorities' forecasts, on the scale of the members'
    /// counts plus one each.
    func interval(_ series: ForecastSeries, members: [Double], step: Int) -> Interval {
        let total = members.reduce(0, +)
        let offset = Double(members.count)
        let independent = members.reduce(0) { $0 + pow($1 + 1, 2) * variance(series, forecast: $1, step: step) }
        // The common error is the forecast-weighted mean: a drift of the forecast children, not of the offsets.
        let common = Double(step) * (spreads[series]?.common ?? 0) * total * total
        return interval(
            series, forecast: total, offset: offset, step: step,
            deviation: ((common + independent) / pow(total + offset, 2)).squareRoot())
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
