import PlacementScenarios

/// Turns a solved problem back into decisions about children and providers.
extension PlacementProblem {
    /// The kept existing placements, priced as the objective prices any placement.
    var keptDecisions: [PlacementDecision] {
        kept.map { kept in
            let cohort = scenario.cohorts[kept.cohort]
            let provider = scenario.providers[kept.provider]
            let price = provider.offers[cohort.placementType]!.weeklyPrice
            let miles = costing.distances.miles(from: cohort.homeAuthority, at: cohort.homeLocation, to: provider)
            var terms = costing.terms(
                home: cohort.homeAuthority, miles: miles, provider: provider, type: cohort.placementType, price: price)
            terms.cost += costing.belowFloorSurcharge(current: cohort.currentProvider, provider: provider)
            return PlacementDecision(
                unitID: cohort.siblingGroup.map(DemandUnit.ID.siblingGroup) ?? .cohort(cohort.id),
                cohortIDs: [cohort.id], homeAuthority: cohort.homeAuthority,
                placementType: cohort.placementType, children: kept.children, provider: provider, miles: miles,
                within20MilesShare: costing.distances.within20MilesShare(
                    from: cohort.homeAuthority, at: cohort.homeLocation, to: provider),
                weeklyPrice: price, objectiveCostPerChild: terms.cost, origin: .kept, unplacedReason: nil)
        }
    }

    func result(of outcome: TypeOutcome, councilOrder: [AuthorityCode]) -> ModeResult {
        ModeResult(
            mode: mode, status: outcome.status, objective: outcome.objective + keptObjective,
            decisions: keptDecisions + optimisedDecisions(outcome), councilOrder: councilOrder,
            marginalCosts: Dictionary(
                outcome.marginalCosts.map { (units[$0.unit].id, $0.cost) }, uniquingKeysWith: { first, _ in first }),
            statistics: outcome.statistics)
    }

    /// Hands each pool's placements to its providers in turn (they are interchangeable), then lists
    /// placed and unplaced children unit by unit, providers in scenario order.
    private func optimisedDecisions(_ outcome: TypeOutcome) -> [PlacementDecision] {
        var placesLeft = pools.map { $0.members.map(\.places) }
        var children: [Int: [Int: Int]] = [:]  // unit → provider → children
        var poolOf: [Int: Int] = [:]  // provider → pool, for the terms
        for flow in outcome.flows {
            let size = units[flow.unit].groupSize
            for (provider, taking) in pools[flow.pool].handOut(
                flow.placements * size, groupSize: size, placesLeft: &placesLeft[flow.pool])
            {
                children[flow.unit, default: [:]][provider, default: 0] += taking
                poolOf[provider] = flow.pool
            }
        }
        let unplaced = Dictionary(outcome.unplaced.map { ($0.unit, $0.placements) }, uniquingKeysWith: +)
        var decisions: [PlacementDecision] = []
        for index in units.indices {
            let unit = units[index]
            for (provider, count) in (children[index] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let pool = pools[poolOf[provider]!]
                let providerRecord = scenario.providers[provider]
                let miles = costing.distances.miles(from: unit.homeAuthority, at: unit.homeLocation, to: providerRecord)
                var terms = costing.terms(
                    home: unit.homeAuthority, miles: miles, provider: providerRecord, type: unit.placementType,
                    price: pool.weeklyPrice)
                // Only a child's current provider is admitted below the floor, at the surcharge the model paid.
                terms.cost += costing.belowFloorSurcharge(current: unit.currentProvider, provider: providerRecord)
                decisions.append(
                    decision(
                        unit, children: count, provider: providerRecord, price: pool.weeklyPrice, terms: terms))
            }
            if let placements = unplaced[index] {
                var decision = decision(
                    unit, children: placements * unit.groupSize, provider: nil, price: nil,
                    terms: PairCosting.Terms(miles: .nan, cost: scenario.policy.unplacedPenalty))
                decision.unplacedReason = UnplacedReason.explain(index, in: self)
                decisions.append(decision)
            }
        }
        return decisions
    }

    private func decision(
        _ unit: DemandUnit, children: Int, provider: Provider?, price: Double?, terms: PairCosting.Terms
    ) -> PlacementDecision {
        PlacementDecision(
            unitID: unit.id, cohortIDs: unit.cohortIDs, homeAuthority: unit.homeAuthority,
            placementType: unit.placementType, children: children, provider: provider,
            miles: provider == nil ? nil : terms.miles,
            within20MilesShare: provider.map {
                costing.distances.within20MilesShare(from: unit.homeAuthority, at: unit.homeLocation, to: $0)
            }, weeklyPrice: price, objectiveCostPerChild: terms.cost,
            origin: .optimised, unplacedReason: nil)
    }
}
