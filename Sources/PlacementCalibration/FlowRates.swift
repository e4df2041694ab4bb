import Foundation
import PlacementScenarios

/// The assumptions of the as-is replay, with their sources and ranges (the calibration's own are in
/// `CalibrationAssumptions`).
public struct ReplayAssumptions: Sendable, Equatable {
    /// How an annual count of endings becomes the share of the stock at the start of the year that
    /// ends during it. Every placement open during the year (the stock at its start and the
    /// placements that start in it, together the stock at its end plus the endings) is taken as
    /// equally likely to end within the year; this factor scales the stock's chance against that.
    /// At 1, England's 2025 flows (93,590 endings, 81,770 children at 31 March) give 53% of the
    /// stock ending, so 47% of the children looked after at 31 March 2024 stay where they are.
    public var stockEndingWeight = Assumption(
        1, range: 0.8...1.1,
        source: "assumed; consistent with DfE's stability figures (about 68% of children looked after at 31 March had "
            + "one placement during the year, which counts both the unmoved stock and children who started once)")

    /// The yearly fall, from the origin year, in the odds that a new foster placement is with the
    /// council's own carers rather than an agency, against the calibrated behaviour: council
    /// fostering households have declined while agencies' held steady, so each year's new foster
    /// placements go more to agencies. Odds 58:42 in 2019 to 53:47 in 2023 fall 4.9% a year.
    public var inHouseFosterOddsDecline = Assumption(
        0.049, range: 0...0.08,
        source: "Ofsted, Fostering in England: independent agencies' share of filled mainstream foster places 42% in "
            + "2019, 47% in 2023; councils 45% of new fostering household approvals in 2023–24 (a national trend, not "
            + "any authority's published placements)")

    public init() {}

    /// Every assumption by name, for the reports.
    public var listed: [(name: String, assumption: Assumption)] {
        [
            ("relative chance that a placement of the stock ends within the year", stockEndingWeight),
            (
                "yearly fall in the odds of a new foster placement with the council's own carers",
                inHouseFosterOddsDecline
            ),
        ]
    }

    /// The factor on the calibrated odds of an in-house foster placement made `years` after the
    /// origin. The calibrated odds are the stock's: placements made on average `stockAge` years
    /// before the origin, so a new placement at the origin is already that far along the decline
    /// (the stock's odds fall at the same yearly rate as new placements', that much later).
    public func inHouseFosterFactor(years: Int, stockAge: Double = 0) -> Double {
        pow(1 - inHouseFosterOddsDecline.value, max(0, Double(years) + stockAge))
    }
}

/// One authority's shares of its stock that end during a year, per placement group, from that
/// year's published flows and its demand at the end of the year (both inputs a replay may read).
public struct FlowRates: Sendable, Equatable {
    /// Per placement group: the share of the start-of-year stock whose placement ends.
    public var endingShare: [Double]

    /// Children placed for adoption leave by adoption (DfE's `Adopted` reason); every other group
    /// shares the other endings (children ceasing for any other reason and every placement change):
    /// the data do not split placement changes by placement type. `england` stands in for a figure
    /// the authority's row suppresses.
    public init(
        flows: PublishedFlowCounts, demand: [Double], england: PublishedFlowCounts, englandDemand: [Double],
        assumptions: ReplayAssumptions
    ) {
        let adoption = PlacementGroup.adoption.rawValue
        func shares(_ flows: PublishedFlowCounts, _ demand: [Double]) -> (adoption: Double?, other: Double?) {
            let adopted = flows.adopted.map(Double.init)
            let endings = flows.endings.map(Double.init)
            let adoptionDemand = demand[adoption]
            let otherDemand = demand.reduce(0, +) - adoptionDemand
            let adoptionShare = adopted.flatMap { Self.share(endings: $0, endStock: adoptionDemand) }
            let otherShare = endings.flatMap { endings in
                Self.share(endings: max(0, endings - (adopted ?? 0)), endStock: otherDemand)
            }
            return (adoptionShare, otherShare)
        }
        let own = shares(flows, demand)
        let national = shares(england, englandDemand)
        let weight = assumptions.stockEndingWeight.value
        let adoptionShare = own.adoption ?? national.adoption ?? 0
        let otherShare = own.other ?? national.other ?? 0
        endingShare = PlacementGroup.allCases.map { group in
            min(1, max(0, weight * (group == .adoption ? adoptionShare : otherShare)))
        }
    }

    /// The mean time the placements of a stock have been held, in years, when a share `ending` of
    /// them ends each year: placements made k years ago survive in proportion (1 − ending)^k, whose
    /// mean k is (1 − ending) ÷ ending (0.89 years at England's 53% in 2025).
    public static func meanStockAge(ending: Double) -> Double {
        ending > 0 ? (1 - ending) / ending : 0
    }

    /// Endings over the placements open during the year (the end-of-year stock plus the endings);
    /// `nil` when there is nothing open.
    static func share(endings: Double, endStock: Double) -> Double? {
        endings + endStock > 0 ? endings / (endings + endStock) : nil
    }
}
