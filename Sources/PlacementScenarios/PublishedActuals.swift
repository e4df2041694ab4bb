/// An authority's published figures for one year (DfE, children looked after at 31 March), shown
/// beside modelled results. `nil` where the figure is suppressed or not published.
public struct PublishedActuals: Hashable, Sendable {
    public var authority: AuthorityCode
    public var year: Int
    public var childrenLookedAfter: Int?
    /// Share of children placed in the authority's own provision.
    public var ownProvisionShare: Double?
    /// Share of children placed inside the authority's boundary.
    public var insideBoundaryShare: Double?
    /// Share of children placed more than 20 miles from home.
    public var over20MilesShare: Double?
    /// The children `over20MilesShare` is a share of, when it is not all children looked after (DfE's
    /// children with a known distance): a co-operative's or England's share weights by it.
    public var childrenWithKnownDistance: Int?

    public init(
        authority: AuthorityCode, year: Int, childrenLookedAfter: Int? = nil, ownProvisionShare: Double? = nil,
        insideBoundaryShare: Double? = nil, over20MilesShare: Double? = nil, childrenWithKnownDistance: Int? = nil
    ) {
        self.authority = authority
        self.year = year
        self.childrenLookedAfter = childrenLookedAfter
        self.ownProvisionShare = ownProvisionShare
        self.insideBoundaryShare = insideBoundaryShare
        self.over20MilesShare = over20MilesShare
        self.childrenWithKnownDistance = childrenWithKnownDistance
    }
}
