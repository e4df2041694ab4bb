import PlacementScenarios

/// Providers that are interchangeable for the model — same location, sector, operator, price,
/// Ofsted judgement, specialisms and age range for one placement type — with their places added up.
/// Pooling them is exact for children placed one by one: their columns in the model would be identical. After solving, a pool's
/// children are handed out to its providers in order.
struct SupplyPool: Sendable {
    var placementType: PlacementType
    /// Indices into the scenario's providers, each with the places it has left.
    var members: [(provider: Int, places: Int)]
    /// The first member: every member has its attributes.
    var representative: Provider
    var weeklyPrice: Double

    var places: Int { members.reduce(0) { $0 + $1.places } }

    /// Hands `children` placed with the pool to its members in turn (they are interchangeable), in
    /// whole groups of `groupSize`, out of `placesLeft` (one entry per member, taken as they fill);
    /// returns the children each member provider takes.
    func handOut(_ children: Int, groupSize: Int, placesLeft: inout [Int]) -> [(provider: Int, children: Int)] {
        var remaining = children
        var taken: [(provider: Int, children: Int)] = []
        for (member, entry) in members.enumerated() where remaining > 0 {
            let taking = min(remaining, placesLeft[member] / groupSize * groupSize)
            guard taking > 0 else { continue }
            placesLeft[member] -= taking
            remaining -= taking
            taken.append((entry.provider, taking))
        }
        return taken
    }

    private struct Key: Hashable {
        var provider: Int?
        var placementType: PlacementType
        var authority: AuthorityCode
        var location: Coordinate?
        var sector: Sector
        var operatingAuthority: AuthorityCode?
        var weeklyPrice: Double
        var rating: OfstedRating
        var specialisms: Set<Requirement>
        var ageRange: AgeBand
    }

    /// Pools of the places left, in the order their first provider appears in the scenario. Types in
    /// `unpooled` get one pool per provider: a sibling group needs all its places at one provider,
    /// which a pool's total cannot promise. So do the slots in `alone`, where a child lives today: the
    /// child may stay there beyond the rules that bar new placements, which must not open its
    /// interchangeable neighbours too.
    static func pools(
        of providers: [Provider], placesLeft: [ProviderSlot: Int], unpooled: Set<PlacementType>,
        alone: Set<ProviderSlot> = []
    ) -> [SupplyPool] {
        var pools: [SupplyPool] = []
        var position: [Key: Int] = [:]
        for (index, provider) in providers.enumerated() {
            for type in provider.offers.keys.sorted() {
                let offer = provider.offers[type]!
                let places = placesLeft[ProviderSlot(provider: index, placementType: type)] ?? offer.places
                guard places > 0, type.isCommissioned else { continue }
                let slot = ProviderSlot(provider: index, placementType: type)
                let key = Key(
                    provider: unpooled.contains(type) || alone.contains(slot) ? index : nil, placementType: type,
                    authority: provider.authority,
                    location: provider.location,
                    sector: provider.sector, operatingAuthority: provider.operatingAuthority,
                    weeklyPrice: offer.weeklyPrice, rating: provider.rating, specialisms: provider.specialisms,
                    ageRange: provider.ageRange)
                if let existing = position[key] {
                    pools[existing].members.append((index, places))
                } else {
                    position[key] = pools.count
                    pools.append(
                        SupplyPool(
                            placementType: type, members: [(index, places)], representative: provider,
                            weeklyPrice: offer.weeklyPrice))
                }
            }
        }
        return pools
    }
}

/// One provider's places of one placement type.
struct ProviderSlot: Hashable, Sendable {
    var provider: Int
    var placementType: PlacementType
}
