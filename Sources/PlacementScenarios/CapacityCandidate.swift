/// A candidate's id in `candidates.csv`.
public typealias CandidateID = Tagged<CapacityCandidate, String>

/// New capacity a plan may build: a children's home (or another residential setting) a council would
/// open, foster carers it would recruit, or — for a co-operative or a national plan — a block contract
/// for places with the market. Built in whole units — homes, households or contracts — each adding
/// `placesPerUnit` places in `authority`'s area, run by that council (homes, carers) or by the market
/// (block contracts).
public struct CapacityCandidate: Hashable, Sendable, Identifiable {
    /// What is built.
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// A council-run home: capital to build or buy it, staff to run it.
        case home
        /// In-house foster households: a recruitment cost, an allowance while a child lives there.
        case fosterCarers = "foster_carers"
        /// Places reserved with the market in an authority for a term at a weekly price, paid whether
        /// used or not; commissioned by a co-operative or nationally, never by a single council.
        case blockContract = "block_contract"

        /// The placement types a unit of this kind may offer. Secure children's homes are commissioned
        /// nationally and are never built by a single council; foster and kinship care are never homes.
        public var allowedTypes: [PlacementType] {
            switch self {
            case .home: [.childrensHome, .supportedAccommodation, .residentialSchool, .parentAndChild]
            case .fosterCarers: [.foster, .parentAndChild]
            case .blockContract:
                [.childrensHome, .supportedAccommodation, .residentialSchool, .parentAndChild, .foster]
            }
        }

        /// Who runs the places a unit of this kind adds.
        public var sector: Sector {
            switch self {
            case .home, .fosterCarers: .localAuthority
            case .blockContract: .private
            }
        }

        /// The type when the file gives none.
        public var defaultType: PlacementType {
            switch self {
            case .home, .blockContract: .childrensHome
            case .fosterCarers: .foster
            }
        }
    }

    public var id: CandidateID
    public var kind: Kind
    /// The council that would run the new places, in its own area.
    public var authority: AuthorityCode
    public var placementType: PlacementType
    /// Places per home, or children per foster household.
    public var placesPerUnit: Int
    /// Homes, or households, that may be built or recruited at most.
    public var maximumUnits: Int
    /// £ per unit, once: capital cost of a home, recruitment (assessment, training) of a household,
    /// setting up a block contract.
    public var capitalCost: Double
    /// £ per place per week once open: running cost of a home's place, a carer's allowance and
    /// support, or a block contract's price.
    public var weeklyCostPerPlace: Double
    /// Years from the decision until the places open.
    public var yearsToOpen: Double
    /// Years over which the one-off cost is annualised (the asset's life, a carer's expected tenure,
    /// or a block contract's term).
    public var lifeYears: Double
    public var specialisms: Set<Requirement>
    public var ageRange: AgeBand

    public init(
        id: CandidateID, kind: Kind, authority: AuthorityCode, placementType: PlacementType, placesPerUnit: Int,
        maximumUnits: Int, capitalCost: Double, weeklyCostPerPlace: Double, yearsToOpen: Double, lifeYears: Double,
        specialisms: Set<Requirement> = [], ageRange: AgeBand = .all
    ) {
        self.id = id
        self.kind = kind
        self.authority = authority
        self.placementType = placementType
        self.placesPerUnit = placesPerUnit
        self.maximumUnits = maximumUnits
        self.capitalCost = capitalCost
        self.weeklyCostPerPlace = weeklyCostPerPlace
        self.yearsToOpen = yearsToOpen
        self.lifeYears = lifeYears
        self.specialisms = specialisms
        self.ageRange = ageRange
    }

    /// £ per unit drawn from a budget: the one-off cost, and for a block contract also the price of
    /// its places for the whole term (the money committed), since a contract is paid, used or not,
    /// for as long as it runs.
    public var budgetCost: Double { capitalCost + termPrice }

    /// £ per unit a block contract's places cost over its term, paid used or not; 0 for a build.
    public var termPrice: Double {
        switch kind {
        case .home, .fosterCarers: 0
        case .blockContract: weeklyCostPerPlace * Double(placesPerUnit) * 52 * lifeYears
        }
    }
}
