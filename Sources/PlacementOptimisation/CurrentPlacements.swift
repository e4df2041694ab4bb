import PlacementScenarios

/// Where a scenario says its children live today (`current_provider`), whatever its policy on keeping
/// placements: the children are taken as the policy would keep them (a sibling group whole or not at
/// all, never more than the provider's places), and what is left is a scenario for everyone else.
public struct CurrentPlacements: Sendable {
    /// Children with their current provider: (cohort index, provider index, children).
    public let placed: [(cohort: Int, provider: Int, children: Int)]
    /// The scenario with those children taken out of their cohorts and out of their providers' places.
    public let rest: Scenario

    public init(_ scenario: Scenario) {
        var keeping = scenario
        keeping.policy.keepExistingPlacements = true
        let existing = ExistingPlacements(keeping)
        placed = existing.kept
        var rest = scenario
        for index in rest.cohorts.indices { rest.cohorts[index].count = existing.remainingCounts[index] }
        for (slot, left) in existing.placesLeft {
            rest.providers[slot.provider].offers[slot.placementType]?.places = left
        }
        self.rest = rest
    }
}
