import PlacementScenarios

/// Where some children of one demand unit live under a mode: a provider, or nowhere with the reason.
public struct PlacementDecision: Sendable, Equatable {
    public enum Origin: String, Sendable {
        /// Chosen by the optimisation.
        case optimised
        /// An existing placement kept by the policy.
        case kept
    }

    /// The cohort's id, or the sibling group's.
    public var unitID: DemandUnit.ID
    public var cohortIDs: [CohortID]
    public var homeAuthority: AuthorityCode
    public var placementType: PlacementType
    public var children: Int
    /// `nil` when the children are unplaced.
    public var provider: Provider?
    public var miles: Double?
    /// Pounds per child per week.
    public var weeklyPrice: Double?
    /// The objective's weekly cost per child: price and distance terms, penalties and preferences.
    public var objectiveCostPerChild: Double
    public var origin: Origin
    public var unplacedReason: String?

    public var isPlaced: Bool { provider != nil }
    /// Inside the home authority's boundary (M2).
    public var isInArea: Bool { provider?.authority == homeAuthority }
    /// Run by any local authority (M1, any-authority).
    public var isLocalAuthorityRun: Bool { provider?.isLocalAuthorityRun ?? false }
    /// Run by the child's own authority (M1).
    public var isOwnAuthorityRun: Bool { provider?.isRun(byCouncil: homeAuthority) ?? false }
}
