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
    /// The weekly price of places run for a council (in-house, its children's trust's, an adopted
    /// plan's, its own beyond the boundary), as a multiple of the scenario's.
    public var councilPriceFactor = Assumption(
        1, range: 0.8...1.25,
        source: "the scenario's prices; at full cost councils' children's homes cost about a fifth more than "
            + "independent ones (NCERCC and Revolution Consulting, 2020: £4,750 against £3,970 a week in "
            + "2018-19) and in-house fostering £646 a week (PSSRU unit costs, 2016-17), while a council pays no "
            + "provider's margin (22.6% at the largest children's-home providers, CMA 2022)")
    /// The weekly price of private and voluntary places (and of the market beyond the boundary), as a
    /// multiple of the scenario's.
    public var marketPriceFactor = Assumption(
        1, range: 0.8...1.2,
        source: "the scenario's prices, which follow the national averages: a children's-home place £318,400 a "
            + "year in 2023-24, about £6,120 a week, all sectors (NAO 2025; CCN 2024: £6,108); agency fostering "
            + "about £820 a week (CMA, 2020 data); a fifth either way for local prices and the years since")

    public init() {}

    /// Every assumption by name, in a fixed order, for the reports.
    public var listed: [(name: String, assumption: Assumption)] {
        Self.varied.map { ($0.name, self[keyPath: $0.keyPath]) }
    }

    /// One assumption of the market, for varying it (`compare --sensitivity`).
    public struct Varied: Sendable {
        /// The name the reports print (as in ``listed``).
        public var name: String
        /// The JSON's key.
        public var key: String
        public var keyPath: WritableKeyPath<MarketAssumptions, Assumption> & Sendable
        /// Whether the as-is calibration reads it (occupancy, short-break places), so that varying it
        /// means calibrating again.
        public var calibrated: Bool
    }

    /// Every assumption of ``listed``, in its order, with the key and path to vary it.
    public static let varied: [Varied] = [
        Varied(
            name: "occupancy of registered residential places", key: "occupancy",
            keyPath: \.calibration.occupancy, calibrated: true),
        Varied(
            name: "usable share of short-break-only places", key: "short_break_usable_share",
            keyPath: \.calibration.shortBreakUsableShare, calibrated: true),
        Varied(
            name: "miles to a place beyond the boundary within 20 miles", key: "within_band_miles",
            keyPath: \.withinBandMiles, calibrated: false),
        Varied(
            name: "miles to a place beyond the boundary over 20 miles", key: "over_band_miles",
            keyPath: \.overBandMiles, calibrated: false),
        Varied(
            name: "price of a place beyond the boundary (× the scenario's market price)",
            key: "beyond_boundary_price_factor", keyPath: \.beyondBoundaryPriceFactor, calibrated: false),
        Varied(
            name: "price of council-run places (× the scenario's)", key: "council_price_factor",
            keyPath: \.councilPriceFactor, calibrated: false),
        Varied(
            name: "price of private and voluntary places (× the scenario's)", key: "market_price_factor",
            keyPath: \.marketPriceFactor, calibrated: false),
    ]

    /// The keys of the price factors of the scenario's own places.
    public static let priceKeys = Set(
        varied.filter { [\MarketAssumptions.councilPriceFactor, \.marketPriceFactor].contains($0.keyPath) }.map(\.key))

    /// The ends to solve: every assumption at each end of its range that differs from its value,
    /// the others as they are.
    public func ends() -> [(varied: Varied, end: String, assumptions: MarketAssumptions)] {
        Self.varied.flatMap { varied in
            let assumption = self[keyPath: varied.keyPath]
            return [("low", assumption.range.lowerBound), ("high", assumption.range.upperBound)]
                .filter { $0.1 != assumption.value }
                .map { end, value in
                    var changed = self
                    changed[keyPath: varied.keyPath].value = value
                    return (varied, end, changed)
                }
        }
    }

    /// The assumptions of the market that the as-is calibration does not read (the places beyond
    /// the boundary, prices).
    public var uncalibratedListed: [(name: String, assumption: Assumption)] {
        Self.varied.filter { !$0.calibrated }.map { ($0.name, self[keyPath: $0.keyPath]) }
    }
}
