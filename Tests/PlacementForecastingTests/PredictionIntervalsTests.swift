import PlacementScenarios
import Testing

@testable import PlacementForecasting

/// Prediction intervals worked by hand, with normal quantiles (±1.2816√h, ±1.96√h for sums of h
/// standardised errors), a shared variance s² = 0.01 and a counting part k = 0.49.
@Suite struct PredictionIntervalsTests {
    static let intervals = PredictionIntervals(spreads: [
        .total: .init(
            shared: 0.01, counting: 0.49,
            quantiles: (1...5).map { step in [-1.96, -1.2816, 1.2816, 1.96].map { $0 * Double(step).squareRoot() } })
    ])

    /// No children forecast, five years ahead: variance 5 × 0.01 + 0.49 / 1 = 0.54, so the upper
    /// 95% bound is exp(1.96 × √0.54) − 1 = 3.22. The count's noise does not add up over the years;
    /// had it, the bound would be exp(1.96 × √5 × √0.5) − 1 = 21.2.
    @Test func aCountsNoiseDoesNotCompoundOverTheYears() {
        let interval = Self.intervals.interval(.total, forecast: 0, step: 5)
        #expect(abs(interval.upper95 - 3.22196) < 1e-4)
        #expect(interval.lower95 == 0)
    }

    /// 999 children four years ahead: variance 4 × 0.01 + 0.49 / 1,000, so the upper 80% bound is
    /// 1,000 × exp(1.2816 × √0.04049) − 1 = 1,293.19: for a large count the level's drift is all.
    @Test func aLargeCountsDriftAddsUpYearByYear() {
        let interval = Self.intervals.interval(.total, forecast: 999, step: 4)
        #expect(abs(interval.upper80 - 1_293.19) < 0.01)
    }

    /// Ten members with no children forecast, five years ahead: each adds 1² × 0.54; the sum is on
    /// the scale of 0 + 10 (one per member), so the members' part is 10 × 0.54 / 10² = 0.054. With no
    /// earlier year to measure the sum's own drift, it drifts as an authority does (5 × 0.01), and
    /// with no error behind it the quantiles are normal: the upper 95% bound is
    /// 10 × exp(1.959964 × √0.104) − 10 = 8.8150 (on the scale of 0 + 1 it was 1,418.8 in a real
    /// co-operative).
    @Test func aSumIsOnTheScaleOfItsMembersCountsPlusOneEach() {
        let zeros = Self.intervals.interval(
            .total, members: (0..<10).map { ("A\($0)", 0) }, step: 5, england: false)
        #expect(zeros.forecast == 0)
        #expect(abs(zeros.upper95 - 8.81500) < 1e-4)
    }

    /// A co-operative of two authorities forecast 50 each, two years ahead, whose one earlier
    /// one-year forecast (50 each) met 60 each: the sum's error was log(122 / 102) = 0.17905, of whose
    /// square 0.032058 independent members explain 2 × 51² × (0.01 + 0.49 / 51) / 102² = 0.0098039;
    /// the drift is the rest, 0.022254 a year. Two years ahead the variance is the members' part
    /// 2 × 51² × (0.02 + 0.49 / 51) / 102² = 0.014804 plus 2 × 0.022254 = 0.059313, and the drift rests
    /// on one error: Welch–Satterthwaite's 1 × (0.059313 / 0.044509)² = 1.7758 degrees of freedom,
    /// whose t quantiles (scipy.stats.t.ppf) are 1.99509 (0.9) and 4.86741 (0.975). Upper bounds:
    /// 102 × exp(1.99509 × √0.059313) − 2 = 163.81 and 102 × exp(4.86741 × √0.059313) − 2 = 331.75.
    /// The members' variances alone (independent) would give 102 × exp(1.2816 × √0.014804) − 2 = 114.6:
    /// the sum's own error, 22 children above its forecast one year ahead, is what widens it.
    @Test func aSumsIntervalRestsOnItsOwnEarlierErrors() {
        var intervals = Self.intervals
        intervals.earlier = [
            .init(
                origin: 2022,
                authorities: [
                    "A": [.total: .init(forecast: 50, actual: 60)], "B": [.total: .init(forecast: 50, actual: 60)],
                ],
                england: [:])
        ]
        let sum = intervals.interval(.total, members: [("A", 50), ("B", 50)], step: 2, england: false)
        #expect(abs(sum.upper80 - 163.813) < 1e-2)
        #expect(abs(sum.upper95 - 331.749) < 1e-2)
        // England's error is its published figure's (here 130 against 102 forecast), not its members' sum.
        intervals.earlier[0].england = [.total: 130]
        let england = intervals.interval(.total, members: [("A", 50), ("B", 50)], step: 2, england: true)
        #expect(england.upper95 > sum.upper95)
    }

    /// Student's t quantiles against the published tables: t(1) 0.975 = 12.706, t(3) 0.9 = 1.638,
    /// t(10) 0.975 = 2.228, t(2.5) 0.9 = 1.7303 (scipy), and the normal 1.95996 without limit.
    @Test func studentsTQuantiles() {
        #expect(abs(StudentT.quantile(0.975, degrees: 1) - 12.7062) < 1e-3)
        #expect(abs(StudentT.quantile(0.9, degrees: 3) - 1.63774) < 1e-4)
        #expect(abs(StudentT.quantile(0.975, degrees: 10) - 2.22814) < 1e-4)
        #expect(abs(StudentT.quantile(0.9, degrees: 2.5) - 1.73025) < 1e-4)
        #expect(abs(StudentT.quantile(0.025, degrees: .infinity) + 1.95996) < 1e-4)
    }

    /// A type cannot outnumber all the children: its upper bounds are at most the total's.
    @Test func aTypesBoundsAreAtMostTheTotals() {
        func forecast(_ value: Double, upper80: Double, upper95: Double) -> DemandForecast.SeriesForecast {
            .init(
                interval: Interval(
                    forecast: value, lower80: value / 2, upper80: upper80, lower95: 0, upper95: upper95),
                published: nil)
        }
        let capped = DemandForecast.cappedByTotal([
            .total: forecast(30, upper80: 40, upper95: 49),
            .type(.other): forecast(1, upper80: 23.5, upper95: 97.1),
            .uasc: forecast(6, upper80: 12, upper95: 20),
        ])
        #expect(capped[.type(.other)]?.interval.upper80 == 23.5)
        #expect(capped[.type(.other)]?.interval.upper95 == 49)
        #expect(capped[.uasc] == forecast(6, upper80: 12, upper95: 20))
        #expect(capped[.total] == forecast(30, upper80: 40, upper95: 49))
    }
}
