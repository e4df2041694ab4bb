import PlacementReports
import PlacementScenarios

extension PlanReport {
    /// What a new place of the default candidates costs to run against what the market charges, per
    /// placement type they build: the comparison that decides what a budget buys, and one a reader
    /// cannot see from the plan's figures. Nothing when the scenario gives its own candidates (their
    /// weekly costs are the file's). "A new children's home place runs at its council's in-house price
    /// of the type: the scenario's median in-house price is £6,100 a week against the market's £6,100:
    /// it saves nothing a week, so it wins only by distance and place …"
    var runningCostSentences: [String] {
        guard plan.candidateSource == .default else { return [] }
        let prices = InHousePrices(scenario)
        let factor = assumptions.newHomeRunningCostFactor.value
        return [PlacementType.childrensHome, .foster].compactMap { type in
            guard let median = prices.inHousePrice(of: type), let market = prices.marketPrice(of: type) else {
                return nil
            }
            // A new home runs at a multiple of its council's in-house price (1 as assumed).
            let scaled = type == .childrensHome && factor != 1
            let inHouse = scaled ? median * factor : median
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
            let price =
                scaled
                ? "\(PlanReport.plain(factor)) × its council's in-house price of the type: the scenario's median "
                    + "in-house price \(ReportValue.pounds(median).display) makes \(ReportValue.pounds(inHouse).display)"
                : "its council's in-house price of the type: the scenario's median in-house price is "
                    + ReportValue.pounds(inHouse).display
            return "\(what) runs at \(price) a week against the market's "
                + "\(ReportValue.pounds(market).display): \(verdict) (README, Capacity plan, Candidates)."
        }
    }
}
