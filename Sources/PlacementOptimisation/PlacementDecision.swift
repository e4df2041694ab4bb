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
    /// The share of the children within 20 miles of home (DfE's band): where both ends are known only
    /// by their authorities, homes and places spread over each authority's area, so a placement inside
    /// a large county is partly over 20 miles (``DistanceTable/within20MilesShare(from:at:to:)``);
    /// `nil` when unplaced.
    public var within20MilesShare: Double?
    /// Pounds per child per week.
    public var weeklyPrice: Double?
    /// The objective's weekly cost per child: price and distance terms, penalties and preferences.
    public var objectiveCostPerChild: Double
    public var origin: Origin
    public var unplacedReason: String?

    public init(
        unitID: DemandUnit.ID, cohortIDs: [CohortID], homeAuthority: AuthorityCode, placementType: PlacementType,
        children: Int, provider: Provider?, miles: Double?, within20MilesShare: Double?, weeklyPrice: Double?,
        objectiveCostPerChild: Double, origin: Origin, unplacedReason: String?
    ) {
        self.unitID = unitID
        self.cohortIDs = cohortIDs
        self.homeAuthority = homeAuthority
        self.placementType = placementType
        self.children = children
        self.provider = provider
        self.miles = miles
        self.within20MilesShare = within20MilesShare
        self.weeklyPrice = weeklyPrice
        self.objectiveCostPerChild = objectiveCostPerChild
        self.origin = origin
        self.unplacedReason = unplacedReason
    }

    public var isPlaced: Bool { provider != nil }
    /// Its children within 20 miles of home, expected: the share times the children (one distance
    /// against DfE's band where no share was given); 0 when unplaced.
    public var childrenWithin20Miles: Double {
        guard isPlaced else { return 0 }
        let share = within20MilesShare ?? ((miles ?? .infinity) <= DistanceDistribution.bandMiles ? 1 : 0)
        return share * Double(children)
    }
    /// Inside the home authority's boundary (M2).
    public var isInArea: Bool { provider?.authority == homeAuthority }
    /// Run by any local authority (M1, any-authority).
    public var isLocalAuthorityRun: Bool { provider?.isLocalAuthorityRun ?? false }
    /// Run by the child's own authority (M1).
    public var isOwnAuthorityRun: Bool { provider?.isRun(byCouncil: homeAuthority) ?? false }
}
