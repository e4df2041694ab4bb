import PlacementScenarios

/// New placements as councils make them today: cohorts in a drawn order, each child going to a
/// provider with a vacancy in proportion to the cohort's as-is weight there, the weight of a foster
/// child's own council's carers scaled by the year's drift to agencies. A kinship child whose
/// council's connected carers have no vacancy is placed with them all the same, one more approved
/// place: connected carers are the child's own relatives, found for the child (under every mode).
struct AsIsPlacing {
    let propensity: [[Propensity]]?
    /// Per cohort, the slot number of each propensity's provider (nil: a slot the stock never had).
    let slotNumbers: [[Int?]]
    /// Per cohort, whether each propensity's provider is the foster cohort's own council's carers.
    let ownCarers: [[Bool]]
    /// Per kinship cohort, the slot of its council's connected carers it weighs most (nil otherwise).
    let connectedCarers: [PlaceSlot?]

    init(propensity: [[Propensity]]?, stock: PlacementStock, scenario: Scenario) {
        self.propensity = propensity
        slotNumbers = (propensity ?? []).enumerated().map { cohort, candidates in
            candidates.map {
                stock.number(of: PlaceSlot(provider: $0.provider, placementType: stock.cohortTypes[cohort]))
            }
        }
        ownCarers = (propensity ?? []).enumerated().map { cohort, candidates in
            let record = scenario.cohorts[cohort]
            guard record.placementType == .foster else { return candidates.map { _ in false } }
            return candidates.map { scenario.providers[$0.provider].isRun(byCouncil: record.homeAuthority) }
        }
        connectedCarers = (propensity ?? []).enumerated().map { cohort, candidates in
            let record = scenario.cohorts[cohort]
            guard record.placementType == .kinship else { return nil }
            // The council's own connected carers, its children's trust's included.
            return candidates.filter { scenario.providers[$0.provider].operatingAuthority == record.homeAuthority }
                .max { $0.weight < $1.weight }
                .map { PlaceSlot(provider: $0.provider, placementType: .kinship) }
        }
    }

    /// `ownCarersFactor`: the factor on the weight of a foster child's own council's carers this year.
    func place(
        _ demand: [Int], in stock: inout PlacementStock, ownCarersFactor: Double, random: inout SeededRandom
    ) {
        let cohorts = demand.indices.filter { demand[$0] > 0 }.shuffled(by: &random)
        // One pair of buffers for every cohort: most batches place thousands of cohorts.
        var candidates: [(provider: Int, slot: Int)] = []
        var candidateWeights: [Double] = []
        for cohort in cohorts {
            let weights = propensity?[cohort] ?? []
            let numbers = cohort < slotNumbers.count ? slotNumbers[cohort] : []
            candidates.removeAll(keepingCapacity: true)
            candidateWeights.removeAll(keepingCapacity: true)
            for (k, number) in numbers.enumerated() {
                guard let number, stock.vacancies(at: number) > 0 else { continue }
                candidates.append((weights[k].provider, number))
                candidateWeights.append(weights[k].weight * (ownCarers[cohort][k] ? ownCarersFactor : 1))
            }
            var draw = WeightedDraw(candidateWeights)
            var left = demand[cohort]
            while left > 0, let index = draw.index(at: random.unit() * draw.total) {
                let (provider, slot) = candidates[index]
                stock.place(cohort, with: provider, at: slot, children: 1)
                left -= 1
                if stock.vacancies(at: slot) == 0 { draw.remove(index) }
            }
            if left > 0 { left -= approveConnectedCarers(left, of: cohort, in: &stock) }
            stock.addUnplaced(cohort, children: left)
        }
    }

    /// Places `children` of a kinship cohort with its council's connected carers, one more approved
    /// place each; the number placed (none for a cohort of another type or a council without any).
    @discardableResult
    func approveConnectedCarers(_ children: Int, of cohort: Int, in stock: inout PlacementStock) -> Int {
        guard children > 0, cohort < connectedCarers.count, let carers = connectedCarers[cohort] else { return 0 }
        stock.changePlaces(carers, by: children)
        stock.place(cohort, with: carers.provider, children: children)
        return children
    }

    /// Kinship children a mode left waiting with their council's connected carers full (another
    /// council's are not theirs to use): placed with them all the same, as today, so that the modes
    /// and as-is meet the same demand for relatives. Where the carers still have room, the mode found
    /// them no place for the child (too far, say): those children wait.
    func approveConnectedCarersForWaiting(in stock: inout PlacementStock) {
        for cohort in connectedCarers.indices {
            guard let carers = connectedCarers[cohort], stock.vacancies(carers) == 0 else { continue }
            let waiting = stock.takeUnplaced(cohort)
            stock.addUnplaced(cohort, children: waiting - approveConnectedCarers(waiting, of: cohort, in: &stock))
        }
    }
}
