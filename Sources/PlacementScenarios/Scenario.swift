/// Everything one placement problem needs: authorities, co-operatives, children, providers,
/// distances that override the computed ones, published actuals, and the policy.
public struct Scenario: Sendable {
    public var name: String
    public var description: String
    public var authorities: [Authority]
    public var cooperatives: [Cooperative]
    public var cohorts: [Cohort]
    public var providers: [Provider]
    /// Miles between two authorities, overriding straight-line distances, keyed by (from, to).
    public var distanceOverrides: [AuthorityPair: Double]
    public var actuals: [PublishedActuals]
    public var policy: Policy
    /// New council-run capacity a plan may build (`candidates.csv`); empty when the scenario has none.
    public var candidates: [CapacityCandidate]
    /// Authorities that stand for the market beyond the scenario's boundary (places the scenario's
    /// children use outside it today): they hold providers but no children, and scopes leave them out.
    public var marketBeyondBoundary: Set<AuthorityCode> = []
    /// Shares of places closed by shocks (`remove_share`), in order: they strike the scenario's
    /// providers, and the market beyond a regional scenario's boundary follows them
    /// (``PlaceClosure``). Empty for a scenario as read.
    public var closures: [PlaceClosure] = []
    /// The share of placements from one authority to another (or inside one) within 20 miles of home,
    /// where today's market gives it: the calibrated as-is allocation's, fitted to DfE's published
    /// distance bands. Other pairs take the share of homes and places spread over each authority's
    /// area (``DistanceTable/within20MilesShare(from:at:to:)``).
    public var within20MilesShares: [AuthorityPair: Double] = [:]

    public init(
        name: String, description: String = "", authorities: [Authority], cooperatives: [Cooperative] = [],
        cohorts: [Cohort], providers: [Provider], distanceOverrides: [AuthorityPair: Double] = [:],
        actuals: [PublishedActuals] = [], policy: Policy = Policy(), candidates: [CapacityCandidate] = []
    ) {
        self.name = name
        self.description = description
        self.authorities = authorities
        self.cooperatives = cooperatives
        self.cohorts = cohorts
        self.providers = providers
        self.distanceOverrides = distanceOverrides
        self.actuals = actuals
        self.policy = policy
        self.candidates = candidates
    }

    /// The number of children (cohort counts summed).
    public var childCount: Int { cohorts.reduce(0) { $0 + $1.count } }

    /// The authorities with children in the scenario (a cohort's home): those a report by home
    /// authority has figures for.
    public var homeAuthorities: Set<AuthorityCode> { Set(cohorts.lazy.filter { $0.count > 0 }.map(\.homeAuthority)) }

    /// The scenario's own authorities with children in it, in order: an imported council's scenario
    /// holds every council (for distances and today's market) and the children of one.
    public var ownAuthoritiesWithChildren: [Authority] {
        let home = homeAuthorities
        return ownAuthorities.filter { home.contains($0.id) }
    }

    /// Each provider's index in ``providers`` by its id: the first of equal ids (the loader refuses
    /// them; a scenario built in code may not).
    public var providerIndices: [ProviderID: Int] {
        Dictionary(providers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Each authority's name by its code: the first of equal codes (the loader refuses them; a
    /// scenario built in code may not).
    public var authorityNames: [AuthorityCode: String] {
        Dictionary(authorities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// The scenario's own authorities: every authority but those standing for the market beyond the boundary.
    public var ownAuthorities: [Authority] {
        marketBeyondBoundary.isEmpty ? authorities : authorities.filter { !marketBeyondBoundary.contains($0.id) }
    }

    /// The providers children's records name as where they live now (an import's `current_provider`).
    public var providersNamedByRecords: Set<ProviderID> { Set(cohorts.compactMap(\.currentProvider)) }

    /// Whether any co-operative has a member with children, so that regional commissioning differs
    /// from each council commissioning alone.
    public var hasCooperativeWithChildren: Bool {
        let homes = Set(cohorts.map(\.homeAuthority))
        return cooperatives.contains { $0.members.contains(where: homes.contains) }
    }

    /// The co-operative an authority belongs to, if any.
    public func cooperative(of authority: AuthorityCode) -> Cooperative? {
        cooperatives.first { $0.members.contains(authority) }
    }
}

/// An ordered pair of authority codes.
public struct AuthorityPair: Hashable, Sendable {
    public var from: AuthorityCode
    public var to: AuthorityCode

    public init(from: AuthorityCode, to: AuthorityCode) {
        self.from = from
        self.to = to
    }
}
