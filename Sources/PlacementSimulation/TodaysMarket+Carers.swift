import PlacementScenarios

extension TodaysMarket {
    /// Each council's in-house foster places (its first in-house foster provider's, the one the
    /// scenario generator makes) shared with the authorities its carers live in, within the scenario
    /// and beyond its boundary (by band), in proportion to the allocation's children there, never
    /// more than the provider's free places. The allocation's own-council foster children include
    /// the kinship ones (DfE counts both as foster placements): the council's connected carers take
    /// their share of every authority, the rest is the mainstream carers'. Carers a child's record
    /// names as current provider (an import's) stand where the records place them, as agencies' do
    /// (``AgencyCarers``): they are not moved. Children beyond the boundary whose carers' places
    /// could not be moved are returned per band, for the market there to hold (what a closure of
    /// councils' places leaves of them).
    static func carers(
        _ scenario: Scenario, occupancy: Occupancy, slots: [PlaceSlot: SlotPlaces],
        scale scales: [AuthorityCode: Double],
        assumptions: MarketAssumptions
    ) -> (moved: [CarerPlaces], unmovedBeyondBoundary: [DistanceBand: Double]) {
        var moved: [CarerPlaces] = []
        var unmoved: [DistanceBand: Double] = [:]
        let own = scenario.ownAuthorities.map(\.id)
        // Each council's first in-house provider of each type, found in one pass over the providers.
        var inHouse: [PlacementType: [AuthorityCode: Int]] = [:]
        for (index, candidate) in scenario.providers.enumerated()
        where candidate.sector == .localAuthority && candidate.operatingAuthority == candidate.authority
            && !candidate.isPlannedBuild
        {
            for type in [PlacementType.foster, .kinship] where (candidate.offers[type]?.places ?? 0) > 0 {
                if inHouse[type]?[candidate.authority] == nil {
                    inHouse[type, default: [:]][candidate.authority] = index
                }
            }
        }
        let distances = DistanceTable(scenario)
        let recorded = scenario.providersNamedByRecords
        for home in own {
            let elsewhere = occupancy.ownCarersElsewhere[home] ?? [:]
            let beyond = occupancy.ownCouncilBeyondBoundary[home]?[.foster] ?? [:]
            guard !elsewhere.isEmpty || !beyond.isEmpty else { continue }
            let scale = scales[home] ?? 0
            let kinship = inHouse[.kinship]?[home]
            let kinshipPlaces = kinship.flatMap { scenario.providers[$0].offers[.kinship]?.places } ?? 0
            let ownFoster = (occupancy.ownCouncilFoster[home] ?? 0) * scale
            let kinshipShare = ownFoster > 0 ? min(1, Double(kinshipPlaces) / ownFoster) : 0
            var movedBeyond: [DistanceBand: Double] = [:]
            for (type, share) in [(PlacementType.foster, 1 - kinshipShare), (.kinship, kinshipShare)] {
                guard let provider = inHouse[type]?[home], share > 0,
                    !recorded.contains(scenario.providers[provider].id)
                else { continue }
                var free = slots[PlaceSlot(provider: provider, placementType: type)]?.free ?? 0
                // A shock closing a share of councils' carers (``PlaceClosure``) strikes them wherever
                // they live: each authority's share of them shrinks alike.
                let open = PlaceClosure.openShare(of: .localAuthority, type, after: scenario.closures)
                for authority in own where authority != home {
                    // Connected carers serve only their own council's children: never beyond the
                    // policy's distance for the type, where none of them could be placed.
                    if type == .kinship, let limit = scenario.policy.maximumDistance(for: .kinship),
                        let from = distances.index[home], let to = distances.index[authority],
                        distances.miles(from: from, at: nil, to: to, at: nil) > limit
                    {
                        continue
                    }
                    let places = min(Double(free), ((elsewhere[authority] ?? 0) * scale * share * open).rounded())
                    guard places >= 1 else { continue }
                    moved.append(
                        CarerPlaces(
                            provider: provider, council: home, placementType: type, authority: authority,
                            places: Int(places)))
                    free -= Int(places)
                }
                for band in DistanceBand.allCases {
                    // The band stands at most at the foster limit; connected carers further than their
                    // own limit could take none of their children, so they stay.
                    if type == .kinship, let limit = scenario.policy.maximumDistance(for: .kinship),
                        miles(to: band, for: .foster, in: scenario, assumptions: assumptions) > limit
                    {
                        continue
                    }
                    let places = min(Double(free), ((beyond[band] ?? 0) * scale * share * open).rounded())
                    guard places >= 1 else { continue }
                    moved.append(
                        CarerPlaces(
                            provider: provider, council: home, placementType: type,
                            authority: beyondBoundaryAuthority(band),
                            places: Int(places)))
                    movedBeyond[band, default: 0] += places
                    free -= Int(places)
                }
            }
            // The carers beyond a closure leaves open, of whom those not moved are the market's to hold.
            let open =
                (1 - kinshipShare) * PlaceClosure.openShare(of: .localAuthority, .foster, after: scenario.closures)
                + kinshipShare * PlaceClosure.openShare(of: .localAuthority, .kinship, after: scenario.closures)
            for band in DistanceBand.allCases {
                unmoved[band, default: 0] += max(0, (beyond[band] ?? 0) * scale * open - (movedBeyond[band] ?? 0))
            }
        }
        return (moved, unmoved)
    }
}
