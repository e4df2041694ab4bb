import PlacementScenarios

/// New placements as councils make them today: cohorts in a drawn order, each child going to a
/// provider with a vacancy in proportion to the cohort's as-is weight there.
struct AsIsPlacing {
    let propensity: [[Propensity]]?

    func place(_ demand: [Int], in stock: inout PlacementStock, random: inout SeededRandom) {
        let cohorts = demand.indices.filter { demand[$0] > 0 }.shuffled(by: &random)
        for cohort in cohorts {
            let type = stock.cohortTypes[cohort]
            var candidates = (propensity?[cohort] ?? []).filter {
                stock.vacancies(PlaceSlot(provider: $0.provider, placementType: type)) > 0
            }
            var left = demand[cohort]
            while left > 0, !candidates.isEmpty {
                let total = candidates.reduce(0.0) { $0 + $1.weight }
                var pick = random.unit() * total
                var index = 0
                while index < candidates.count - 1, pick >= candidates[index].weight {
                    pick -= candidates[index].weight
                    index += 1
                }
                let slot = PlaceSlot(provider: candidates[index].provider, placementType: type)
                stock.place(cohort, with: candidates[index].provider, children: 1)
                left -= 1
                if stock.vacancies(slot) == 0 { candidates.remove(at: index) }
            }
            stock.addUnplaced(cohort, children: left)
        }
    }
}
