import Foundation
import PlacementCalibration
import PlacementOptimisation
import PlacementScenarios

/// Today's placements of a scenario's children: the calibrated as-is pattern (each home authority's
/// in-area, over-20-miles and provider shares, from `AsIsAllocation`) carried onto the scenario's own
/// providers by iterative proportional fitting, in whole children, within usable places.
///
/// The fitted weights are also the as-is behaviour of a new placement: a child arriving goes to a
/// provider with a vacancy in proportion to its cohort's weight there.
public struct AsIsStart: Sendable {
    public let stock: PlacementStock
    /// Per cohort: providers and the as-is weight of each (the cohort's fitted children there).
    public let propensity: [[Propensity]]
    /// Children the scenario's usable places could not hold (placed elsewhere today).
    public let childrenWithoutPlace: Int

    /// Sweeps of the fitting: the marginals agree to well under one child by then on England.
    static let sweeps = 60

    public static func fit(
        _ scenario: Scenario, allocation: AsIsAllocation?, capacity: [PlaceSlot: Int],
        assumptions: CalibrationAssumptions = CalibrationAssumptions()
    ) -> AsIsStart {
        var cells = AsIsCells(scenario, capacity: capacity, assumptions: assumptions)
        if let allocation { cells.setTargets(from: allocation, scenario: scenario) }
        cells.fit(sweeps: sweeps)
        let (stock, without) = cells.wholeChildren(scenario, capacity: capacity)
        return AsIsStart(stock: stock, propensity: cells.propensity(), childrenWithoutPlace: without)
    }
}

/// The fitting's cells: one per cohort and provider offering the cohort's type to its ages.
struct AsIsCells {
    var cohort: [Int] = []
    var provider: [Int] = []
    var slot: [Int] = []
    var inside: [Bool] = []
    var far: [Bool] = []
    var group: [ProviderGroup] = []
    var value: [Double] = []
    var cellsOfCohort: [[Int]]
    let counts: [Double]
    let homeOfCohort: [Int]
    let slots: [PlaceSlot]
    let slotCapacity: [Double]
    /// Per home authority: inside, far and provider-group targets (nil: not known).
    var insideTarget: [Double?]
    var farTarget: [Double?]
    var groupTargets: [[ProviderGroup: Double]]

    init(_ scenario: Scenario, capacity: [PlaceSlot: Int], assumptions: CalibrationAssumptions) {
        let pricing = PlacementPricing(scenario)
        let homeIndex = Dictionary(uniqueKeysWithValues: scenario.authorities.enumerated().map { ($1.id, $0) })
        slots = capacity.keys.sorted()
        let slotIndex = Dictionary(uniqueKeysWithValues: slots.enumerated().map { ($1, $0) })
        slotCapacity = slots.map { Double(capacity[$0] ?? 0) }
        counts = scenario.cohorts.map { Double($0.placementType.isCommissioned ? $0.count : 0) }
        homeOfCohort = scenario.cohorts.map { homeIndex[$0.homeAuthority] ?? -1 }
        cellsOfCohort = Array(repeating: [], count: scenario.cohorts.count)
        let authorities = scenario.authorities.count
        insideTarget = Array(repeating: nil, count: authorities)
        farTarget = Array(repeating: nil, count: authorities)
        groupTargets = Array(repeating: [:], count: authorities)
        var offering: [PlacementType: [Int]] = [:]
        for (index, candidate) in scenario.providers.enumerated() {
            for (type, offer) in candidate.offers where offer.places > 0 { offering[type, default: []].append(index) }
        }
        for (c, cohortRecord) in scenario.cohorts.enumerated() where counts[c] > 0 {
            let type = cohortRecord.placementType
            let decay = assumptions.decayMiles[PlacementGroup(type)]?.value ?? 15
            for p in offering[type] ?? [] {
                let candidate = scenario.providers[p]
                guard candidate.ageRange.minimum <= cohortRecord.ageBand.maximum,
                    cohortRecord.ageBand.minimum <= candidate.ageRange.maximum,
                    let s = slotIndex[PlaceSlot(provider: p, placementType: type)], slotCapacity[s] > 0
                else { continue }
                let miles = pricing.miles(from: cohortRecord, to: candidate)
                guard miles.isFinite else { continue }
                cellsOfCohort[c].append(value.count)
                cohort.append(c)
                provider.append(p)
                slot.append(s)
                inside.append(candidate.authority == cohortRecord.homeAuthority)
                far.append(miles > 20)
                group.append(Self.group(of: candidate, home: cohortRecord.homeAuthority))
                value.append(slotCapacity[s] * exp(-miles / decay))
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

    /// Each home authority's calibrated shares of its commissioned placements, on the scenario's children.
    mutating func setTargets(from allocation: AsIsAllocation, scenario: Scenario) {
        let measures = allocation.measures(of: [.foster, .homes, .supported])
        let byCode = Dictionary(
            uniqueKeysWithValues: allocation.authorities.enumerated().map { ($1.id, measures[$0]) })
        var children = Array(repeating: 0.0, count: scenario.authorities.count)
        for (c, home) in homeOfCohort.enumerated() where home >= 0 { children[home] += counts[c] }
        for (a, authority) in scenario.authorities.enumerated() {
            guard let measure = byCode[authority.id], children[a] > 0 else { continue }
            insideTarget[a] = measure.inAreaShare.map { $0 * children[a] }
            farTarget[a] = measure.over20MilesShare.map { $0 * children[a] }
            for group in [ProviderGroup.ownCouncil, .otherCouncil, .privateSector, .voluntary, .otherPublic] {
                if let share = measure.providerShare(group) { groupTargets[a][group] = share * children[a] }
            }
        }
    }

    mutating func fit(sweeps: Int) {
        let homes = insideTarget.count
        for _ in 0..<sweeps {
            scaleRows()
            scaleTwoWay(homes: homes, side: inside, target: insideTarget)
            scaleTwoWay(homes: homes, side: far, target: farTarget)
            scaleGroups(homes: homes)
            capSlots()
        }
        scaleRows()
    }

    private mutating func scaleRows() {
        PlacementSimulation.scaleRows(&value, cellsOfCohort: cellsOfCohort, counts: counts)
    }

    /// Scales each home's cells on both sides of a split (inside/outside, over/within 20 miles) to
    /// the target and the rest of the home's children.
    private mutating func scaleTwoWay(homes: Int, side: [Bool], target: [Double?]) {
        var yes = Array(repeating: 0.0, count: homes)
        var no = Array(repeating: 0.0, count: homes)
        for i in value.indices {
            let home = homeOfCohort[cohort[i]]
            if side[i] { yes[home] += value[i] } else { no[home] += value[i] }
        }
        var factorYes = Array(repeating: 1.0, count: homes)
        var factorNo = Array(repeating: 1.0, count: homes)
        for home in 0..<homes {
            guard let wanted = target[home], yes[home] > 0, no[home] > 0 else { continue }
            let total = yes[home] + no[home]
            let clamped = min(max(wanted, 0), total)
            factorYes[home] = clamped / yes[home]
            factorNo[home] = (total - clamped) / no[home]
        }
        for i in value.indices {
            let home = homeOfCohort[cohort[i]]
            value[i] *= side[i] ? factorYes[home] : factorNo[home]
        }
    }

    private mutating func scaleGroups(homes: Int) {
        let groups = ProviderGroup.allCases.count
        var sums = Array(repeating: 0.0, count: homes * groups)
        for i in value.indices { sums[homeOfCohort[cohort[i]] * groups + group[i].rawValue] += value[i] }
        var factors = Array(repeating: 1.0, count: homes * groups)
        for home in 0..<homes {
            let targets = groupTargets[home]
            guard !targets.isEmpty else { continue }
            let base = home * groups
            let total = sums[base..<(base + groups)].reduce(0, +)
            // Only groups the scenario has cells for share the home's children; the targets are
            // rescaled to them, so an absent provider group does not leave children uncounted.
            // In a fixed order, so that sums come out the same on every run.
            let present = ProviderGroup.allCases.compactMap { group in
                targets[group].flatMap { sums[base + group.rawValue] > 0 ? (group, $0) : nil }
            }
            let wantedTotal = present.reduce(0) { $0 + $1.1 }
            guard wantedTotal > 0 else { continue }
            for (group, wanted) in present {
                factors[base + group.rawValue] = wanted * total / wantedTotal / sums[base + group.rawValue]
            }
        }
        for i in value.indices { value[i] *= factors[homeOfCohort[cohort[i]] * groups + group[i].rawValue] }
    }

    private mutating func capSlots() {
        var sums = Array(repeating: 0.0, count: slots.count)
        for i in value.indices { sums[slot[i]] += value[i] }
        for i in value.indices where sums[slot[i]] > slotCapacity[slot[i]] {
            value[i] *= slotCapacity[slot[i]] / sums[slot[i]]
        }
    }

    /// Whole children: each cohort's count shared by largest remainder, then children over a slot's
    /// places moved to the cohort's next-heaviest provider with a vacancy, or left without a place.
    func wholeChildren(_ scenario: Scenario, capacity: [PlaceSlot: Int]) -> (PlacementStock, Int) {
        var stock = PlacementStock(cohortTypes: scenario.cohorts.map(\.placementType), capacity: capacity)
        var without = 0
        for (c, members) in cellsOfCohort.enumerated() where counts[c] > 0 {
            let shares = proportionalShares(Int(counts[c]), weights: members.map { value[$0] })
            var overflow = 0
            for (k, i) in members.enumerated() where shares[k] > 0 {
                let taking = min(shares[k], stock.vacancies(slots[slot[i]]))
                stock.place(c, with: provider[i], children: taking)
                overflow += shares[k] - taking
            }
            for i in members.sorted(by: { value[$0] > value[$1] }) where overflow > 0 {
                let taking = min(overflow, stock.vacancies(slots[slot[i]]))
                stock.place(c, with: provider[i], children: taking)
                overflow -= taking
            }
            if members.isEmpty { overflow = Int(counts[c]) }
            stock.addUnplaced(c, children: overflow)
            without += overflow
        }
        return (stock, without)
    }

    func propensity() -> [[Propensity]] {
        cellsOfCohort.map { members in
            members.map { Propensity(provider: provider[$0], weight: value[$0]) }.filter { $0.weight > 0 }
        }
    }
}
