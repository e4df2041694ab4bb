import PlacementCalibration
import PlacementOptimisation
import PlacementScenarios

/// Today's placements of a scenario's children (the `as-is` column beside the modes): the
/// calibrated allocation's children of each home authority and placement group, by placement
/// authority (or band beyond the boundary) and provider group, spread over the scenario's providers
/// there in proportion to their free places, then fitted within those places by iterative
/// proportional fitting and made whole children. Priced and measured exactly as a mode's decisions.
public struct TodaysPlacements: Sendable {
    /// The calibrated year.
    public let year: Int
    /// One decision per cohort and provider, and one per cohort for children without a place.
    public let decisions: [PlacementDecision]
    /// M1, M2, distance, cost and unmet need, counted as a mode's are.
    public let metrics: ModeMetrics
    /// Children the free places could not hold (shown as unplaced).
    public let childrenWithoutPlace: Int

    /// Sweeps of the fitting: rows and places agree to well under one child on England by then.
    static let sweeps = 60
    /// The prior weight of a place the allocation puts nobody in, per free place: small enough to
    /// change nothing where the allocation has children, large enough that no child is left without
    /// an admissible place while one is free.
    static let floorWeight = 1e-6

    /// Today's placements in `market` (a scenario made by ``TodaysMarket/applied(to:)``), from the
    /// calibrated `allocation` whose authorities include the scenario's.
    public init(in market: Scenario, allocation: AsIsAllocation) {
        let prior = AllocationPrior(market, allocation: allocation)
        var cells = TodaysCells(market, prior: prior)
        cells.fit(sweeps: Self.sweeps)
        let pricing = PlacementPricing(market)
        var decisions: [PlacementDecision] = []
        var without = 0
        for (index, cohort) in market.cohorts.enumerated() where cohort.placementType.isCommissioned {
            let (placed, waiting) = cells.wholeChildren(of: index)
            for (provider, children) in placed {
                decisions.append(pricing.decision(cohort, provider: market.providers[provider], children: children))
            }
            if waiting > 0 {
                without += waiting
                decisions.append(
                    pricing.decision(
                        cohort, provider: nil, children: waiting, reason: "no place free for the children today"))
            }
        }
        year = allocation.year
        self.decisions = decisions
        metrics = ModeMetrics(decisions: decisions, scenario: market)
        childrenWithoutPlace = without
    }
}

/// The calibrated allocation's children of the scenario's homes by placement group, destination
/// (a scenario authority, or a band beyond the boundary) and provider group, in a dense array: the
/// fitting reads it once per cohort and provider, so nothing is hashed there.
struct AllocationPrior {
    /// The scenario's own authorities by number; destinations are these numbers, then the two bands.
    let number: [AuthorityCode: Int]
    let destinations: Int
    /// Provider groups, then one more for "any" (beyond the boundary, where the market's places
    /// stand for every provider).
    static let providerCodes = ProviderGroup.allCases.count + 1
    static var anyProvider: Int { ProviderGroup.allCases.count }
    private var children: [Double]

    init(_ scenario: Scenario, allocation: AsIsAllocation) {
        let own = scenario.ownAuthorities.map(\.id)
        var number: [AuthorityCode: Int] = [:]
        for code in own where number[code] == nil { number[code] = number.count }
        self.number = number
        destinations = number.count + 2
        children = Array(
            repeating: 0, count: number.count * PlacementGroup.allCases.count * destinations * Self.providerCodes)
        let codes = allocation.authorities.map(\.id)
        let homes = codes.map { number[$0] }
        for row in allocation.stock() {
            guard let home = homes[row.home] else { continue }
            if let placement = row.placement, let destination = homes[placement] {
                children[
                    index(home: home, group: row.group, destination: destination, provider: row.provider.rawValue)] +=
                    row.children
            } else {
                // Other English authorities and elsewhere: the market beyond the boundary, by band.
                children[
                    index(home: home, group: row.group, destination: beyond(.within20Miles), provider: Self.anyProvider)
                ] +=
                    row.children - row.over20Miles
                children[
                    index(home: home, group: row.group, destination: beyond(.over20Miles), provider: Self.anyProvider)] +=
                    row.over20Miles
            }
        }
    }

    func beyond(_ band: TodaysMarket.DistanceBand) -> Int { number.count + (band == .within20Miles ? 0 : 1) }

    func index(home: Int, group: PlacementGroup, destination: Int, provider: Int) -> Int {
        ((home * PlacementGroup.allCases.count + group.rawValue) * destinations + destination) * Self.providerCodes
            + provider
    }

    /// The children of one home and group, by destination × provider code.
    func block(home: Int, group: PlacementGroup) -> ArraySlice<Double> {
        let start = index(home: home, group: group, destination: 0, provider: 0)
        return children[start..<(start + destinations * Self.providerCodes)]
    }
}

/// The fitting's cells: one per commissioned cohort and provider offering its type to its ages with
/// a free place.
struct TodaysCells {
    var cellsOfCohort: [[Int]]
    var slotOfCell: [Int] = []
    var providerOfCell: [Int] = []
    var value: [Double] = []
    let counts: [Double]
    let capacity: [Double]

    init(_ market: Scenario, prior: AllocationPrior) {
        var slots: [PlaceSlot: Int] = [:]
        var capacity: [Double] = []
        var offering: [PlacementType: [Int]] = [:]
        for (index, provider) in market.providers.enumerated() {
            for (type, offer) in provider.offers.sorted(by: { $0.key < $1.key }) where offer.places > 0 {
                slots[PlaceSlot(provider: index, placementType: type)] = capacity.count
                capacity.append(Double(offer.places))
                offering[type, default: []].append(index)
            }
        }
        self.capacity = capacity
        counts = market.cohorts.map { Double($0.placementType.isCommissioned ? $0.count : 0) }
        cellsOfCohort = Array(repeating: [], count: market.cohorts.count)
        // Each provider's destination number, and its provider group but for own or other council.
        var destinationOf = Array(repeating: -1, count: market.providers.count)
        var operatorOf = Array(repeating: -1, count: market.providers.count)
        var groupOf = Array(repeating: AllocationPrior.anyProvider, count: market.providers.count)
        for band in TodaysMarket.DistanceBand.allCases {
            let code = TodaysMarket.beyondBoundaryAuthority(band)
            for (p, provider) in market.providers.enumerated() where provider.authority == code {
                destinationOf[p] = prior.beyond(band)
            }
        }
        for (p, provider) in market.providers.enumerated() where destinationOf[p] < 0 {
            destinationOf[p] = prior.number[provider.authority] ?? -1
            operatorOf[p] = provider.operatingAuthority.flatMap { prior.number[$0] } ?? -1
            groupOf[p] = Self.group(of: provider, home: nil).rawValue
        }
        var kinshipChildren: [AuthorityCode: Double] = [:]
        for cohort in market.cohorts where cohort.placementType == .kinship {
            kinshipChildren[cohort.homeAuthority, default: 0] += Double(cohort.count)
        }
        let codes = AllocationPrior.providerCodes
        for (c, cohort) in market.cohorts.enumerated() where counts[c] > 0 {
            let type = cohort.placementType
            let group = PlacementGroup(type)
            guard let home = prior.number[cohort.homeAuthority] else { continue }
            let block = Array(prior.block(home: home, group: group))
            var candidates: [(provider: Int, slot: Int, key: Int)] = []
            for p in offering[type] ?? [] {
                let age = market.providers[p].ageRange
                guard destinationOf[p] >= 0, age.minimum <= cohort.ageBand.maximum,
                    cohort.ageBand.minimum <= age.maximum, let slot = slots[PlaceSlot(provider: p, placementType: type)]
                else { continue }
                var provider = groupOf[p]
                if provider == ProviderGroup.otherCouncil.rawValue, operatorOf[p] == home {
                    provider = ProviderGroup.ownCouncil.rawValue
                }
                candidates.append((p, slot, destinationOf[p] * codes + provider))
            }
            // The allocation's children of a key are shared by its providers in proportion to free places.
            var placesOfKey = Array(repeating: 0.0, count: block.count)
            var placesOfDestination = Array(repeating: 0.0, count: prior.destinations)
            for candidate in candidates {
                placesOfKey[candidate.key] += capacity[candidate.slot]
                placesOfDestination[candidate.key / codes] += capacity[candidate.slot]
            }
            // Children of a key without a provider here go to the same destination's other
            // providers, so that where children live today is kept.
            var unmatched = Array(repeating: 0.0, count: prior.destinations)
            for key in block.indices where block[key] > 0 && placesOfKey[key] == 0 {
                unmatched[key / codes] += block[key]
            }
            let kinship = type == .foster ? kinshipChildren[cohort.homeAuthority] ?? 0 : 0
            let ownInside = home * codes + ProviderGroup.ownCouncil.rawValue
            for candidate in candidates {
                let places = capacity[candidate.slot]
                var children = block[candidate.key]
                // Kinship children are the allocation's foster children too, all with their own council.
                if candidate.key == ownInside { children = max(0, children - kinship) }
                let destination = candidate.key / codes
                let share =
                    children * places / placesOfKey[candidate.key]
                    + unmatched[destination] * places / placesOfDestination[destination]
                cellsOfCohort[c].append(value.count)
                slotOfCell.append(candidate.slot)
                providerOfCell.append(candidate.provider)
                value.append(share + TodaysPlacements.floorWeight * places)
            }
        }
    }

    /// The provider group of a provider for a child of `home` (`nil`: any other council's child).
    static func group(of provider: Provider, home: AuthorityCode?) -> ProviderGroup {
        switch provider.sector {
        case .localAuthority: home != nil && provider.operatingAuthority == home ? .ownCouncil : .otherCouncil
        case .private: .privateSector
        case .voluntary: .voluntary
        case .otherPublic: .otherPublic
        }
    }

    /// Each cohort's cells scaled to its children, then each place's cells down to its places.
    mutating func fit(sweeps: Int) {
        for _ in 0..<sweeps {
            scaleRows()
            var sums = Array(repeating: 0.0, count: capacity.count)
            for i in value.indices { sums[slotOfCell[i]] += value[i] }
            for i in value.indices where sums[slotOfCell[i]] > capacity[slotOfCell[i]] {
                value[i] *= capacity[slotOfCell[i]] / sums[slotOfCell[i]]
            }
        }
        scaleRows()
    }

    private mutating func scaleRows() {
        for (c, members) in cellsOfCohort.enumerated() where !members.isEmpty {
            let sum = members.reduce(0.0) { $0 + value[$1] }
            guard sum > 0 else { continue }
            let factor = counts[c] / sum
            for i in members { value[i] *= factor }
        }
    }

    /// Vacancies left per slot as whole children are placed, cohort by cohort.
    private var taken: [Int] = []

    /// A cohort's whole children: its count shared by largest remainder, children over a place's
    /// vacancies moved to the cohort's next-heaviest provider with one, the rest without a place.
    mutating func wholeChildren(of cohort: Int) -> (placed: [(provider: Int, children: Int)], waiting: Int) {
        if taken.isEmpty { taken = Array(repeating: 0, count: capacity.count) }
        let members = cellsOfCohort[cohort]
        let count = Int(counts[cohort])
        guard !members.isEmpty else { return ([], count) }
        let shares = proportionalShares(count, weights: members.map { value[$0] })
        var placed = Array(repeating: 0, count: members.count)
        var overflow = 0
        for (k, i) in members.enumerated() where shares[k] > 0 {
            let taking = min(shares[k], Int(capacity[slotOfCell[i]]) - taken[slotOfCell[i]])
            placed[k] += taking
            taken[slotOfCell[i]] += taking
            overflow += shares[k] - taking
        }
        for k in members.indices.sorted(by: { value[members[$0]] > value[members[$1]] }) where overflow > 0 {
            let slot = slotOfCell[members[k]]
            let taking = min(overflow, Int(capacity[slot]) - taken[slot])
            placed[k] += taking
            taken[slot] += taking
            overflow -= taking
        }
        let result = members.indices.filter { placed[$0] > 0 }.map { (providerOfCell[members[$0]], placed[$0]) }
        return (result.sorted { $0.0 < $1.0 }, overflow)
    }
}
