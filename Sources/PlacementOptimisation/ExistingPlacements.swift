import PlacementScenarios

/// Existing placements the policy keeps: they stay with their current provider, consume its places
/// and leave the rest of the cohort to the optimisation. A sibling group is kept whole or not at all.
struct ExistingPlacements {
    /// The kept children, as (cohort index, provider index, children).
    var kept: [(cohort: Int, provider: Int, children: Int)] = []
    /// Children of each cohort still to be placed.
    var remainingCounts: [Int]
    /// Places left per provider and type, where the kept placements used some.
    var placesLeft: [ProviderSlot: Int] = [:]

    init(_ scenario: Scenario) {
        remainingCounts = scenario.cohorts.map(\.count)
        guard scenario.policy.keepExistingPlacements else { return }
        let providerIndex = scenario.providerIndices
        // Each cohort with a current provider on its own; sibling groups as one set, where they first appear.
        var sets: [[Int]] = []
        var groupSet: [SiblingGroupID: Int] = [:]
        for (index, cohort) in scenario.cohorts.enumerated() where cohort.currentProvider != nil {
            if let group = cohort.siblingGroup, let set = groupSet[group] {
                sets[set].append(index)
                continue
            }
            if let group = cohort.siblingGroup { groupSet[group] = sets.count }
            sets.append([index])
        }
        var groupSizes: [SiblingGroupID: Int] = [:]
        for cohort in scenario.cohorts { if let group = cohort.siblingGroup { groupSizes[group, default: 0] += 1 } }
        for members in sets {
            let cohorts = members.map { scenario.cohorts[$0] }
            let current = cohorts[0].currentProvider!
            let isWholeGroup = cohorts[0].siblingGroup.map { groupSizes[$0] == members.count } ?? true
            guard isWholeGroup, cohorts.allSatisfy({ $0.currentProvider == current }),
                let provider = providerIndex[current],
                let offer = scenario.providers[provider].offers[cohorts[0].placementType]
            else { continue }
            let slot = ProviderSlot(provider: provider, placementType: cohorts[0].placementType)
            let left = placesLeft[slot] ?? offer.places
            let isGroup = cohorts[0].siblingGroup != nil
            let wanted = cohorts.reduce(0) { $0 + $1.count }
            let keeping = isGroup ? (wanted <= left ? wanted : 0) : min(wanted, left)
            guard keeping > 0 else { continue }
            placesLeft[slot] = left - keeping
            if isGroup {
                for member in members {
                    kept.append((member, provider, scenario.cohorts[member].count))
                    remainingCounts[member] = 0
                }
            } else {
                kept.append((members[0], provider, keeping))
                remainingCounts[members[0]] -= keeping
            }
        }
    }
}
