/// A children's home, fostering service or pool of places, with places and a weekly price for each
/// placement type it offers.
public struct Provider: Hashable, Sendable, Identifiable {
    public var id: ProviderID
    public var name: String
    public var sector: Sector
    /// The council whose own service this is (GSS code): for a local-authority provider, the council
    /// that runs it; for a children's trust's service (voluntary or other public, as DfE counts the
    /// trust), the council the trust runs children's services for. Other councils' children use its
    /// places only as the commissioning mode allows; only local-authority providers count towards M1.
    public var operatingAuthority: AuthorityCode?
    public var owner: String
    /// The authority the provider is located in (GSS code).
    public var authority: AuthorityCode
    /// Exact location when known; otherwise the authority's area is used.
    public var location: Coordinate?
    public var offers: [PlacementType: Offer]
    public var rating: OfstedRating
    public var specialisms: Set<Requirement>
    public var ageRange: AgeBand

    /// Places and weekly price for one placement type.
    public struct Offer: Hashable, Sendable {
        public var places: Int
        /// Pounds per child per week.
        public var weeklyPrice: Double

        public init(places: Int, weeklyPrice: Double) {
            self.places = places
            self.weeklyPrice = weeklyPrice
        }
    }

    public init(
        id: ProviderID, name: String, sector: Sector, operatingAuthority: AuthorityCode? = nil, owner: String = "",
        authority: AuthorityCode, location: Coordinate? = nil, offers: [PlacementType: Offer],
        rating: OfstedRating = .good, specialisms: Set<Requirement> = [], ageRange: AgeBand = .all
    ) {
        self.id = id
        self.name = name
        self.sector = sector
        self.operatingAuthority = operatingAuthority
        self.owner = owner
        self.authority = authority
        self.location = location
        self.offers = offers
        self.rating = rating
        self.specialisms = specialisms
        self.ageRange = ageRange
    }

    /// Whether a council runs it.
    public var isLocalAuthorityRun: Bool { sector == .localAuthority }

    /// Whether `council` runs it itself (its own in-house provision, M1's numerator).
    public func isRun(byCouncil council: AuthorityCode) -> Bool {
        isLocalAuthorityRun && operatingAuthority == council
    }

    /// Whether it is one council's own service (run by the council or by its children's trust), whose
    /// places other councils' children use only as the commissioning mode allows.
    public var isCouncilService: Bool { operatingAuthority != nil }
}
