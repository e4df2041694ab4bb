import Foundation
import PlacementScenarios

/// The cells of the as-is allocation: home authority × placement group and provider (the pairs the
/// provider prior allows) × placement authority (every authority, then "elsewhere": outside England
/// or where the data do not say) × distance band (within 20 miles, more). Flat index
/// `((home · combinations + combination) · destinations + destination) · 2 + band`.
struct CellLayout: Sendable {
    struct Combination: Sendable, Equatable {
        var group: PlacementGroup
        var provider: ProviderGroup
        var prior: Double
    }

    let authorities: [Authority]
    let combinations: [Combination]
    /// Per home authority × placement authority (authorities only): over-20 share and mean miles.
    let pairs: [DistanceDistribution.Pair]
    /// Within a home's block: each combination's children.
    let combinationSums: RunSums
    /// Within a home's block: each combination's children and, last, the whole block's.
    let combinationAndBlockSums: RunSums
    /// Within a home's block: each placement group's children (its combinations in order).
    let groupSums: RunSums
    /// The combinations of children's homes, each with its residential sector's raw value, in order.
    let residentialCombinations: [(c: Int, sector: Int)]

    var count: Int { authorities.count }
    var destinations: Int { authorities.count + 1 }
    var elsewhere: Int { authorities.count }
    var blockSize: Int { combinations.count * destinations * 2 }
    var cellCount: Int { authorities.count * blockSize }

    init(authorities: [Authority], assumptions: CalibrationAssumptions) {
        self.authorities = authorities
        var combinations: [Combination] = []
        for group in PlacementGroup.allCases {
            let prior = assumptions.providerPrior[group] ?? [:]
            let total = ProviderGroup.allCases.reduce(0) { $0 + (prior[$1] ?? 0) }  // in a fixed order
            for provider in ProviderGroup.allCases {
                if let share = prior[provider], share > 0, total > 0 {
                    combinations.append(Combination(group: group, provider: provider, prior: share / total))
                }
            }
        }
        self.combinations = combinations
        residentialCombinations = combinations.indices.compactMap { c in
            guard combinations[c].group == .homes, let sector = ResidentialSector(combinations[c].provider) else {
                return nil
            }
            return (c, sector.rawValue)
        }
        let span = (authorities.count + 1) * 2
        let runs = combinations.indices.map { [$0 * span] }
        combinationSums = RunSums(runs: runs, length: span)
        combinationAndBlockSums = RunSums(runs: runs + [runs.flatMap { $0 }], length: span)
        groupSums = RunSums(
            runs: PlacementGroup.allCases.map { group in
                combinations.indices.filter { combinations[$0].group == group }.map { $0 * span }
            }, length: span)
        var pairs: [DistanceDistribution.Pair] = []
        pairs.reserveCapacity(authorities.count * authorities.count)
        for home in authorities {
            for placement in authorities {
                pairs.append(
                    home.id == placement.id
                        ? DistanceDistribution.within(home) : DistanceDistribution.between(home, placement))
            }
        }
        self.pairs = pairs
    }

    /// Whether two points of `home`'s area can be more than 20 miles apart: where not, no child is
    /// placed inside it and far.
    func insideCanBeFar(_ home: Int) -> Bool { pairs[home * count + home].over20MilesShare > 0 }

    /// The other authorities of the county `home` succeeds, where they are modelled (none for most).
    func predecessorArea(_ home: Int) -> [Int] {
        RetiredCounties.siblings(of: authorities[home].id.rawValue).compactMap { sibling in
            authorities.firstIndex { $0.id.rawValue == sibling }
        }
    }

    func index(home: Int, combination: Int, destination: Int, band: Int) -> Int {
        ((home * combinations.count + combination) * destinations + destination) * 2 + band
    }

    /// The prior weight of every cell for one year: provider prior × the placement authority's
    /// supply (its share of England's usable residential places of the provider's sector for homes;
    /// children aged 0–17 otherwise, a proxy for carers and housing) × exp(−mean miles / decay) × the
    /// share of the pair's distances in the band. The provider prior of homes is already the sectors'
    /// national split: weighted by each sector's places themselves, not their shares, it counted the
    /// sectors' sizes twice, and council homes held 570 children of England's 10,867 in homes (5%,
    /// against the prior's 16% of own and other councils' homes).
    func prior(places: [ResidentialPlaces], assumptions: CalibrationAssumptions) -> [Double] {
        let n = count
        let floor = assumptions.residentialPlaceFloor.value
        let population = authorities.map { Double($0.childPopulation ?? 0) / 1_000 }
        let usable: [[ResidentialSector: Double]] = places.map { entry in
            var result: [ResidentialSector: Double] = [:]
            for sector in ResidentialSector.allCases {
                result[sector] = assumptions.usablePlaces(
                    registered: entry.registered[sector] ?? 0, shortBreakOnly: entry.shortBreakOnly[sector] ?? 0)
            }
            return result
        }
        let sortedPopulation = population.sorted()
        let medianPopulation = sortedPopulation.isEmpty ? 1 : sortedPopulation[sortedPopulation.count / 2]
        /// Per residential sector: England's usable places with every authority's floor.
        var national: [ResidentialSector: Double] = [:]
        for sector in ResidentialSector.allCases {
            national[sector] = usable.reduce(0) { $0 + ($1[sector] ?? 0) + floor }
        }
        func sectorPlaces(_ provider: ProviderGroup, at placement: Int) -> Double {
            guard let sector = ResidentialSector(provider) else { return floor }
            return (usable[placement][sector] ?? 0) + floor
        }
        /// What a home's placements of `provider` are spread over: England's places of its sector; for
        /// its own council's homes, which stand in its own area, the average authority's council places,
        /// so that a council with the average share weighs in at the provider prior's.
        func spreadOver(_ provider: ProviderGroup) -> Double {
            let places = ResidentialSector(provider).flatMap { national[$0] } ?? floor * Double(n)
            return provider == .ownCouncil ? places / Double(max(n, 1)) : places
        }
        func mass(_ combination: Combination, home: Int, placement: Int) -> Double {
            let provider = combination.provider
            if provider == .otherCouncil && placement == home { return 0 }
            guard combination.group == .homes else { return population[placement] }
            if provider == .ownCouncil, placement != home { return floor / spreadOver(provider) }
            return sectorPlaces(provider, at: placement) / spreadOver(provider)
        }
        func elsewhereMass(_ combination: Combination) -> Double {
            if combination.provider == .ownCouncil { return 0 }
            return combination.group == .homes ? floor * 10 / spreadOver(combination.provider) : medianPopulation
        }
        var prior = [Double](repeating: 0, count: cellCount)
        let elsewhereFar = assumptions.elsewhereOver20MilesShare.value
        for home in 0..<n {
            for (c, combination) in combinations.enumerated() {
                let decay = assumptions.decayMiles[combination.group]?.value ?? 15
                for placement in 0..<n {
                    let pair = pairs[home * n + placement]
                    let weight =
                        combination.prior * mass(combination, home: home, placement: placement)
                        * exp(-pair.meanMiles / decay)
                    let base = index(home: home, combination: c, destination: placement, band: 0)
                    prior[base] = weight * (1 - pair.over20MilesShare)
                    prior[base + 1] = weight * pair.over20MilesShare
                }
                let weight =
                    combination.prior * elsewhereMass(combination)
                    * exp(-assumptions.elsewhereMiles.value / decay)
                let base = index(home: home, combination: c, destination: elsewhere, band: 0)
                prior[base] = weight * (1 - elsewhereFar)
                prior[base + 1] = weight * elsewhereFar
            }
        }
        return prior
    }
}
