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

    /// Weekly prices in 2025 pounds, each with its source and range (`compare --sensitivity` scales
    /// council-run places' × 0.8–1.25 and the rest × 0.8–1.2 in today's market).
    static let prices: [(PlacementType, Sector?, Double, String)] = [
        (
            .foster, .localAuthority, 675,
            "in-house fostering £553 a week (2018) uplifted 22%; range £600–£900 (£646 a week at full cost with "
                + "social work and overheads, PSSRU unit costs 2016-17)"
        ),
        (.kinship, .localAuthority, 675, "connected-person carers paid as in-house foster carers; range as theirs"),
        (
            .foster, nil, 1_000,
            "independent fostering agency £820 a week (CMA, 2020 data) uplifted 22%; range £800–£1,200"
        ),
        (
            .childrensHome, nil, 6_100,
            "all-sector average £6,100 a week (NAO 2025: £318,400 a place a year in 2023-24; CCN 2024 £6,108), "
                + "every sector; range £4,800–£7,500 (£3,830 at the largest providers, CMA 2020 data)"
        ),
        (
            .secureChildrensHome, nil, 8_500,
            "assumed: no welfare price is published; a youth-justice place costs about £5,200 a week (£270,000 a "
                + "year, Ministry of Justice 2022); range £5,200–£10,000"
        ),
        (
            .supportedAccommodation, nil, 1_500,
            "assumed: no national figure; councils' averages run from £1,278 (Thurrock, 2022-23) to £3,324 a week "
                + "(Lincolnshire's independent placements, 2023); range £600–£3,500"
        ),
        (
            .residentialSchool, nil, 5_500,
            "assumed: no national figure; 52 weeks cost about £150,000 a year in 2007 (Audit Commission), and "
                + "£6,204 a week for disabled children's 52-week placements (Lincolnshire, 2023); range £4,000–£8,000"
        ),
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
