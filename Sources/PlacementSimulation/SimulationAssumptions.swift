import PlacementCalibration
import PlacementScenarios

/// Every assumed number of the simulation, with its source and range.
public struct SimulationAssumptions: Sendable, Equatable {
    /// Share of a year's published placement changes that end a placement held at the start of the
    /// year (the rest are second and later moves of children placed during the year).
    public var movesFromStockShare = Assumption(
        0.5, range: 0.3...0.7,
        source: "assumed; DfE counts every placement change in the year (59,140 in 2025) against a stock of "
            + "81,770, and about one child in ten has three or more placements in a year")
    /// Share of a year's leavers who were looked after at the start of the year; the rest started and
    /// ended in the same year, so they are neither in the stock nor among the net arrivals.
    public var leaversFromStockShare = Assumption(
        0.75, range: 0.6...0.9,
        source: "assumed; short episodes (remands, respite, age-assessed asylum seekers) start and end within "
            + "a year, and DfE counts them both among starts and leavers")
    /// The yearly drift of new foster placements from councils' own carers to agencies, as the
    /// backtested replay carries it (its rate, counted from the start stock's mean age): as-is
    /// follows it; the optimised modes choose for themselves.
    public var fosterDrift = ReplayAssumptions()
    /// Batches of new placements a year: children arriving in one batch are placed together.
    public var batchesPerYear = 4
    /// As-is calibration of the start and of new placements.
    public var calibration = CalibrationAssumptions()
    /// Today's market the simulation runs in: beyond the boundary, prices (its occupancy and
    /// short-break share are always `calibration`'s: see ``todaysMarket``).
    public var market = MarketAssumptions()

    public init() {}

    /// The market's assumptions with the calibration's occupancy and short-break share.
    public var todaysMarket: MarketAssumptions {
        var result = market
        result.calibration = calibration
        return result
    }

    /// Every assumption by name, for the reports.
    public var listed: [(name: String, assumption: Assumption)] {
        [
            ("share of placement changes that end a placement held at the year's start", movesFromStockShare),
            ("share of leavers looked after at the year's start", leaversFromStockShare),
            (
                "yearly fall in the odds of a new foster placement with the council's own carers (as-is)",
                fosterDrift.inHouseFosterOddsDecline
            ),
        ]
            + calibration.listed + market.uncalibratedListed
    }
}
