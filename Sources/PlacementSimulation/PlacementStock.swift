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
public struct PlacementStock: Sendable, Equatable {
    /// Per scenario cohort (by index): provider index → children placed there.
    public private(set) var placed: [[Int: Int]]
    /// Per scenario cohort: children without a place.
    public private(set) var unplaced: [Int]
    /// Places open per slot (usable places, changed by openings and closures).
    public private(set) var capacity: [PlaceSlot: Int]
    /// Places taken per slot.
    public private(set) var occupied: [PlaceSlot: Int] = [:]
    /// The placement type of each cohort, to find a placement's slot.
    let cohortTypes: [PlacementType]

    init(cohortTypes: [PlacementType], capacity: [PlaceSlot: Int]) {
        self.cohortTypes = cohortTypes
        self.capacity = capacity
        placed = Array(repeating: [:], count: cohortTypes.count)
        unplaced = Array(repeating: 0, count: cohortTypes.count)
    }

    public func vacancies(_ slot: PlaceSlot) -> Int { max(0, (capacity[slot] ?? 0) - (occupied[slot] ?? 0)) }

    /// Children of a cohort, placed or not.
    public func children(of cohort: Int) -> Int { placed[cohort].values.reduce(0, +) + unplaced[cohort] }

    mutating func place(_ cohort: Int, with provider: Int, children: Int) {
        guard children > 0 else { return }
        placed[cohort][provider, default: 0] += children
        occupied[PlaceSlot(provider: provider, placementType: cohortTypes[cohort]), default: 0] += children
    }

    mutating func leavePlace(_ cohort: Int, provider: Int, children: Int) {
        guard children > 0 else { return }
        let left = (placed[cohort][provider] ?? 0) - children
        precondition(left >= 0, "a placement ends only for children placed there")
        placed[cohort][provider] = left == 0 ? nil : left
        occupied[PlaceSlot(provider: provider, placementType: cohortTypes[cohort]), default: 0] -= children
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

    /// Opens (positive) or closes (negative) places; a closure never takes away a place a child
    /// holds: the slot keeps at least its occupied places.
    mutating func changePlaces(_ slot: PlaceSlot, by change: Int) {
        let now = capacity[slot] ?? 0
        capacity[slot] = max(now + change, min(now, occupied[slot] ?? 0), 0)
    }
}
