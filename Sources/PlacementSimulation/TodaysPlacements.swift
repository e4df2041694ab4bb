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
/// (a scenario authority, or a band beyond the boundary) and provider group.
struct AllocationPrior {
    enum Destination: Hashable {
        case authority(AuthorityCode)
        case beyond(TodaysMarket.DistanceBand)
    }

    struct Key: Hashable {
        var home: AuthorityCode
        var group: PlacementGroup
        var destination: Destination
        /// `nil` beyond the boundary, where the market's places stand for every provider.
        var provider: ProviderGroup?
    }

    var children: [Key: Double] = [:]
    /// The keys of each home authority and placement group, in a fixed order.
    private var keysOfHome: [AuthorityCode: [PlacementGroup: [Key]]] = [:]

    func keys(home: AuthorityCode, group: PlacementGroup) -> [Key] { keysOfHome[home]?[group] ?? [] }

    init(_ scenario: Scenario, allocation: AsIsAllocation) {
        let own = Set(scenario.ownAuthorities.map(\.id))
        let codes = allocation.authorities.map(\.id)
        for row in allocation.stock() where own.contains(codes[row.home]) {
            let home = codes[row.home]
            if let placement = row.placement.map({ codes[$0] }), own.contains(placement) {
                children[
                    Key(home: home, group: row.group, destination: .authority(placement), provider: row.provider),
                    default: 0] += row.children
            } else {
                // Other English authorities and elsewhere: the market beyond the boundary, by band.
                children[Key(home: home, group: row.group, destination: .beyond(.within20Miles)), default: 0] +=
                    row.children - row.over20Miles
                children[Key(home: home, group: row.group, destination: .beyond(.over20Miles)), default: 0] +=
                    row.over20Miles
            }
        }
        // The stock comes in index order: keys first seen in it keep that order.
        var seen: Set<Key> = []
        for row in allocation.stock() where own.contains(codes[row.home]) {
            let home = codes[row.home]
            let placement = row.placement.map { codes[$0] }
            let keys =
                if let placement, own.contains(placement) {
                    [Key(home: home, group: row.group, destination: .authority(placement), provider: row.provider)]
                } else {
                    [
                        Key(home: home, group: row.group, destination: .beyond(.within20Miles)),
                        Key(home: home, group: row.group, destination: .beyond(.over20Miles)),
                    ]
                }
            for key in keys where seen.insert(key).inserted {
                keysOfHome[home, default: [:]][row.group, default: []].append(key)
            }
        }
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
        var band: [AuthorityCode: TodaysMarket.DistanceBand] = [:]
        for candidate in TodaysMarket.DistanceBand.allCases {
            band[TodaysMarket.beyondBoundaryAuthority(candidate)] = candidate
        }
        var kinshipChildren: [AuthorityCode: Double] = [:]
        for cohort in market.cohorts where cohort.placementType == .kinship {
            kinshipChildren[cohort.homeAuthority, default: 0] += Double(cohort.count)
        }
        for (c, cohort) in market.cohorts.enumerated() where counts[c] > 0 {
            let type = cohort.placementType
            let group = PlacementGroup(type)
            var candidates: [(provider: Int, slot: Int, key: AllocationPrior.Key)] = []
            for p in offering[type] ?? [] {
                let provider = market.providers[p]
                guard provider.ageRange.minimum <= cohort.ageBand.maximum,
                    cohort.ageBand.minimum <= provider.ageRange.maximum,
                    let slot = slots[PlaceSlot(provider: p, placementType: type)]
                else { continue }
                let key =
                    band[provider.authority].map {
                        AllocationPrior.Key(home: cohort.homeAuthority, group: group, destination: .beyond($0))
                    }
                    ?? AllocationPrior.Key(
                        home: cohort.homeAuthority, group: group, destination: .authority(provider.authority),
                        provider: Self.group(of: provider, home: cohort.homeAuthority))
                candidates.append((p, slot, key))
            }
            // The allocation's children of a key are shared by its providers in proportion to free places.
            var placesOfKey: [AllocationPrior.Key: Double] = [:]
            var placesOfDestination: [AllocationPrior.Destination: Double] = [:]
            for candidate in candidates {
                placesOfKey[candidate.key, default: 0] += capacity[candidate.slot]
                placesOfDestination[candidate.key.destination, default: 0] += capacity[candidate.slot]
            }
            // Children of a key without a provider here (a council's own carers living across its
            // boundary: the scenario puts every in-house carer in its council) go to the same
            // destination's other providers, so that where children live today is kept.
            var unmatched: [AllocationPrior.Destination: Double] = [:]
            for key in prior.keys(home: cohort.homeAuthority, group: group) where placesOfKey[key] == nil {
                unmatched[key.destination, default: 0] += prior.children[key] ?? 0
            }
            let kinship = type == .foster ? kinshipChildren[cohort.homeAuthority] ?? 0 : 0
            for candidate in candidates {
                let places = capacity[candidate.slot]
                var children = prior.children[candidate.key] ?? 0
                // Kinship children are the allocation's foster children too, all with their own council.
                if candidate.key.provider == .ownCouncil, candidate.key.destination == .authority(cohort.homeAuthority)
                {
                    children = max(0, children - kinship)
                }
                let destination = candidate.key.destination
                let share =
                    children * places / (placesOfKey[candidate.key] ?? 1)
                    + (unmatched[destination] ?? 0) * places / (placesOfDestination[destination] ?? 1)
                cellsOfCohort[c].append(value.count)
                slotOfCell.append(candidate.slot)
                providerOfCell.append(candidate.provider)
                value.append(share + TodaysPlacements.floorWeight * places)
            }
        }
    }

    static func group(of provider: Provider, home: AuthorityCode) -> ProviderGroup {
        switch provider.sector {
        case .localAuthority: provider.operatingAuthority == home ? .ownCouncil : .otherCouncil
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
