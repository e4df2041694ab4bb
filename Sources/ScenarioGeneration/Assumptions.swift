import PlacementScenarios

/// Every number the real-data scenarios assume rather than read, with where it comes from. The
/// scenario READMEs print this list.
enum Assumptions {
    /// Share of foster placements with a relative or friend (kinship). Not split in the data files;
    /// DfE's national tables put it near one in five.
    static let kinshipShareOfFoster = 0.18
    /// Share of secure children's homes' registered places holding looked-after children placed on
    /// welfare grounds (the rest are youth-justice placements). Assumed.
    static let secureWelfareShareOfPlaces = 0.5
    /// Occupancy of councils' own children's homes, used to estimate how many of a council's own
    /// provision are residential rather than foster. Assumed.
    static let inHouseHomeOccupancy = 0.75
    /// Occupancy of councils' own supported accommodation, used to estimate how many of a council's
    /// own provision live there rather than in foster care. Assumed as for homes (range 0.6–0.9).
    static let councilSupportedAccommodationOccupancy = 0.75
    /// In-house mainstream foster places over children in them: headroom for matching. Assumed
    /// (Ofsted counts 16% of approved places vacant, many unusable).
    static let inHouseFosterHeadroom = 1.10
    /// Agency foster capacity over agency-placed children: 1 / (1 − 16% vacancy) (Ofsted 2024).
    static let agencyFosterCapacityFactor = 1 / 0.84

    /// Weekly prices in 2025 pounds.
    static let prices: [(PlacementType, Sector?, Double, String)] = [
        (.foster, .localAuthority, 675, "in-house fostering £553 a week (2018) uplifted 22%"),
        (.kinship, .localAuthority, 675, "connected-person carers paid as in-house foster carers"),
        (.foster, nil, 1_000, "independent fostering agency £820 a week (CMA, 2020 data) uplifted 22%"),
        (.childrensHome, nil, 6_100, "all-sector average £6,100 a week (NAO 2025; CCN 2024 £6,108), every sector"),
        (.secureChildrensHome, nil, 8_500, "assumed: no figure in the data files"),
        (.supportedAccommodation, nil, 1_500, "assumed: no figure in the data files"),
        (.residentialSchool, nil, 5_500, "assumed: no figure in the data files"),
    ]

    static func price(_ type: PlacementType, sector: Sector) -> Double {
        knownPrice(type, sector: sector) ?? importedParentAndChildPrice
    }

    /// The listed price of a type and sector, if any.
    static func knownPrice(_ type: PlacementType, sector: Sector) -> Double? {
        (prices.first { $0.0 == type && $0.1 == sector } ?? prices.first { $0.0 == type && $0.1 == nil })?.2
    }

    /// Parent and child placements (family centres, parent-and-child foster care) appear only in a
    /// council's import: assumed, no figure in the data files (range £1,000–£5,000).
    static let importedParentAndChildPrice = 2_500.0

    /// The age band a cohort or provider of each type carries: the register records no age ranges,
    /// so DfE's age split is not applied.
    static func ageBand(_ type: PlacementType) -> AgeBand {
        switch type {
        case .supportedAccommodation: AgeBand(minimum: 16, maximum: 17)
        case .secureChildrensHome: AgeBand(minimum: 10, maximum: 17)
        case .childrensHome, .residentialSchool: AgeBand(minimum: 5, maximum: 17)
        case .placedForAdoption: AgeBand(minimum: 0, maximum: 4)
        default: AgeBand.all
        }
    }

    /// The policy of the real-data scenarios: the defaults, with distance limits that keep foster
    /// care and supported accommodation within 50 miles and children's homes within 75; the 14 secure
    /// homes and 49 residential special schools serve all of England.
    static var policy: Policy {
        var policy = Policy()
        policy.maximumDistanceMiles = [
            .foster: 50, .kinship: 50, .supportedAccommodation: 50, .childrensHome: 75,
            .secureChildrensHome: 400, .residentialSchool: 400,
        ]
        policy.defaultMaximumDistance = 75
        return policy
    }
}
