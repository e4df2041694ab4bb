import PlacementOptimisation
import PlacementScenarios

/// One run's solving of its batches of new placements under a commissioning mode
/// (``BatchOptimiser``). Belongs to the thread of its run.
final class BatchSolve {
    private let optimiser: BatchOptimiser

    /// `market`: the scenario's market for the mode, shared by runs (built here when nil).
    init(scenario: Scenario, mode: CommissioningMode, market: BatchMarket? = nil, options: OptimiserOptions) {
        optimiser = BatchOptimiser(
            market: market ?? BatchMarket(scenario: scenario, mode: mode, options: options), options: options)
    }

    /// Places `demand` (children per cohort); false when a solve stopped before proving optimality.
    @discardableResult
    func place(_ demand: [Int], in stock: inout PlacementStock, councilOrderSeed: UInt64) throws(OptimiserError)
        -> Bool
    {
        let vacancies = stock
        let plan = try optimiser.place(demand, councilOrderSeed: councilOrderSeed) { provider, type in
            vacancies.vacancies(PlaceSlot(provider: provider, placementType: type))
        }
        for placed in plan.placed { stock.place(placed.cohort, with: placed.provider, children: placed.children) }
        for waiting in plan.unplaced { stock.addUnplaced(waiting.cohort, children: waiting.children) }
        return plan.isOptimal
    }
}
