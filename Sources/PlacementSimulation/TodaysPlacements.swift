import PlacementCalibration
import PlacementOptimisation
import PlacementScenarios

/// Today's placements of a scenario's children (the `as-is` column beside the modes). Children whose
/// scenario names their current provider (a council's own case records, `placement import`) are
/// there. The others are the calibrated allocation's children of each home authority and placement
/// group, by placement authority (or band beyond the boundary) and provider group, spread over the
/// scenario's providers there in proportion to their free places (less the places those children
/// hold), then fitted within those places by iterative proportional fitting and made whole children.
/// Priced and measured exactly as a mode's decisions.
public struct TodaysPlacements: Sendable {
    /// The calibrated year.
    public let year: Int
    /// One decision per cohort and provider, and one per cohort for children without a place.
    public let decisions: [PlacementDecision]
    /// M1, M2, distance, cost and unmet need, counted as a mode's are.
    public let metrics: ModeMetrics
    /// Children the free places could not hold (shown as unplaced).
    public let childrenWithoutPlace: Int
    /// Children placed where the scenario's records put them (`current_provider`), not by the calibration.
    public let childrenAsRecorded: Int
    /// Per cohort of the market scenario: its whole children per provider (index), in provider order.
    public let placed: [[(provider: Int, children: Int)]]
    /// Per cohort: its children without a place.
    public let waiting: [Int]
    /// Per cohort: the fitted weight of each provider it may use, the as-is behaviour of a new
    /// placement (a pool's weight shared by its members in proportion to their places).
    public let propensity: [[Propensity]]
    /// After shocks (``init(_:in:after:replacing:)``): the placements they displaced and what became of them.
    public let shockDisplacement: ShockDisplacement?

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
        // Every child, for the behaviour of new placements (`propensity`, which the simulation's start
        // and plan openings read); placements come from a second fit of everyone without a current
        // provider, around the places those with one hold.
        var everyone = TodaysCells(market, prior: prior)
        everyone.fit(sweeps: Self.sweeps)
        let current = CurrentPlacements(market)
        var cells = everyone
        if !current.placed.isEmpty {
            cells = TodaysCells(current.rest, prior: prior)
            cells.fit(sweeps: Self.sweeps)
        }
        var placedOfCohort = Array(repeating: [(provider: Int, children: Int)](), count: market.cohorts.count)
        for kept in current.placed { placedOfCohort[kept.cohort].append((kept.provider, kept.children)) }
        let pricing = PlacementPricing(market)
        var decisions: [PlacementDecision] = []
        var without = 0
        var waitingOfCohort = Array(repeating: 0, count: market.cohorts.count)
        let whole = cells.wholeChildren(
            of: market.cohorts.indices.filter { market.cohorts[$0].placementType.isCommissioned })
        for (index, cohort) in market.cohorts.enumerated() where cohort.placementType.isCommissioned {
            let (fitted, waiting) = whole[index]
            // In provider order, one entry per provider (a current provider may also take fitted children).
            let placed =
                placedOfCohort[index].isEmpty
                ? fitted
                : Dictionary(placedOfCohort[index] + fitted, uniquingKeysWith: +).sorted { $0.key < $1.key }
                    .map { (provider: $0.key, children: $0.value) }
            placedOfCohort[index] = placed
            waitingOfCohort[index] = waiting
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
        childrenAsRecorded = current.placed.reduce(0) { $0 + $1.children }
        placed = placedOfCohort
        waiting = waitingOfCohort
        propensity = everyone.propensity()
        shockDisplacement = nil
    }

    init(
        year: Int, decisions: [PlacementDecision], metrics: ModeMetrics, childrenWithoutPlace: Int,
        childrenAsRecorded: Int, placed: [[(provider: Int, children: Int)]], waiting: [Int],
        propensity: [[Propensity]], shockDisplacement: ShockDisplacement?
    ) {
        self.year = year
        self.decisions = decisions
        self.metrics = metrics
        self.childrenWithoutPlace = childrenWithoutPlace
        self.childrenAsRecorded = childrenAsRecorded
        self.placed = placed
        self.waiting = waiting
        self.propensity = propensity
        self.shockDisplacement = shockDisplacement
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
                // Other English authorities and elsewhere: beyond the boundary, by band, with the
                // council's own places there (its own provision) apart from the market's.
                let provider = row.provider == .ownCouncil ? ProviderGroup.ownCouncil.rawValue : Self.anyProvider
                children[
                    index(home: home, group: row.group, destination: beyond(.within20Miles), provider: provider)] +=
                    row.children - row.over20Miles
                children[index(home: home, group: row.group, destination: beyond(.over20Miles), provider: provider)] +=
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

/// The fitting's cells: one per commissioned cohort and pool of providers offering its type to its
/// ages with free places. A pool is the providers of one destination, sector, operating council,
/// type and age range: the fitting treats them alike (weight in proportion to places), so pooling
/// them loses nothing and keeps England's cells few.
struct TodaysCells {
    struct Pool {
        var members: [(provider: Int, places: Int)] = []
        var places: Int { members.reduce(0) { $0 + $1.places } }
    }

    var pools: [Pool] = []
    var cellsOfCohort: [[Int]]
    var poolOfCell: [Int] = []
    /// Each pool's destination (see ``AllocationPrior``).
    var poolDestination: [Int] = []
    var value: [Double] = []
    let counts: [Double]
    let capacity: [Double]

    init(_ market: Scenario, prior: AllocationPrior) {
        // Each provider's destination number, and its provider group but for own or other council.
        var destinationOf = Array(repeating: -1, count: market.providers.count)
        for band in TodaysMarket.DistanceBand.allCases {
            let code = TodaysMarket.beyondBoundaryAuthority(band)
            for (p, provider) in market.providers.enumerated() where provider.authority == code {
                destinationOf[p] = prior.beyond(band)
            }
        }
        struct PoolKey: Hashable {
            var destination: Int
            var group: Int
            var operating: Int
            var type: PlacementType
            var ages: AgeBand
        }
        var poolIndex: [PoolKey: Int] = [:]
        var keys: [PoolKey] = []
        var pools: [Pool] = []
        for (p, provider) in market.providers.enumerated() {
            if destinationOf[p] < 0 { destinationOf[p] = prior.number[provider.authority] ?? -1 }
            guard destinationOf[p] >= 0 else { continue }
            // Beyond the boundary the market's places stand for every provider; a council's own are its.
            let group =
                destinationOf[p] >= prior.number.count && provider.operatingAuthority == nil
                ? AllocationPrior.anyProvider : Self.group(of: provider, home: nil).rawValue
            let operating = provider.operatingAuthority.flatMap { prior.number[$0] } ?? -1
            for (type, offer) in provider.offers.sorted(by: { $0.key < $1.key }) where offer.places > 0 {
                let key = PoolKey(
                    destination: destinationOf[p], group: group, operating: operating, type: type,
                    ages: provider.ageRange)
                if poolIndex[key] == nil {
                    poolIndex[key] = pools.count
                    pools.append(Pool())
                    keys.append(key)
                }
                pools[poolIndex[key]!].members.append((p, offer.places))
            }
        }
        self.pools = pools
        poolDestination = keys.map(\.destination)
        capacity = pools.map { Double($0.places) }
        var poolsOfType: [PlacementType: [Int]] = [:]
        for (index, key) in keys.enumerated() { poolsOfType[key.type, default: []].append(index) }
        counts = market.cohorts.map { Double($0.placementType.isCommissioned ? $0.count : 0) }
        cellsOfCohort = Array(repeating: [], count: market.cohorts.count)
        var kinshipChildren: [AuthorityCode: Double] = [:]
        for cohort in market.cohorts where cohort.placementType == .kinship {
            kinshipChildren[cohort.homeAuthority, default: 0] += Double(cohort.count)
        }
        // Per council (by number), its connected carers' places by provider code (its own council's;
        // a children's trust's, voluntary as DfE counts them) and destination.
        var kinshipPlaces = Array(repeating: [Int: [Double]](), count: prior.number.count)
        for (pool, key) in keys.enumerated() where key.type == .kinship && key.operating >= 0 {
            let code = Self.providerCode(group: key.group, operating: key.operating, home: key.operating)
            kinshipPlaces[key.operating][code, default: Array(repeating: 0, count: prior.destinations)][
                key.destination] += capacity[pool]
        }
        let codes = AllocationPrior.providerCodes
        for (c, cohort) in market.cohorts.enumerated() where counts[c] > 0 {
            let type = cohort.placementType
            let group = PlacementGroup(type)
            guard let home = prior.number[cohort.homeAuthority] else { continue }
            var block = Array(prior.block(home: home, group: group))
            if type == .foster {
                Self.leaveKinshipChildren(
                    kinshipChildren[cohort.homeAuthority] ?? 0, carers: kinshipPlaces[home], in: &block)
            }
            var candidates: [(pool: Int, key: Int)] = []
            for pool in poolsOfType[type] ?? [] {
                let key = keys[pool]
                guard key.ages.minimum <= cohort.ageBand.maximum, cohort.ageBand.minimum <= key.ages.maximum else {
                    continue
                }
                let provider = Self.providerCode(group: key.group, operating: key.operating, home: home)
                candidates.append((pool, key.destination * codes + provider))
            }
            // Kinship carers are a child's own relatives, approved by the child's own council: another
            // council's connected carers are not places for its children.
            if type == .kinship {
                let own = candidates.filter { keys[$0.pool].operating == home }
                if !own.isEmpty { candidates = own }
            }
            // The allocation's children of a key are shared by its pools in proportion to free places.
            var placesOfKey = Array(repeating: 0.0, count: block.count)
            var placesOfDestination = Array(repeating: 0.0, count: prior.destinations)
            for candidate in candidates {
                placesOfKey[candidate.key] += capacity[candidate.pool]
                placesOfDestination[candidate.key / codes] += capacity[candidate.pool]
            }
            // Children of a key without a provider here go to the same destination's other
            // providers, so that where children live today is kept.
            var unmatched = Array(repeating: 0.0, count: prior.destinations)
            for key in block.indices where block[key] > 0 && placesOfKey[key] == 0 {
                unmatched[key / codes] += block[key]
            }
            for candidate in candidates {
                let places = capacity[candidate.pool]
                let children = block[candidate.key]
                let destination = candidate.key / codes
                let share =
                    children * places / placesOfKey[candidate.key]
                    + unmatched[destination] * places / placesOfDestination[destination]
                cellsOfCohort[c].append(value.count)
                poolOfCell.append(candidate.pool)
                value.append(share + TodaysPlacements.floorWeight * places)
            }
            redistributeUnplaceable(block, cohort: c, home: home, hasCandidates: placesOfDestination.map { $0 > 0 })
        }
    }

    /// The allocation's provider code of a pool for a child of `home`: a council's provision (pooled
    /// as another council's) is the child's own council's where `home` runs it.
    static func providerCode(group: Int, operating: Int, home: Int) -> Int {
        group == ProviderGroup.otherCouncil.rawValue && operating == home ? ProviderGroup.ownCouncil.rawValue : group
    }

    /// Takes a council's kinship children out of its mainstream foster cohort's `block` (destination ×
    /// provider code): from the cells of the provider group its connected carers belong to (its own
    /// council; a children's trust's, voluntary, as DfE counts the trust's foster children), in
    /// proportion to the carers' places of each group, each by ``mainstreamShares(councilFoster:kinshipChildren:kinshipPlaces:)``.
    /// Without connected carers' places they are taken from its own-council children.
    static func leaveKinshipChildren(_ kinshipChildren: Double, carers: [Int: [Double]], in block: inout [Double]) {
        let codes = AllocationPrior.providerCodes
        let allPlaces = carers.values.reduce(0) { $0 + $1.reduce(0, +) }
        let groups =
            allPlaces > 0 ? carers.sorted { $0.key < $1.key } : [(key: ProviderGroup.ownCouncil.rawValue, value: [])]
        for (code, places) in groups {
            let children = allPlaces > 0 ? kinshipChildren * places.reduce(0, +) / allPlaces : kinshipChildren
            let shares = mainstreamShares(
                councilFoster: stride(from: code, to: block.count, by: codes).map { block[$0] },
                kinshipChildren: children, kinshipPlaces: places)
            for (destination, share) in shares.enumerated() { block[destination * codes + code] *= share }
        }
    }

    /// Per destination, the share of the allocation's foster children of a council's own service
    /// (its in-house carers, or its children's trust's) that are the mainstream cohort's. Kinship
    /// children are among them, and the fitting puts them with their council's connected carers,
    /// where those live: the mainstream cohort takes what is left of each destination's. Without
    /// connected carers' places, the kinship children are taken from every destination alike. Where
    /// the carers there would take more than the destination holds, the mainstream keeps none there,
    /// and the excess is taken from nowhere else.
    static func mainstreamShares(councilFoster: [Double], kinshipChildren: Double, kinshipPlaces: [Double]) -> [Double]
    {
        let total = councilFoster.reduce(0, +)
        let places = kinshipPlaces.reduce(0, +)
        guard total > 0, kinshipChildren > 0 else { return Array(repeating: 1, count: councilFoster.count) }
        guard places > 0 else {
            return Array(repeating: max(0, 1 - kinshipChildren / total), count: councilFoster.count)
        }
        return councilFoster.indices.map { destination in
            guard councilFoster[destination] > 0 else { return 1 }
            let kinship = kinshipChildren * kinshipPlaces[destination] / places
            return max(0, 1 - kinship / councilFoster[destination])
        }
    }

    /// The allocation's children of another destination where the scenario has no place of the
    /// cohort's type and ages (outside England, another authority's secure home, a kinship child's
    /// share of agency carers where its council has none) go to the cohort's cells outside its home
    /// authority, in proportion to what those cells hold. Left to the row scaling they were shared
    /// over every cell, inside included, which put England's as-is M2 0.4 points further above the
    /// calibration's (`Scripts/check-as-is.sh`). Those of the home authority itself, and those of a
    /// cohort with no cell outside, are left to the row scaling: there is no cell on their side.
    private mutating func redistributeUnplaceable(_ block: [Double], cohort c: Int, home: Int, hasCandidates: [Bool]) {
        let codes = AllocationPrior.providerCodes
        var stranded = 0.0
        for destination in hasCandidates.indices where !hasCandidates[destination] && destination != home {
            stranded += block[(destination * codes)..<((destination + 1) * codes)].reduce(0, +)
        }
        let outside = cellsOfCohort[c].filter { poolDestination[poolOfCell[$0]] != home }
        let held = outside.reduce(0.0) { $0 + value[$1] }
        guard stranded > 0, held > 0 else { return }
        for cell in outside { value[cell] += stranded * value[cell] / held }
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
        let pools = capacity.count
        for _ in 0..<sweeps {
            scaleRows()
            // Each pool's factor once (capacity ÷ sum, 1 when the pool is not over), not a division per cell.
            var factor = Array(repeating: 0.0, count: pools)
            value.withUnsafeBufferPointer { value in
                poolOfCell.withUnsafeBufferPointer { poolOfCell in
                    for i in value.indices { factor[poolOfCell[i]] += value[i] }
                }
            }
            var over = false
            for pool in 0..<pools {
                if factor[pool] > capacity[pool] {
                    factor[pool] = capacity[pool] / factor[pool]
                    over = true
                } else {
                    factor[pool] = 1
                }
            }
            guard over else { continue }
            value.withUnsafeMutableBufferPointer { value in
                poolOfCell.withUnsafeBufferPointer { poolOfCell in
                    for i in value.indices where factor[poolOfCell[i]] != 1 { value[i] *= factor[poolOfCell[i]] }
                }
            }
        }
        scaleRows()
    }

    /// Scales every cohort's cells to the cohort's children.
    private mutating func scaleRows() {
        for (c, members) in cellsOfCohort.enumerated() where !members.isEmpty {
            let sum = members.reduce(0.0) { $0 + value[$1] }
            guard sum > 0 else { continue }
            let factor = counts[c] / sum
            for i in members { value[i] *= factor }
        }
    }

    /// Per cohort, each provider's share of its fitted weight: a pool's cell shared by the pool's
    /// members in proportion to their places, in the order of the cohort's cells.
    func propensity() -> [[Propensity]] {
        cellsOfCohort.map { members in
            members.flatMap { cell -> [Propensity] in
                let pool = pools[poolOfCell[cell]]
                let places = Double(pool.places)
                return pool.members.map {
                    Propensity(provider: $0.provider, weight: value[cell] * Double($0.places) / places)
                }
            }
        }
    }
}
