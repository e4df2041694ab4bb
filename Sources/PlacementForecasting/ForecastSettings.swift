/// The forecast's tuning constants. Each was chosen on a one-year backtest from 2022 (fitted on
/// 2021–2022, forecasting 2023), before the 2023 backtest that is reported, and is documented in
/// the module README with the alternatives tried.
public struct ForecastSettings: Sendable, Equatable {
    /// Pseudo child-years (children aged 0–17 times fitted years) of the region's entry rates added
    /// to an authority's own: one year of an authority with 20,000 children weighs as much as the region.
    public var entryPriorChildren = 20_000.0
    /// Pseudo-stock (children looked after, summed over the fitted years) of the region's exit
    /// rates added to an authority's own, per age band.
    public var exitPriorChildren = 20.0
    /// Weight of the stock-and-flow projection against the last published count (persistence):
    /// the projected change is damped by half.
    public var stockFlowWeight = 0.5
    /// Weight of the UASC stock-and-flow projection against the last UASC count. Zero: the
    /// projection lost to persistence in the 2022 backtest (35.4% against 35.4%, and 41.2% against
    /// 37.6% for 2025 from 2023), so the last count is carried forward.
    public var uascModelWeight = 0.0
    /// Pseudo-count of the region's placement-type shares added to an authority's own.
    public var sharePriorChildren = 30.0
    /// Fraction of England's yearly change in each type's share carried into the projection.
    public var shareTrendWeight = 0.5
    /// Seed of the bootstrap that turns one-year errors into intervals for longer horizons.
    public var seed: UInt64 = 1
    /// Bootstrap draws per horizon.
    public var draws = 4_000

    /// The fitted years of the backtest the constants above were chosen on (checked against 2023):
    /// that backtest is in sample for them, and its report says so.
    public static let tunedOn = 2021...2022

    public init() {}
}
