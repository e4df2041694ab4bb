import PlacementScenarios

/// New placements as councils make them today: cohorts in a drawn order, each child going to a
/// provider with a vacancy in proportion to the cohort's as-is weight there.
struct AsIsPlacing {
    let propensity: [[Propensity]]?

    func place(_ demand: [Int], in stock: inout PlacementStock, random: inout SeededRandom) {
        let cohorts = demand.indices.filter { demand[$0] > 0 }.shuffled(by: &random)
        for cohort in cohorts {
            let type = stock.cohortTypes[cohort]
            let candidates = (propensity?[cohort] ?? []).filter {
                stock.vacancies(PlaceSlot(provider: $0.provider, placementType: type)) > 0
            }
            var draw = WeightedDraw(candidates.map(\.weight))
            var left = demand[cohort]
            while left > 0, let index = draw.index(at: random.unit() * draw.total) {
                let provider = candidates[index].provider
                stock.place(cohort, with: provider, children: 1)
                left -= 1
                if stock.vacancies(PlaceSlot(provider: provider, placementType: type)) == 0 { draw.remove(index) }
            }
            stock.addUnplaced(cohort, children: left)
        }
    }
}
