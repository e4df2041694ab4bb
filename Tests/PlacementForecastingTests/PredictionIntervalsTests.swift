import PlacementScenarios
import Testing

@testable import PlacementForecasting

/// Prediction intervals worked by hand, with normal quantiles (±1.2816√h, ±1.96√h for sums of h
/// standardised errors), a shared variance s² = 0.01, a counting part k = 0.49 and a common
/// variance 0.0025 a year.
@Suite struct PredictionIntervalsTests {
    static let intervals = PredictionIntervals(spreads: [
        .total: .init(
            shared: 0.01, counting: 0.49, common: 0.0025,
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
    /// the scale of 0 + 10 (one per member), so its deviation is √5.4 / 10 and the upper 95% bound
    /// 10 × exp(1.96 × √5.4 / 10) − 10 = 5.77 (on the scale of 0 + 1 it was 1,418.8 in a real
    /// co-operative). Two members of 50, five years ahead: 2 × 51² × (0.05 + 0.49 / 51) plus the
    /// common drift 5 × 0.0025 × 100², over 102², give an upper 80% bound of 130.56.
    @Test func aSumIsOnTheScaleOfItsMembersCountsPlusOneEach() {
        let zeros = Self.intervals.interval(.total, members: Array(repeating: 0, count: 10), step: 5)
        #expect(zeros.forecast == 0)
        #expect(abs(zeros.upper95 - 5.76903) < 1e-4)
        let fifties = Self.intervals.interval(.total, members: [50, 50], step: 5)
        #expect(abs(fifties.upper80 - 130.5626) < 1e-3)
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
