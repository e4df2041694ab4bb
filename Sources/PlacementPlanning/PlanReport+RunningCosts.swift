import PlacementReports
import PlacementScenarios

extension PlanReport {
    /// What a new place costs to run against what the market charges, per placement type the default
    /// candidates build: the comparison that decides what a budget buys, and the one a reader cannot
    /// see from the plan's figures. "A new children's home place runs at the council's in-house
    /// price: the scenario's median in-house price is £6,100 a week against the market's £6,100: it
    /// saves nothing a week, so it wins only by distance and place …"
    var runningCostSentences: [String] {
        [PlacementType.childrensHome, .foster].compactMap { type in
            func median(_ councilRun: Bool) -> Double? {
                Median.of(
                    scenario.providers.filter { ($0.sector == .localAuthority) == councilRun && !$0.isPlannedBuild }
                        .compactMap { $0.offers[type]?.weeklyPrice })
            }
            guard let inHouse = median(true), let market = median(false) else { return nil }
            let what = type == .foster ? "A new foster household's place" : "A new \(type.label.lowercased()) place"
            let saving = market - inHouse
            let verdict =
                abs(saving) < 0.5
                ? "it saves nothing a week, so it wins only by distance and place (the "
                    + "policy's miles and out-of-area weights) and by taking children no market place is open to"
                : saving > 0
                    ? "it saves \(ReportValue.pounds(saving).display) a week before distance and place"
                    : "it costs \(ReportValue.pounds(-saving).display) a week more, and wins only by distance and place"
            return "\(what) runs at the council's in-house price of the type: the scenario's median in-house "
                + "price is \(ReportValue.pounds(inHouse).display) a week against the market's "
                + "\(ReportValue.pounds(market).display): \(verdict) (README, Capacity plan, Candidates)."
        }
    }
}
