import PlacementScenarios
import TestSupport
import Testing

@testable import PlacementForecasting

/// Where a band's net exits exceed the children it keeps (Kent's 16+: some 2,100 older children
/// start a year against 800 looked after, most leaving within the year), the stock-and-flow
/// identity's coefficient on the band's own stock is negative, and a projection swung wider each
/// year (Kent 1,717, 1,897, 1,694, 1,917, 1,669). There the exits are counted against the year's pool.
@Suite("Forecast: a band whose exits exceed its stock")
struct PoolExitTests {
    /// 800 children aged 16+, 2,100 starting a year (0.21 per child of 10,000), net exits 2.7 per child
    /// of the stock: 800 × (1 − 2.7) + 2,100 = 740, then 842, then 668.6. Counted on the pool, 0.73
    /// of it leaves: (800 + 2,100) × 0.27 = 783, then (783 + 2,100) × 0.27 = 778.41, then 777.1707.
    @Test("the projection counted on the pool settles where the stock's rate swings")
    func projection() {
        let entry: [Double] = [0, 0, 0, 0, 0.21]
        let exit: [Double] = [0, 0, 0, 0, 2.7]
        let stock: [Double] = [0, 0, 0, 0, 800]
        let pooled = StockFlowModel.project(
            stock: stock, rates: .init(entry: entry, exit: exit, poolExit: [nil, nil, nil, nil, 0.73]),
            children: 10_000, steps: 3)
        for (value, expected) in zip(pooled, [783, 778.41, 777.1707]) { #expect(abs(value - expected) < 1e-6) }
        let swinging = StockFlowModel.project(
            stock: stock, rates: .init(entry: entry, exit: exit, poolExit: [nil, nil, nil, nil, nil]),
            children: 10_000, steps: 3)
        for (value, expected) in zip(swinging, [740, 842, 668.6]) { #expect(abs(value - expected) < 1e-6) }
    }

    /// The hand-worked authority A with 100 children starting at 16+ a year (its stock of 40 kept):
    /// each year 40 kept + 60 ÷ 6 aged in + 100 starting − 40 = 110 leave, 2.75 per child of the
    /// stock, more than the band keeps; of the pool of 150, 110 ÷ 150. The other bands keep their rates.
    @Test("the fit counts exits on the pool only in a band whose exits exceed what it keeps")
    func fit() throws {
        var history = HandWorkedForecastTests.history()
        history.authorities = [history.authorities[0]]
        for year in history.authorities[0].years.keys {
            history.authorities[0].years[year]?.startsByAge?[4] = 100
        }
        let rates = try #require(
            StockFlowModel.fit(history, origin: 2023, settings: HandWorkedForecastTests.settings).first)
        #expect(abs(rates.exit[4] - 2.75) < 1e-9)
        #expect(abs(try #require(rates.poolExit[4]) - 110.0 / 150) < 1e-9)
        #expect(rates.poolExit[0..<4].allSatisfy { $0 == nil })
        #expect(abs(rates.exit[1] - 0.25) < 1e-9)
    }
}
