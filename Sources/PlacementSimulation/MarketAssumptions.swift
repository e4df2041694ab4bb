import PlacementCalibration
import PlacementScenarios

/// Every assumed number of today's market (``TodaysMarket``), with its source and range.
public struct MarketAssumptions: Sendable, Equatable {
    /// Occupancy and the usable share of short-break places, shared with the as-is calibration.
    public var calibration = CalibrationAssumptions()
    /// Miles to a place beyond the boundary in DfE's "within 20 miles" band.
    public var withinBandMiles = Assumption(
        12, range: 5...20,
        source: "assumed: a place beyond a region's boundary but within 20 miles of home lies near the boundary; "
            + "the middle of DfE's band, weighted to its farther half")
    /// Miles to a place beyond the boundary in DfE's "over 20 miles" band; never more than the
    /// policy's distance limit of the type, so that today's distant places stay admissible.
    public var overBandMiles = Assumption(
        40, range: 25...100,
        source: "assumed: DfE publishes only the share over 20 miles; capped at the scenario's distance limit "
            + "of each type")
    /// The weekly price of a place beyond the boundary, as a multiple of the scenario's own market
    /// price of the type (the places-weighted mean of its private offers).
    public var beyondBoundaryPriceFactor = Assumption(
        1, range: 0.9...1.2,
        source: "assumed: the same national market at the same price; out-of-area placements may cost up to "
            + "a fifth more (travel, contact)")

    public init() {}

    /// Every assumption by name, in a fixed order, for the reports.
    public var listed: [(name: String, assumption: Assumption)] {
        [
            ("occupancy of registered residential places", calibration.occupancy),
            ("usable share of short-break-only places", calibration.shortBreakUsableShare),
        ] + beyondBoundaryListed
    }

    /// The assumptions of the market beyond the boundary alone.
    public var beyondBoundaryListed: [(name: String, assumption: Assumption)] {
        [
            ("miles to a place beyond the boundary within 20 miles", withinBandMiles),
            ("miles to a place beyond the boundary over 20 miles", overBandMiles),
            ("price of a place beyond the boundary (× the scenario's market price)", beyondBoundaryPriceFactor),
        ]
    }
}
