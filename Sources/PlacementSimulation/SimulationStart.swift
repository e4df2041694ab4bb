import PlacementCalibration
import PlacementOptimisation
import PlacementScenarios

/// How strongly a cohort's children are placed with one provider today.
public struct Propensity: Sendable, Equatable {
    public var provider: Int
    public var weight: Double
}

/// Where the simulation starts: every child's placement in the first year, and what is known of how
/// councils place children today.
public struct SimulationStart: Sendable {
    public var stock: PlacementStock
    /// Per cohort, the as-is weights of new placements; nil when the scenario's authorities have no
    /// calibrated baseline (a fictional scenario), so `as-is` cannot be simulated.
    public var propensity: [[Propensity]]?
    /// Per cohort, its share of its home and type's arrivals (today's children).
    public var arrivalWeight: [Int]
    /// How the stock was made, for the report.
    public var method: String

    /// Today's placements from the calibrated as-is baseline of the scenario's year.
    public static func asIs(
        _ scenario: Scenario, allocation: AsIsAllocation, assumptions: SimulationAssumptions = SimulationAssumptions()
    ) -> SimulationStart {
        let capacity = UsablePlaces.of(scenario, assumptions: assumptions.calibration)
        let fitted = AsIsStart.fit(
            scenario, allocation: allocation, capacity: capacity, assumptions: assumptions.calibration)
        return SimulationStart(
            stock: fitted.stock, propensity: fitted.propensity, arrivalWeight: scenario.cohorts.map(\.count),
            method: "the calibrated \(allocation.year) as-is baseline carried onto the scenario's providers"
                + (fitted.childrenWithoutPlace > 0
                    ? " (\(fitted.childrenWithoutPlace) children found no usable place and start waiting)" : ""))
    }

    /// Today's placements approximated by a mode's optimum (for scenarios without a calibrated
    /// baseline): the scenario's children placed by `mode` within usable places.
    public static func solved(
        _ scenario: Scenario, by mode: CommissioningMode, assumptions: SimulationAssumptions = SimulationAssumptions(),
        options: OptimiserOptions = OptimiserOptions()
    ) throws(OptimiserError) -> SimulationStart {
        let capacity = UsablePlaces.of(scenario, assumptions: assumptions.calibration)
        var stock = PlacementStock(cohortTypes: scenario.cohorts.map(\.placementType), capacity: capacity)
        let demand = scenario.cohorts.map { $0.placementType.isCommissioned ? $0.count : 0 }
        try BatchSolve(scenario: scenario).place(
            demand, in: &stock, mode: mode, councilOrderSeed: scenario.policy.councilOrderSeed, options: options)
        return SimulationStart(
            stock: stock, propensity: nil, arrivalWeight: scenario.cohorts.map(\.count),
            method: "the scenario's children placed by the \(mode.rawValue) optimum (no calibrated baseline)")
    }
}
