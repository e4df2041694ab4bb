import PlacementScenarios

/// One provider's places of one placement type.
public struct PlaceSlot: Hashable, Sendable, Comparable {
    /// The provider's index in the scenario.
    public var provider: Int
    public var placementType: PlacementType

    public init(provider: Int, placementType: PlacementType) {
        self.provider = provider
        self.placementType = placementType
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.provider, lhs.placementType.rawValue) < (rhs.provider, rhs.placementType.rawValue)
    }
}

/// Where every simulated child is: per scenario cohort, children per provider and children waiting
/// unplaced; and per place slot, the places open and taken. Whole children only, so that none is
/// lost or counted twice.
///
/// Slots are numbered (in sorted order at the start, new ones after), and places and occupancy are
/// kept in arrays by number: the simulation looks vacancies up millions of times a run.
public struct PlacementStock: Sendable, Equatable {
    /// Per scenario cohort (by index): provider index → children placed there.
    public private(set) var placed: [[Int: Int]]
    /// Per scenario cohort: children without a place.
    public private(set) var unplaced: [Int]
    /// Every slot that has had places, by number.
    public private(set) var slots: [PlaceSlot]
    private var slotNumbers: [PlaceSlot: Int]
    /// Places open per slot number (usable places, changed by openings and closures).
    private var places: [Int]
    /// Places taken per slot number.
    private var taken: [Int]
    /// Places closed while children held them, per slot number: each goes when its child leaves.
    private var closing: [Int]
    /// The placement type of each cohort, to find a placement's slot.
    let cohortTypes: [PlacementType]

    init(cohortTypes: [PlacementType], capacity: [PlaceSlot: Int]) {
        self.cohortTypes = cohortTypes
        slots = capacity.keys.sorted()
        slotNumbers = Dictionary(uniqueKeysWithValues: slots.enumerated().map { ($1, $0) })
        places = slots.map { capacity[$0] ?? 0 }
        taken = Array(repeating: 0, count: slots.count)
        closing = Array(repeating: 0, count: slots.count)
        placed = Array(repeating: [:], count: cohortTypes.count)
        unplaced = Array(repeating: 0, count: cohortTypes.count)
    }

    /// The slot's number, if it has ever had places.
    public func number(of slot: PlaceSlot) -> Int? { slotNumbers[slot] }

    public func vacancies(_ slot: PlaceSlot) -> Int { slotNumbers[slot].map(vacancies(at:)) ?? 0 }

    /// Vacancies of the slot numbered `number`.
    public func vacancies(at number: Int) -> Int { max(0, places[number] - taken[number]) }

    /// Children in the places of the slot numbered `number`.
    public func occupied(at number: Int) -> Int { taken[number] }

    /// Children of a cohort, placed or not.
    public func children(of cohort: Int) -> Int { placed[cohort].values.reduce(0, +) + unplaced[cohort] }

    /// The slot's number, numbering it (with no places) if new.
    private mutating func numbering(_ slot: PlaceSlot) -> Int {
        if let number = slotNumbers[slot] { return number }
        slots.append(slot)
        places.append(0)
        taken.append(0)
        closing.append(0)
        slotNumbers[slot] = slots.count - 1
        return slots.count - 1
    }

    mutating func place(_ cohort: Int, with provider: Int, children: Int) {
        guard children > 0 else { return }
        let number = numbering(PlaceSlot(provider: provider, placementType: cohortTypes[cohort]))
        place(cohort, with: provider, at: number, children: children)
    }

    /// Places children in the slot numbered `number`, which must be `provider`'s of the cohort's type.
    mutating func place(_ cohort: Int, with provider: Int, at number: Int, children: Int) {
        guard children > 0 else { return }
        placed[cohort][provider, default: 0] += children
        taken[number] += children
    }

    mutating func leavePlace(_ cohort: Int, provider: Int, children: Int) {
        guard children > 0 else { return }
        let left = (placed[cohort][provider] ?? 0) - children
        precondition(left >= 0, "a placement ends only for children placed there")
        placed[cohort][provider] = left == 0 ? nil : left
        let number = numbering(PlaceSlot(provider: provider, placementType: cohortTypes[cohort]))
        taken[number] -= children
        let closed = min(closing[number], places[number] - taken[number])
        places[number] -= closed
        closing[number] -= closed
    }

    mutating func addUnplaced(_ cohort: Int, children: Int) { unplaced[cohort] += children }

    mutating func takeUnplaced(_ cohort: Int) -> Int {
        defer { unplaced[cohort] = 0 }
        return unplaced[cohort]
    }

    mutating func removeUnplaced(_ cohort: Int, children: Int) {
        precondition(children <= unplaced[cohort])
        unplaced[cohort] -= children
    }

    /// Opens (positive) or closes (negative) places. A closure never takes away a place a child
    /// holds: vacant places close at once, held ones as their children leave (a contract's term
    /// ends, a home winds down), so no closure is forgotten. An opening first keeps places still
    /// waiting to close.
    mutating func changePlaces(_ slot: PlaceSlot, by change: Int) {
        let number = numbering(slot)
        if change >= 0 {
            let kept = min(change, closing[number])
            closing[number] -= kept
            places[number] += change - kept
        } else {
            let vacant = max(0, places[number] - taken[number])
            let closedNow = min(-change, vacant)
            places[number] -= closedNow
            closing[number] = min(closing[number] - change - closedNow, places[number])
        }
    }
}
