import PlacementScenarios

/// What the model places: a cohort of identical children (each placed on their own), or a sibling
/// group (placed together, with one provider, or not at all).
public struct DemandUnit: Sendable {
    /// A cohort or a sibling group: two namespaces, so a group named like a cohort is another unit.
    public enum ID: Hashable, Sendable, Comparable, CustomStringConvertible {
        case cohort(CohortID)
        case siblingGroup(SiblingGroupID)

        public var description: String {
            switch self {
            case .cohort(let id): id.rawValue
            case .siblingGroup(let id): id.rawValue
            }
        }
    }

    var id: ID
    var cohortIDs: [CohortID]
    var homeAuthority: AuthorityCode
    var homeLocation: Coordinate?
    var placementType: PlacementType
    /// Every member's age band: a provider must take all of them.
    var ageBands: [AgeBand]
    var requirements: Set<Requirement>
    /// Authorities no member may be placed in.
    var avoidedAuthorities: Set<AuthorityCode>
    /// Children in one placement: 1 for a cohort, the group's size for siblings.
    var groupSize: Int
    /// Placements needed: the cohort's count, or 1 for a sibling group.
    var placements: Int
    var isSiblingGroup: Bool
    /// Where the members live today (`current_provider`), when those with one share it (a sibling
    /// newly in care joins the others where they are): that placement stays open to the unit whatever
    /// the distance limit or the mode's access rules, which govern new placements. A child is never
    /// left unplaced for living where they already live.
    var currentProvider: ProviderID?

    var children: Int { groupSize * placements }

    /// The units of the commissioned cohorts still to be placed, sibling groups merged, in the
    /// scenario's order (a group where its first member appears).
    static func units(of cohorts: [Cohort], remainingCounts: [Int]) -> [DemandUnit] {
        var units: [DemandUnit] = []
        var groupPosition: [SiblingGroupID: Int] = [:]
        var groupProviders: [SiblingGroupID: Set<ProviderID>] = [:]
        for (cohort, count) in zip(cohorts, remainingCounts) where cohort.placementType.isCommissioned && count > 0 {
            guard let group = cohort.siblingGroup else {
                units.append(
                    DemandUnit(
                        id: .cohort(cohort.id), cohortIDs: [cohort.id], homeAuthority: cohort.homeAuthority,
                        homeLocation: cohort.homeLocation, placementType: cohort.placementType,
                        ageBands: [cohort.ageBand], requirements: cohort.requirements,
                        avoidedAuthorities: cohort.avoidedAuthorities, groupSize: 1, placements: count,
                        isSiblingGroup: false, currentProvider: cohort.currentProvider))
                continue
            }
            if let position = groupPosition[group] {
                units[position].cohortIDs.append(cohort.id)
                units[position].ageBands.append(cohort.ageBand)
                units[position].requirements.formUnion(cohort.requirements)
                units[position].avoidedAuthorities.formUnion(cohort.avoidedAuthorities)
                units[position].groupSize += count
            } else {
                groupPosition[group] = units.count
                units.append(
                    DemandUnit(
                        id: .siblingGroup(group), cohortIDs: [cohort.id], homeAuthority: cohort.homeAuthority,
                        homeLocation: cohort.homeLocation, placementType: cohort.placementType,
                        ageBands: [cohort.ageBand], requirements: cohort.requirements,
                        avoidedAuthorities: cohort.avoidedAuthorities, groupSize: count, placements: 1,
                        isSiblingGroup: true))
            }
            if let provider = cohort.currentProvider { groupProviders[group, default: []].insert(provider) }
        }
        for (group, providers) in groupProviders where providers.count == 1 {
            units[groupPosition[group]!].currentProvider = providers.first
        }
        // A group of one child (one sibling in care) has no one to be placed with: placed as a
        // single child, its column continuous, so it keeps a marginal cost (a held one had none).
        for position in groupPosition.values where units[position].groupSize == 1 {
            units[position].isSiblingGroup = false
        }
        return units
    }
}
