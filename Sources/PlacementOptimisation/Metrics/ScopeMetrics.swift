import PlacementScenarios

/// The measures of one scope (England, a co-operative, an authority) under one mode. Children count
/// in the scope of their home authority.
public struct ScopeMetrics: Sendable, Equatable {
    /// Children needing a commissioned placement (every type but placed with parents, placed for
    /// adoption and other).
    public var children = 0
    public var placed = 0
    public var unplaced = 0
    /// Children placed with parents, for adoption or otherwise: counted, never optimised.
    public var notCommissioned = 0
    /// M1, any authority: placed children in foster and residential care (foster, kinship, children's
    /// homes, secure homes, residential schools, parent and child) whose provider a council runs, over
    /// all placed children in those types.
    public var m1LocalAuthorityRunShare: Double?
    /// M1, own authority: as above, run by the child's own council.
    public var m1OwnAuthorityRunShare: Double?
    /// M2: placed children whose provider is inside their home authority's boundary, over all placed children.
    public var m2InAreaShare: Double?
    /// Placed children at most 20 miles from home, over all placed children: each placement counts
    /// its share within 20 miles (``PlacementDecision/within20MilesShare``).
    public var within20MilesShare: Double?
    /// Mean miles from home over placed children.
    public var meanDistanceMiles: Double?
    /// Σ weekly price over placed children, in pounds.
    public var weeklyCost = 0.0
    /// The part of `weeklyCost` paid to private, voluntary and other public providers (not to councils'
    /// own services, run by them or by their children's trusts).
    public var externalWeeklySpend = 0.0
    /// Private providers' part of external spend times the policy's market margin per placement
    /// type: the margins are the CMA's of private providers; voluntary and other public providers are
    /// not run for profit.
    public var estimatedWeeklyProfit = 0.0
    public var unplacedByType: [PlacementType: Int] = [:]

    public var annualCost: Double { weeklyCost * 52 }
}

/// Sums from which a scope's metrics follow; sums add across authorities.
public struct MetricsTally: Sendable {
    var children = 0
    var placed = 0
    var unplaced = 0
    var notCommissioned = 0
    var fosterOrResidentialPlaced = 0
    var localAuthorityRun = 0
    var ownAuthorityRun = 0
    var inArea = 0
    var within20Miles = 0.0
    var miles = 0.0
    var weeklyCost = 0.0
    var externalWeeklySpend = 0.0
    var estimatedWeeklyProfit = 0.0
    var unplacedByType: [PlacementType: Int] = [:]

    public init() {}

    /// Counts one decision's children.
    public mutating func add(_ decision: PlacementDecision, policy: Policy) {
        children += decision.children
        guard let provider = decision.provider, let price = decision.weeklyPrice, let miles = decision.miles else {
            unplaced += decision.children
            unplacedByType[decision.placementType, default: 0] += decision.children
            return
        }
        let count = decision.children
        placed += count
        if decision.placementType.isFosterOrResidential {
            fosterOrResidentialPlaced += count
            if decision.isLocalAuthorityRun { localAuthorityRun += count }
            if decision.isOwnAuthorityRun { ownAuthorityRun += count }
        }
        if decision.isInArea { inArea += count }
        within20Miles += decision.childrenWithin20Miles
        self.miles += miles * Double(count)
        weeklyCost += price * Double(count)
        // Councils' own services, a children's trust's included (not for profit), are not the market.
        if !provider.isCouncilService {
            externalWeeklySpend += price * Double(count)
            if provider.sector == .private {
                estimatedWeeklyProfit += price * Double(count) * policy.marketMargin(for: decision.placementType)
            }
        }
    }

    /// Adds another scope's sums.
    public mutating func add(_ other: MetricsTally) {
        children += other.children
        placed += other.placed
        unplaced += other.unplaced
        notCommissioned += other.notCommissioned
        fosterOrResidentialPlaced += other.fosterOrResidentialPlaced
        localAuthorityRun += other.localAuthorityRun
        ownAuthorityRun += other.ownAuthorityRun
        inArea += other.inArea
        within20Miles += other.within20Miles
        miles += other.miles
        weeklyCost += other.weeklyCost
        externalWeeklySpend += other.externalWeeklySpend
        estimatedWeeklyProfit += other.estimatedWeeklyProfit
        unplacedByType.merge(other.unplacedByType, uniquingKeysWith: +)
    }

    /// The shares and means the sums give.
    public var metrics: ScopeMetrics {
        func share(_ part: Int, of whole: Int) -> Double? { whole > 0 ? Double(part) / Double(whole) : nil }
        return ScopeMetrics(
            children: children, placed: placed, unplaced: unplaced, notCommissioned: notCommissioned,
            m1LocalAuthorityRunShare: share(localAuthorityRun, of: fosterOrResidentialPlaced),
            m1OwnAuthorityRunShare: share(ownAuthorityRun, of: fosterOrResidentialPlaced),
            m2InAreaShare: share(inArea, of: placed),
            within20MilesShare: placed > 0 ? within20Miles / Double(placed) : nil,
            meanDistanceMiles: placed > 0 ? miles / Double(placed) : nil, weeklyCost: weeklyCost,
            externalWeeklySpend: externalWeeklySpend, estimatedWeeklyProfit: estimatedWeeklyProfit,
            unplacedByType: unplacedByType)
    }
}
