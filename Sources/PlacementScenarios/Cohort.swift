/// A child needing a placement, or a group of identical children (a cohort) with a count.
///
/// A sibling group is the set of cohorts sharing `siblingGroup`: they must be placed together, with
/// one provider.
public struct Cohort: Hashable, Sendable, Identifiable {
    public var id: CohortID
    /// The GSS code of the authority looking after the children.
    public var homeAuthority: AuthorityCode
    /// Where the children lived, when known; otherwise the home authority's area is used.
    public var homeLocation: Coordinate?
    public var placementType: PlacementType
    public var ageBand: AgeBand
    public var requirements: Set<Requirement>
    public var siblingGroup: SiblingGroupID?
    /// The provider the children live with now, if any.
    public var currentProvider: ProviderID?
    public var count: Int
    /// Authorities the children must not be placed in (a care plan's locations to avoid).
    public var avoidedAuthorities: Set<AuthorityCode>

    public init(
        id: CohortID, homeAuthority: AuthorityCode, homeLocation: Coordinate? = nil, placementType: PlacementType,
        ageBand: AgeBand = .all, requirements: Set<Requirement> = [], siblingGroup: SiblingGroupID? = nil,
        currentProvider: ProviderID? = nil, count: Int = 1, avoidedAuthorities: Set<AuthorityCode> = []
    ) {
        self.id = id
        self.homeAuthority = homeAuthority
        self.homeLocation = homeLocation
        self.placementType = placementType
        self.ageBand = ageBand
        self.requirements = requirements
        self.siblingGroup = siblingGroup
        self.currentProvider = currentProvider
        self.count = count
        self.avoidedAuthorities = avoidedAuthorities
    }
}
