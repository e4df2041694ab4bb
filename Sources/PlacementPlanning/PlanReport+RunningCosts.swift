import PlacementReports
import PlacementScenarios

extension PlanReport {
    /// What a new place of the default candidates costs to run against what the market charges, per
    /// placement type they build: the comparison that decides what a budget buys, and one a reader
    /// cannot see from the plan's figures. Nothing when the scenario gives its own candidates (their
    /// weekly costs are the file's). The figure is the candidates' own (each council's in-house price,
    /// which a single council's plan had set beside the scenario's median): "A new children's home
    /// place runs at its council's in-house price of the type: £4,500 a week, the median of 3
    /// councils' candidates, against the market's £5,500: it saves £1,000 a week …"
    var runningCostSentences: [String] {
        guard plan.candidateSource == .default else { return [] }
        let prices = InHousePrices(scenario)
        let factor = assumptions.newHomeRunningCostFactor.value
        let candidates = DefaultCandidates.candidates(for: scenario, assumptions: assumptions)
        return DefaultCandidates.types.compactMap { type, kind in
            let built = candidates.filter { $0.placementType == type && $0.kind == kind }
            guard let inHouse = Median.of(built.map(\.weeklyCostPerPlace)), let market = prices.marketPrice(of: type)
            else { return nil }
            let what = type == .foster ? "A new foster household's place" : "A new \(type.label.lowercased()) place"
            let saving = market - inHouse
            let verdict =
                abs(saving) < 0.5
                ? "it saves nothing a week, so it wins only by distance and place (the policy's miles and "
                    + "out-of-area weights) and by taking children no market place is open to"
                : saving > 0
                    ? "it saves \(ReportValue.pounds(saving).display) a week before its capital, distance and place"
                    : "it costs \(ReportValue.pounds(-saving).display) a week more, and wins only by distance and "
                        + "place and by taking children no market place is open to"
            // A new home runs at a multiple of its council's in-house price (1 as assumed).
            let rule =
                type == .childrensHome && factor != 1
                ? "\(PlanReport.plain(factor)) × its council's in-house price of the type"
                : "its council's in-house price of the type"
            let whose =
                built.count == 1
                ? "\(scenario.authorities.first { $0.id == built[0].authority }?.name ?? built[0].authority.rawValue)'s"
                : "the median of \(built.count) councils' candidates"
            return "\(what) runs at \(rule): \(ReportValue.pounds(inHouse).display) a week, \(whose), against the "
                + "market's \(ReportValue.pounds(market).display): \(verdict) (README, Capacity plan, Candidates)."
        }
    }
}
