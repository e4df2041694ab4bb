/// The share of each authority's placements that end during a year, from that year's published
/// flows: placements ending (children ceasing and placements changing) over every placement open
/// during the year (the stock at its end plus the endings), the measure ``FlowRates`` takes per
/// placement group, here over all of them. England's share stands in where an authority's flows are
/// suppressed.
public struct StockTurnover: Sendable, Equatable {
    /// Per authority, in the order of the year's authorities: a share in [0, 1].
    public var share: [Double]

    public init(share: [Double]) { self.share = share }

    /// From `year`'s stock (its children by placement group) and the same year's flows.
    public init(
        year: AsIsYear, flows: [PublishedFlowCounts], england: PublishedFlowCounts,
        assumptions: ReplayAssumptions = ReplayAssumptions()
    ) {
        precondition(flows.count == year.authorities.count, "one authority's flows per authority")
        let stock = FittingTargets.demand(year.inputsOnly).map { $0.reduce(0, +) }
        let englandStock = stock.reduce(0, +)
        let national = england.endings.flatMap { FlowRates.share(endings: Double($0), endStock: englandStock) }
        share = zip(flows, stock).map { flows, stock in
            let own = flows.endings.flatMap { FlowRates.share(endings: Double($0), endStock: stock) }
            return min(1, max(0, assumptions.stockEndingWeight.value * (own ?? national ?? 0)))
        }
    }
}
