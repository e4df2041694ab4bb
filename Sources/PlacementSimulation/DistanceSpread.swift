import Foundation
import PlacementCalibration
import PlacementOptimisation
import PlacementScenarios

/// The start of a scenario without a calibrated baseline (a fictional one): its children spread over
/// the usable places admissible to them in proportion to places × exp(−miles / decay), fitted within
/// the places and made whole children. A scenario of real authorities starts from today's
/// placements instead (``SimulationStart/today(_:placements:)``).
///
/// The fitted weights are also the as-is behaviour of a new placement: a child arriving goes to a
/// provider with a vacancy in proportion to its cohort's weight there.
struct DistanceSpread: Sendable {
    let stock: PlacementStock
    /// Per cohort: providers and the weight of each (the cohort's fitted children there).
    let propensity: [[Propensity]]
    /// Children the scenario's usable places could not hold.
    let childrenWithoutPlace: Int

    /// Sweeps of the fitting: rows and places agree to well under one child by then.
    static let sweeps = 60

    static func fit(_ scenario: Scenario, capacity: [PlaceSlot: Int], assumptions: CalibrationAssumptions)
        -> DistanceSpread
    {
        var cells = SpreadCells(scenario, capacity: capacity, assumptions: assumptions)
        cells.fit(sweeps: sweeps)
        let (stock, without) = cells.wholeChildren(scenario, capacity: capacity)
        return DistanceSpread(stock: stock, propensity: cells.propensity(), childrenWithoutPlace: without)
    }
}

/// The fitting's cells: one per cohort and provider offering the cohort's type to its ages.
struct SpreadCells {
    var provider: [Int] = []
    var slot: [Int] = []
    var value: [Double] = []
    var cellsOfCohort: [[Int]]
    let counts: [Double]
    let slots: [PlaceSlot]
    let slotCapacity: [Double]

    init(_ scenario: Scenario, capacity: [PlaceSlot: Int], assumptions: CalibrationAssumptions) {
        let pricing = PlacementPricing(scenario)
        slots = capacity.keys.sorted()
        let slotIndex = Dictionary(uniqueKeysWithValues: slots.enumerated().map { ($1, $0) })
        slotCapacity = slots.map { Double(capacity[$0] ?? 0) }
        counts = scenario.cohorts.map { Double($0.placementType.isCommissioned ? $0.count : 0) }
        cellsOfCohort = Array(repeating: [], count: scenario.cohorts.count)
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
                provider.append(p)
                slot.append(s)
                value.append(slotCapacity[s] * exp(-miles / decay))
            }
        }
    }

    mutating func fit(sweeps: Int) {
        for _ in 0..<sweeps {
            scaleRows()
            capSlots()
        }
        scaleRows()
    }

    private mutating func scaleRows() {
        PlacementSimulation.scaleRows(&value, cellsOfCohort: cellsOfCohort, counts: counts)
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
