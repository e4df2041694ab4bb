import PlacementScenarios

/// What the scenario's prices can and cannot tell.
enum PriceNotes {
    /// Where every provider of a type charges the same whatever its sector (the shipped scenarios
    /// price children's homes at the all-sector average): said, since a weekly cost then moves with
    /// the mix of types and the children placed, not with who provides, and an exit "costs" nothing.
    /// `shocksChangePrices`: a shock beside the note sets some providers' prices apart, which the note then says.
    static func uniformAcrossSectors(_ scenario: Scenario, shocksChangePrices: Bool = false) -> String? {
        var prices: [PlacementType: Set<Double>] = [:]
        var sectors: [PlacementType: Set<Sector>] = [:]
        for provider in scenario.providers where !provider.isPlannedBuild {
            for (type, offer) in provider.offers where offer.places > 0 {
                prices[type, default: []].insert(offer.weeklyPrice)
                sectors[type, default: []].insert(provider.sector)
            }
        }
        let uniform = PlacementType.allCases.filter { (sectors[$0]?.count ?? 0) > 1 && prices[$0]?.count == 1 }
        guard !uniform.isEmpty else { return nil }
        let listed = uniform.map { "\($0.label.lowercased()) \(NumberText.pounds(prices[$0]?.first ?? 0))" }
        return "In this scenario every provider of "
            + NumberText.listed(uniform.map { $0.label.lowercased() })
            + " charges the same a week whatever its sector (" + NumberText.listed(listed) + "): weekly costs move "
            + "with the mix of placement types and the children placed, not with who provides them, so a "
            + "provider's exit costs nothing once its children are placed elsewhere"
            + (shocksChangePrices
                ? " (only the shocks that change some providers' prices set them apart)" : "")
            + ". Prices by sector in the scenario's providers.csv would show the difference."
    }
}
